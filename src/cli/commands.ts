// Registers every CLI command. Commands load lazily so `sessionscope decode` never pulls in the server code.
import { registerCommand } from './main.ts';

registerCommand('decode', async () => (await import('./decode.ts')).runDecode);
