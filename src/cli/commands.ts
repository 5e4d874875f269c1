// Registers every CLI command. Commands load lazily so `sessionscope decode` never pulls in the server code.
import { registerCommand } from './main.ts';

registerCommand('decode', async () => (await import('./decode.ts')).runDecode);
registerCommand('companion', async () => (await import('./companion.ts')).runCompanion);
registerCommand('audit', async () => (await import('./audit.ts')).runAudit);
