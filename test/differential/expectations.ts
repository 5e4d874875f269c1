// Every known disagreement between the model and a real browser, with the reason. The differential tests
// fail on any disagreement not listed here, and on any listed one that no longer happens (stale entry).
// The model follows Chromium; Firefox differences are documented, not modelled.

export const CHROMIUM_KNOWN: Record<string, string> = {};

export const FIREFOX_KNOWN: Record<string, string> = {
  'syntax/nameless': 'Firefox ESR reads a pair without "=" as a name with an empty value ("justvalue=") instead of RFC 6265bis\'s nameless cookie',
  'syntax/empty-name': 'Firefox ESR drops a cookie with an empty name ("=v"); Chromium stores it as a nameless cookie',
  'syntax/tab-in-value': 'Firefox ESR allows HTAB inside a value, as RFC 6265bis does; Chromium rejects it (DisallowedCharacter)',
};
