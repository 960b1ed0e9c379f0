import { parseArgs, type ParseArgsConfig } from 'node:util';
import { backupCommand, checkCommand, seedCommand } from './commands';
import { CliError, USAGE } from './cli-error';

type Command = (values: Record<string, string | boolean | (string | boolean)[] | undefined>) => Promise<number>;

const COMMANDS: Record<string, { run: Command; options: ParseArgsConfig['options'] }> = {
  seed: {
    run: seedCommand,
    options: { cases: { type: 'string' }, data: { type: 'string' }, desk: { type: 'string' }, seed: { type: 'string' }, end: { type: 'string' } },
  },
  'db check': { run: checkCommand, options: { data: { type: 'string' }, json: { type: 'boolean' } } },
  'db backup': { run: backupCommand, options: { data: { type: 'string' }, to: { type: 'string' } } },
};

export async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  if (!first || first === 'help' || first === '--help' || first === '-h') {
    process.stdout.write(USAGE);
    return first ? 0 : 2;
  }
  const name = first === 'db' ? `db ${second ?? ''}` : first;
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command '${name.trim()}'. Run 'civicdesk help' for the list of commands`, 2);
  const rest = argv.slice(first === 'db' ? 2 : 1);
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: command.options ?? {}, strict: true, allowPositionals: false }));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('. ')[0]! : String(error);
    throw new CliError(`${name}: ${message}`, 2);
  }
  return command.run(values);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`civicdesk: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  },
);
