// The only module that reaches for the extension namespace. webextension-polyfill throws when imported
// outside an extension, so unit tests import the fakes in ./fakes instead of this file.
import browser from 'webextension-polyfill';

export { browser };
export type Browser = typeof browser;
