import { parseArgs, type ParseArgsConfig } from 'node:util';
import { backupCommand, checkCommand, seedCommand } from './commands';
import { CliError, USAGE } from './cli-error';
import { addressesImportCommand } from './addresses-command';
import { importCommand } from './import-command';
import { reportCommand } from './report-command';

type Command = (values: Record<string, string | boolean | (string | boolean)[] | undefined>, positionals: string[]) => Promise<number>;

/** `positionals`: how many bare arguments the command takes (import takes its FILE). */
const COMMANDS: Record<string, { run: Command; options: ParseArgsConfig['options']; positionals?: number }> = {
  seed: {
    run: seedCommand,
    options: { cases: { type: 'string' }, data: { type: 'string' }, desk: { type: 'string' }, seed: { type: 'string' }, end: { type: 'string' } },
  },
  'db check': { run: checkCommand, options: { data: { type: 'string' }, json: { type: 'boolean' } } },
  'db backup': { run: backupCommand, options: { data: { type: 'string' }, to: { type: 'string' } } },
  import: {
    run: importCommand,
    positionals: 1,
    options: { data: { type: 'string' }, file: { type: 'string' }, 'skip-bad': { type: 'boolean' }, rejects: { type: 'string' }, json: { type: 'boolean' } },
  },
  'addresses import': {
    run: addressesImportCommand,
    positionals: 1,
    options: { data: { type: 'string' }, server: { type: 'string' }, tenant: { type: 'string' }, username: { type: 'string' } },
  },
  report: {
    run: reportCommand,
    options: {
      data: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      top: { type: 'string' },
      server: { type: 'string' },
      tenant: { type: 'string' },
      username: { type: 'string' },
    },
  },
};

export async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  if (!first || first === 'help' || first === '--help' || first === '-h') {
    process.stdout.write(USAGE);
    return first ? 0 : 2;
  }
  const grouped = first === 'db' || first === 'addresses';
  const name = grouped ? `${first} ${second ?? ''}` : first;
  const command = COMMANDS[name];
  if (!command && grouped) {
    const subcommands = Object.keys(COMMANDS).filter((key) => key.startsWith(`${first} `)).map((key) => key.slice(first.length + 1));
    const said = second ? `has no subcommand '${second}'` : 'needs a subcommand';
    throw new CliError(`${first} ${said}: ${subcommands.map((s) => `'${first} ${s}'`).join(', ')}. Run 'civicdesk help' for their options`, 2);
  }
  if (!command) throw new CliError(`unknown command '${name.trim()}'. Run 'civicdesk help' for the list of commands`, 2);
  const rest = argv.slice(grouped ? 2 : 1);
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, strict: true, allowPositionals: (command.positionals ?? 0) > 0 }));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('. ')[0]! : String(error);
    throw new CliError(`${name}: ${message}`, 2);
  }
  if (positionals.length > (command.positionals ?? 0)) throw new CliError(`${name}: unexpected argument '${positionals[command.positionals ?? 0]}'`, 2);
  return command.run(values, positionals);
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
