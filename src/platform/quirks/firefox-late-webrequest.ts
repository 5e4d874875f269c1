// Firefox delivers webRequest events to the background AFTER the cookies.onChanged they caused (Chrome
// fires onHeadersReceived first), and a content script's document.cookie report always arrives after the
// change — on a busy page load in Firefox, more than 400 ms after it. So a store change that nothing
// explains yet is held (up to PROVENANCE_HOLD_MS) until the header or script report that explains it
// arrives; explained changes are released at once.
export const PROVENANCE_HOLD_MS = 1500;

/** How long a Set-Cookie header or script write stays eligible to explain a store change. */
export const CORRELATION_WINDOW_MS = 5000;
