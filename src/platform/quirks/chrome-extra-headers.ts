// Chrome hides Cookie and Set-Cookie from webRequest listeners unless 'extraHeaders' is in extraInfoSpec
// (since Chrome 72, for CORS-related headers). Firefox shows them anyway and throws
// "Invalid enumeration value \"extraHeaders\"" when it is passed, so it is feature-detected through the
// enum Chrome exposes (OnHeadersReceivedOptions.EXTRA_HEADERS === 'extraHeaders'; absent in Firefox).

interface WebRequestEnums {
  OnHeadersReceivedOptions?: { EXTRA_HEADERS?: string };
  OnBeforeSendHeadersOptions?: { EXTRA_HEADERS?: string };
}

export function withExtraHeaders(spec: string[], webRequest: unknown, which: 'request' | 'response'): string[] {
  const enums = webRequest as WebRequestEnums;
  const options = which === 'response' ? enums.OnHeadersReceivedOptions : enums.OnBeforeSendHeadersOptions;
  const extra = options?.EXTRA_HEADERS;
  return typeof extra === 'string' ? [...spec, extra] : spec;
}
