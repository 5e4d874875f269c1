// `node bin/run-ts.js test/replay/run-cli.ts URL` prints the transcript, like scenario.py does.
import { runScenario } from './scenario.ts';

const [url, ...rest] = process.argv.slice(2);
const secretAt = rest.indexOf('--secret-key');
process.stdout.write(await runScenario(url, secretAt >= 0 ? { secret: rest[secretAt + 1] } : {}));
