import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describeAddressProblem } from '../../shared/domain/addresses';
import { defaultDataDir, deskDatabasePath } from '../core/data-dir';
import { openDeskDatabase } from '../core/db/connection';
import { replaceAddresses, type ReplaceOutcome } from '../core/addresses/address-store';
import { readAddressFile, type AddressFileRecord } from '../core/addresses/read-address-file';
import { AddressUploadError, uploadAddresses } from '../core/addresses/upload-addresses';
import { ServerApi, ServerError } from '../core/sync/server-api';
import { CliError } from './cli-error';
import { promptHidden } from './hidden-prompt';
import { deskKeyFromOptions } from './desk-key-options';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Bad rows printed before "and N more": enough to see the pattern, not a screenful of the same. */
const SHOWN_PROBLEMS = 50;

const text = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

const count = (n: number): string => n.toLocaleString('en-CA');
const summary = (file: string, into: string, total: number, o: ReplaceOutcome): string =>
  `Imported ${count(total)} addresses from ${file} into ${into}: ${count(o.added)} added, ${count(o.changed)} changed, ${count(o.removed)} removed, ${count(o.unchanged)} unchanged`;

function checkedFile(file: string): AddressFileRecord[] {
  const read = readAddressFile(file);
  if (read.ok) return read.records;
  if ('problem' in read) throw new CliError(`addresses import: ${basename(file)}: ${read.problem}`);
  const lines = read.bad.slice(0, SHOWN_PROBLEMS).map((bad) => `  ${describeAddressProblem(bad.line, bad)}`);
  if (read.bad.length > SHOWN_PROBLEMS) lines.push(`  … and ${count(read.bad.length - SHOWN_PROBLEMS)} more`);
  const rows = new Set(read.bad.map((b) => b.line)).size;
  process.stderr.write(`${basename(file)}: ${count(rows)} of ${count(read.rows)} rows cannot be imported; nothing was imported:\n${lines.join('\n')}\n`);
  throw new CliError(`addresses import: fix the rows above and import the whole file again`);
}

async function password(): Promise<string> {
  const fromEnv = process.env.CIVICDESK_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new CliError('addresses import: set CIVICDESK_PASSWORD to the password, or run this in a terminal to be asked for it', 2);
  return promptHidden('Password: ');
}

async function toServer(values: Values, file: string, records: AddressFileRecord[], serverUrl: string): Promise<string> {
  const tenant = text(values, 'tenant');
  const username = text(values, 'username');
  if (!tenant || !username) throw new CliError('addresses import: --server needs --tenant SLUG and --username NAME of an admin (the password comes from CIVICDESK_PASSWORD)', 2);
  if (!/^https?:\/\//.test(serverUrl)) throw new CliError(`--server must be an http:// or https:// address (got '${serverUrl}')`, 2);
  let token: string;
  try {
    ({ token } = await new ServerApi(serverUrl, fetch).signIn({ tenant, username, password: await password() }));
  } catch (error) {
    if (error instanceof ServerError && error.status === 401) throw new CliError(`addresses import: the server refused the sign-in of '${username}' in tenant '${tenant}': wrong username or password`);
    throw new CliError(`addresses import: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const outcome = await uploadAddresses(fetch, serverUrl, token, basename(file), records, (sent, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\ruploading ${count(sent)}/${count(total)}${sent === total ? '\n' : ''}`);
    });
    return `${summary(basename(file), `${tenant} on ${serverUrl}`, records.length, outcome)} (list version ${outcome.version}; desks take it at their next sync)`;
  } catch (error) {
    if (error instanceof AddressUploadError) throw new CliError(`addresses import: ${error.message} (nothing was imported)`);
    throw error;
  }
}

function toDesk(values: Values, file: string, records: AddressFileRecord[]): string {
  const database = deskDatabasePath(text(values, 'data') ?? defaultDataDir());
  if (!existsSync(database)) throw new CliError(`addresses import: no desk database at ${database}; start the console on this desk once, or pass --data DIR with the folder that holds desk.sqlite`);
  const key = deskKeyFromOptions(values, dirname(database));
  const { db } = openDeskDatabase(database, key ? { key } : {});
  try {
    const outcome = replaceAddresses(db, records, Date.now());
    return summary(basename(file), `the desk database ${database}`, records.length, outcome);
  } finally {
    db.close();
  }
}

/**
 * `civicdesk addresses import FILE.csv [--data DIR]` into this desk, or with `--server URL --tenant
 * SLUG --username NAME` to the city's server as an admin (docs/addresses.md). The whole file is
 * checked first; one bad row and nothing is imported.
 */
export async function addressesImportCommand(values: Values, positionals: string[]): Promise<number> {
  const file = positionals[0];
  if (!file) throw new CliError('addresses import: name the file to import (civicdesk addresses import FILE.csv --data DIR)', 2);
  if (!existsSync(file)) throw new CliError(`addresses import: no file at ${file}`);
  const serverUrl = text(values, 'server');
  if (serverUrl && text(values, 'data')) throw new CliError('addresses import: give --data DIR (this desk) or --server URL (the city), not both', 2);
  const records = checkedFile(file);
  const line = serverUrl ? await toServer(values, file, records, serverUrl) : toDesk(values, file, records);
  process.stdout.write(`${line}\n`);
  return 0;
}
