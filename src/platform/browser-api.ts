// The only module that reaches for the extension namespace. webextension-polyfill throws when imported
// outside an extension, so unit tests use the fakes in ./memory instead of this file.
import browser from 'webextension-polyfill';

export { browser };
export type Browser = typeof browser;
