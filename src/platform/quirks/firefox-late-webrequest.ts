// Firefox delivers webRequest events to the background AFTER the cookies.onChanged they caused (Chrome
// fires onHeadersReceived first), and a content script's document.cookie report always arrives after the
// change. A store change is therefore held this long before its provenance is decided, so the header or
// the script report that explains it has time to arrive in either browser.
export const PROVENANCE_HOLD_MS = 400;

/** How long a Set-Cookie header or script write stays eligible to explain a store change. */
export const CORRELATION_WINDOW_MS = 5000;
