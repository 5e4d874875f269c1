// The built-in weak-secret list, checked offline: defaults from framework docs, tutorials and generators
// (badsecrets/flask-unsign keep far larger lists; a small one keeps the extension fast).
export const WEAK_SECRETS: readonly string[] = [
  '', 'secret', 'changeme', 'password', 'keyboard cat', 'your-secret-key-here', 'development', 'dev', 'test',
  'default', 'secret-key', 'supersecret',
  // framework and tutorial defaults
  'secret_key', 'secretkey', 'my-secret-key', 'mysecret', 'mysecretkey', 'your-secret-key', 'your_secret_key',
  'change-me', 'changethis', 'CHANGEME', 'development key', 'dev-key', 'devkey', 'testing', 'key', 'admin',
  'super-secret', 'super secret', 'topsecret', 'shhhhh', 'shhh', 's3cr3t', 'SECRET_KEY', 'flask', 'django',
  'rails', 'express', 'session-secret', 'session_secret', 'cookie-secret', 'sessionsecret', 'secret123',
  '123456', 'password123', 'qwerty', 'abc123', 'notasecret', 'insecure', 'fixme', 'todo', 'example',
  'you-will-never-guess', 'this-is-a-secret', 'my_secret', 'jwt-secret', 'jwt_secret', 'jwtsecret',
];

/** Secrets that are weak by construction even if not listed (Django's security.W009 in spirit). */
export function isTriviallyWeak(secret: string): boolean {
  return secret.length < 8 || new Set(secret).size < 5 || secret.startsWith('django-insecure-') || WEAK_SECRETS.includes(secret);
}
