// CLI dispatcher: `sessionscope <command> [...]`. Each command returns its exit code.
const USAGE = `usage: sessionscope <command> [options]

commands:
  decode     decode and verify a session cookie value
  audit      audit the cookies of URLs or a HAR file
  companion  run the Django-faithful companion server`;

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {};

export function registerCommand(name: string, load: () => Promise<Command>): void {
  commands[name] = load;
}

export async function main(argv: string[]): Promise<number> {
  // Imported here, not at the top: commands.ts calls registerCommand, which needs `commands` initialised.
  await import('./commands.ts');
  const [name, ...rest] = argv;
  if (!name) {
    // bad usage: the usage text goes to stderr so a script capturing stdout gets nothing
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`sessionscope: unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  return (await load())(rest);
}
