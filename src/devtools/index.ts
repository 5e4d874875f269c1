import { browser } from '../platform/browser-api.ts';

// Leading slash: Chrome resolves panel paths from the extension root, Firefox from the devtools page;
// the absolute form means the same file in both.
void browser.devtools.panels.create('Sessions', '/icons/icon-32.png', '/src/panel/index.html');
