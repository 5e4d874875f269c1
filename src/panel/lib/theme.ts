// DevTools' own theme wins (devtools.panels.themeName); a plain page follows the OS; `?theme=` forces one.
export type Theme = 'light' | 'dark';

export function resolveTheme(opts: { query: URLSearchParams; devtoolsTheme?: string | null; prefersDark: boolean }): Theme {
  const forced = opts.query.get('theme');
  if (forced === 'light' || forced === 'dark') return forced;
  if (opts.devtoolsTheme) return opts.devtoolsTheme === 'dark' ? 'dark' : 'light';
  return opts.prefersDark ? 'dark' : 'light';
}

export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}
