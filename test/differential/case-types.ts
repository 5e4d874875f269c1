// Shape of a differential case: a sequence of responses (and optional document.cookie writes) on origins.

export interface DiffStep {
  /** Scheme and host only ("https://sub.x.test"); the runner adds the right port. */
  origin: string;
  /** Request path (default "/"), which decides the default cookie path. */
  path?: string;
  headers: string[];
  /** document.cookie assignments run in the page after the response loaded. */
  script?: string[];
  /** Load the response in an iframe of a page on this origin ("https://top.test") instead of top-level. */
  embedIn?: string;
}

export interface DiffCase {
  id: string;
  steps: DiffStep[];
  /** Run with the browser's third-party cookie blocking on (as in incognito or by user setting). */
  blockThirdPartyCookies?: boolean;
}

/** A one-response case. */
export const single = (id: string, origin: string, headers: string | string[], path?: string): DiffCase =>
  ({ id, steps: [{ origin, path, headers: Array.isArray(headers) ? headers : [headers] }] });

export interface Ports { httpPort: number; httpsPort: number }

/** The URL a step loads: its origin with the scheme's port, its path, and the case/step that picks the headers. */
export function stepUrl(step: DiffStep, caseId: string, index: number, ports: Ports): string {
  const u = new URL(step.origin);
  const port = u.protocol === 'https:' ? ports.httpsPort : ports.httpPort;
  return `${u.protocol}//${u.host}:${port}${step.path ?? '/'}?case=${encodeURIComponent(caseId)}&step=${index}`;
}

/** The top-level page that frames a step's URL (see DiffStep.embedIn). */
export function embedUrl(embedIn: string, frameUrl: string, ports: Ports): string {
  const u = new URL(embedIn);
  const port = u.protocol === 'https:' ? ports.httpsPort : ports.httpPort;
  return `${u.protocol}//${u.host}:${port}/__embed?src=${encodeURIComponent(frameUrl)}`;
}

/** The server's lookup: finds the headers for a request target produced by stepUrl. */
export function lookupFor(cases: readonly DiffCase[]): (target: string) => string[] | null {
  const byId = new Map(cases.map((c) => [c.id, c]));
  return (target) => {
    const query = new URL(target, 'http://placeholder').searchParams;
    const found = byId.get(query.get('case') ?? '');
    return found?.steps[Number(query.get('step'))]?.headers ?? null;
  };
}
