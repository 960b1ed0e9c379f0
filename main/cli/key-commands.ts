import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deskDatabasePath, defaultDataDir } from '../core/data-dir';
import { deskFileState } from '../core/db/cipher';
import { openReadonlyDeskDatabase } from '../core/db/connection';
import { DeskKeyError } from '../core/db/desk-key-error';
import { writeSecretFileAtomic } from '../core/db/desk-key-files';
import { generateRecoveryKeyPair, recoverDeskKey, writeRecoveredDeskKey } from '../core/db/desk-key-recovery';
import { CliError } from './cli-error';
import { readOptionFile } from './desk-key-options';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const text = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export const RECOVERY_PRIVATE_KEY_FILE = 'civicdesk-recovery-private.pem';
export const RECOVERY_PUBLIC_KEY_FILE = 'civicdesk-recovery-public.pem';

/**
 * `civicdesk db recover-key --data DIR --recovery-key PEM [--out FILE]`: unseals a desk's key with
 * IT's recovery private key and hands it to the app as desk.key.recovered (adopted and deleted at
 * its next start). `--out FILE` also writes the raw key for `--key-file`. Prints nothing secret.
 */
export async function recoverKeyCommand(values: Values): Promise<number> {
  const pemFile = text(values, 'recovery-key');
  if (!pemFile) throw new CliError('db recover-key: --recovery-key PEM_FILE (IT’s recovery private key) is required', 2);
  const dataDir = text(values, 'data') ?? defaultDataDir();
  const out = text(values, 'out');
  if (out !== undefined && existsSync(out)) throw new CliError(`db recover-key: --out ${out} already exists; name a new file`, 2);
  let recovered;
  try {
    recovered = recoverDeskKey({ dataDir, recoveryPrivateKeyPem: readOptionFile(pemFile, '--recovery-key') });
  } catch (error) {
    if (error instanceof DeskKeyError) throw new CliError(`db recover-key: ${error.message}`);
    throw error;
  }
  const database = deskDatabasePath(dataDir);
  if (deskFileState(database) === 'encrypted') {
    try {
      openReadonlyDeskDatabase(database, recovered.key).close();
    } catch (error) {
      if (error instanceof DeskKeyError) throw new CliError(`db recover-key: the key recovered from ${dataDir}'s desk.key does not open ${database}: they come from different desks`);
      throw error;
    }
  }
  const handedOver = writeRecoveredDeskKey(dataDir, recovered.key);
  const lines = [
    `Recovered the key of desk database ${database} (key fingerprint ${recovered.fingerprint}).`,
    `Wrote ${handedOver}: CivicDesk adopts it at its next start on this desk's user account, seals it with that account's keychain and deletes the file.`,
  ];
  if (out !== undefined) {
    writeSecretFileAtomic(resolve(out), `${recovered.key.toString('hex')}\n`, { exclusive: true });
    lines.push(`Wrote the raw key to ${out} (readable by you only) for 'civicdesk db … --key-file ${out}'. Keep it as safe as the recovery private key, and delete it when done.`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/**
 * `civicdesk db recovery-keypair --out-dir DIR`: IT's recovery key pair. The private key goes to a
 * file only its owner can read (and then to a safe); the public key is printed for the policy.
 */
export async function recoveryKeypairCommand(values: Values): Promise<number> {
  const outDir = text(values, 'out-dir');
  if (!outDir) throw new CliError('db recovery-keypair: --out-dir DIR is required', 2);
  const privateFile = join(outDir, RECOVERY_PRIVATE_KEY_FILE);
  const publicFile = join(outDir, RECOVERY_PUBLIC_KEY_FILE);
  for (const file of [privateFile, publicFile]) {
    if (existsSync(file)) throw new CliError(`db recovery-keypair: ${file} already exists; a new pair would orphan every desk sealed to the old one. Choose another --out-dir`, 2);
  }
  mkdirSync(outDir, { recursive: true });
  const pair = generateRecoveryKeyPair();
  writeSecretFileAtomic(privateFile, pair.privateKeyPem, { exclusive: true });
  writeSecretFileAtomic(publicFile, pair.publicKeyPem, { exclusive: true });
  const policy = JSON.stringify({ encryption: { recoveryPublicKey: pair.publicKeyPem } }, null, 2);
  process.stdout.write(
    [
      `Wrote IT's recovery key pair (RSA-3072, fingerprint ${pair.fingerprint}):`,
      `  private key  ${privateFile}  (readable by you only: move it to a safe or a password manager, off this machine)`,
      `  public key   ${publicFile}`,
      '',
      'Add the public key to the machine policy; each desk seals its database key to it at its next start:',
      '',
      policy,
      '',
    ].join('\n'),
  );
  return 0;
}
