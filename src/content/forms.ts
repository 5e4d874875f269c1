// Notices a password form being submitted (a login), so the background can compare the session cookie
// before and after. Only the fact and the form's action leave the page: never field values.
export function watchPasswordSubmits(doc: Document, report: (action: string) => void): () => void {
  const onSubmit = (event: Event) => {
    // a page script can dispatch a synthetic submit to fake a login (browsers mark it untrusted; DOM
    // fakes in unit tests leave isTrusted undefined)
    if (event.isTrusted === false) return;
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const password = form.querySelector('input[type="password"]') as HTMLInputElement | null;
    if (!password || password.value === '') return;
    report(form.action || doc.location.href);
  };
  doc.addEventListener('submit', onSubmit, true);
  return () => doc.removeEventListener('submit', onSubmit, true);
}

/** Names document.cookie exposes right now (the isolated world sees the same jar as page scripts). */
export function readableCookieNames(doc: Document): string[] {
  let text = '';
  try {
    text = doc.cookie;
  } catch {
    return []; // sandboxed documents throw SecurityError on document.cookie
  }
  const names = new Set<string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? '' : part.slice(0, eq)).trim();
    if (name) names.add(name);
  }
  return [...names].slice(0, 500);
}
