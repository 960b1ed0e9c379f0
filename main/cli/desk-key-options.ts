import { readFileSync } from 'node:fs';
import { deskDatabasePath } from '../core/data-dir';
import { deskFileState, parseDeskKeyHex } from '../core/db/cipher';
import { openReadonlyDeskDatabase } from '../core/db/connection';
import { DeskKeyError } from '../core/db/desk-key-error';
import { recoverDeskKey } from '../core/db/desk-key-recovery';
import { CliError } from './cli-error';

type Values = Record<string, unknown>;

/** The parseArgs options every `civicdesk db …` command that opens the desk database takes. */
export const DESK_KEY_OPTIONS = { 'key-file': { type: 'string' }, 'recovery-key': { type: 'string' } } as const;

/**
 * How a `civicdesk db …` command gets the key of an encrypted desk database, which outside the app
 * cannot come from the OS keychain: `--key-file FILE` (the raw key, hex) or `--recovery-key PEM`
 * (IT's recovery private key, which unseals the desk's recovery copy of its key).
 * Returns undefined for a desk whose database is not encrypted. A key that does not open the
 * database is refused here, with the option that brought it.
 */
export function deskKeyFromOptions(values: Values, dataDir: string): Buffer | undefined {
  const keyFile = optionText(values, 'key-file');
  const recoveryKey = optionText(values, 'recovery-key');
  if (keyFile !== undefined && recoveryKey !== undefined) throw new CliError('pass either --key-file or --recovery-key, not both', 2);
  const database = deskDatabasePath(dataDir);
  const state = deskFileState(database);
  if (state === 'plaintext') return undefined;
  if (keyFile === undefined && recoveryKey === undefined) {
    if (state !== 'encrypted') return undefined;
    throw new CliError(
      `${database} is encrypted: pass --key-file FILE (the key as 64 hex characters, as 'civicdesk db recover-key --out FILE' writes it) ` +
        `or --recovery-key PEM_FILE (IT's recovery private key)`,
      2,
    );
  }
  const key = keyFile !== undefined ? keyFromKeyFile(keyFile) : recoveredKey(dataDir, recoveryKey ?? '');
  if (state === 'encrypted') proveOpens(database, key, keyFile !== undefined ? `--key-file ${keyFile}` : `--recovery-key ${recoveryKey}`);
  return key;
}

function keyFromKeyFile(file: string): Buffer {
  const key = parseDeskKeyHex(readOptionFile(file, '--key-file'));
  if (!key) throw new CliError(`--key-file ${file} should hold the desk key as 64 hex characters (0-9, a-f) and nothing else`, 2);
  return key;
}

function recoveredKey(dataDir: string, pemFile: string): Buffer {
  try {
    return recoverDeskKey({ dataDir, recoveryPrivateKeyPem: readOptionFile(pemFile, '--recovery-key') }).key;
  } catch (error) {
    if (error instanceof DeskKeyError) throw new CliError(error.message);
    throw error;
  }
}

function proveOpens(database: string, key: Buffer, given: string): void {
  try {
    openReadonlyDeskDatabase(database, key).close();
  } catch (error) {
    if (error instanceof DeskKeyError) throw new CliError(`${given}: the key does not open ${database}; it belongs to another desk`);
    throw error;
  }
}

/** A file an option names; its absence is the user's mistake, said in one line. */
export function readOptionFile(file: string, option: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
    throw new CliError(`${option} ${file}: cannot read it (${reason})`, 2);
  }
}

function optionText(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
