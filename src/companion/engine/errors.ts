// Django's session exceptions, as the middleware and the views need to tell them apart.
export class CreateError extends Error { constructor() { super('CreateError'); } }
/** The record to update vanished (deleted concurrently) → SessionInterrupted → HTTP 400. */
export class UpdateError extends Error { constructor() { super('UpdateError'); } }
export class KeyError extends Error { constructor(readonly key: string) { super(`KeyError: '${key}'`); } }
/** A TypeError/ValueError/RuntimeError Python would raise: the request ends in a 500 page. */
export class ServerError extends Error {}
/** Django's SuspiciousOperation family (e.g. InvalidSessionKey): answered with a 400 page. */
export class SuspiciousOperation extends Error {}
