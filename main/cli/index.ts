import { parseArgs, type ParseArgsConfig } from 'node:util';
import { seedCommand } from './commands';
import { CliError } from './cli-error';
import { addressesImportCommand } from './addresses-command';
import { backupCommand, checkCommand, exportCommand, purgeCommand, restoreCommand } from './db-commands';
import { DESK_KEY_OPTIONS } from './desk-key-options';
import { importCommand } from './import-command';
import { recoverKeyCommand, recoveryKeypairCommand } from './key-commands';
import { reportCommand } from './report-command';

const USAGE = `civicdesk — the CivicDesk desk command line

  civicdesk seed --cases N [--data DIR] [--desk CODE] [--seed N] [--end DATE]
      Fill a desk database with N realistic generated cases (a year ending at --end, default now).
  civicdesk db check [--data DIR] [--json] [KEY]
      Integrity and foreign-key checks, migration state and case count. Exit 1 if unhealthy.
  civicdesk db backup --to FILE [--data DIR] [KEY]
      A checked copy of the desk database at FILE (which must not exist yet), encrypted like the desk. The app also keeps daily backups.
  civicdesk db restore --from FILE [--data DIR] [--discard-unsynced] [KEY]
      Put a backup in place of the desk database, with CivicDesk closed; the replaced one is kept as desk.sqlite.before-restore-<time>.
  civicdesk db export --to FILE [--key-out FILE | --unencrypted] [--data DIR] [KEY]
      A copy for moving a desk or for IT, encrypted with a new key written to FILE.key (or --key-out); --unencrypted: plain, personal data readable.
  civicdesk db purge --older-than-days N [--data DIR] [KEY]
      Remove synced cases finished and unchanged for N days (the server keeps them); open and unsynced cases stay.
  civicdesk db recover-key --recovery-key PEM_FILE [--data DIR] [--out FILE]
      Unseal the desk's database key with IT's recovery private key and hand it to the app (and to FILE, for --key-file).
  civicdesk db recovery-keypair --out-dir DIR
      Make IT's recovery key pair; prints the public key for the machine policy.
  civicdesk import FILE.csv [--data DIR] [--skip-bad] [--rejects FILE] [--json]
      Load cases from a previous system (columns in docs/import.md); all rows or none, or the good ones with --skip-bad.
  civicdesk report --from DATE --to DATE [--format json|csv|pdf] [--out FILE] [--top N] [--data DIR | --server URL --tenant SLUG --username NAME]
      The period report (docs/team-lead-guide.md) of this desk, or of your team from the server (password: CIVICDESK_PASSWORD).
  civicdesk addresses import FILE.csv [--data DIR | --server URL --tenant SLUG --username NAME]
      Load the city's address list (columns in docs/addresses.md) into this desk, or, as an admin, into the server for every desk.

  --data DIR defaults to the per-user application data folder (e.g. ~/.config/CivicDesk).
  KEY: an encrypted desk database needs --key-file FILE (its key, 64 hex characters) or --recovery-key PEM_FILE (IT's recovery private key).
`;

type Command = (values: Record<string, string | boolean | (string | boolean)[] | undefined>, positionals: string[]) => Promise<number>;

/** `positionals`: how many bare arguments the command takes (import takes its FILE). */
const COMMANDS: Record<string, { run: Command; options: ParseArgsConfig['options']; positionals?: number }> = {
  seed: {
    run: seedCommand,
    options: { cases: { type: 'string' }, data: { type: 'string' }, desk: { type: 'string' }, seed: { type: 'string' }, end: { type: 'string' } },
  },
  'db check': { run: checkCommand, options: { data: { type: 'string' }, json: { type: 'boolean' }, ...DESK_KEY_OPTIONS } },
  'db backup': { run: backupCommand, options: { data: { type: 'string' }, to: { type: 'string' }, ...DESK_KEY_OPTIONS } },
  'db restore': { run: restoreCommand, options: { data: { type: 'string' }, from: { type: 'string' }, 'discard-unsynced': { type: 'boolean' }, ...DESK_KEY_OPTIONS } },
  'db export': {
    run: exportCommand,
    options: { data: { type: 'string' }, to: { type: 'string' }, 'key-out': { type: 'string' }, unencrypted: { type: 'boolean' }, ...DESK_KEY_OPTIONS },
  },
  'db purge': { run: purgeCommand, options: { data: { type: 'string' }, 'older-than-days': { type: 'string' }, ...DESK_KEY_OPTIONS } },
  'db recover-key': { run: recoverKeyCommand, options: { data: { type: 'string' }, out: { type: 'string' }, ...DESK_KEY_OPTIONS } },
  'db recovery-keypair': { run: recoveryKeypairCommand, options: { 'out-dir': { type: 'string' }, ...DESK_KEY_OPTIONS } },
  import: {
    run: importCommand,
    positionals: 1,
    options: { data: { type: 'string' }, file: { type: 'string' }, 'skip-bad': { type: 'boolean' }, rejects: { type: 'string' }, json: { type: 'boolean' }, ...DESK_KEY_OPTIONS },
  },
  'addresses import': {
    run: addressesImportCommand,
    positionals: 1,
    options: { data: { type: 'string' }, server: { type: 'string' }, tenant: { type: 'string' }, username: { type: 'string' }, ...DESK_KEY_OPTIONS },
  },
  report: {
    run: reportCommand,
    options: {
      ...DESK_KEY_OPTIONS,
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
