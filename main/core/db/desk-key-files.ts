import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { DeskKeyError } from './desk-key-error';
import { readTextIfPresent, syncDirectory } from './durable-files';

export { isMissing, syncDirectory, syncFile } from './durable-files';

/** Where a desk keeps its database key, sealed: beside desk.sqlite in the data folder. */
export const DESK_KEY_FILE = 'desk.key';
/** IT's hand-over of a recovered key (`civicdesk db recover-key`): raw hex, adopted and deleted at the next start. */
export const RECOVERED_KEY_FILE = 'desk.key.recovered';

export const deskKeyPath = (dataDir: string): string => join(dataDir, DESK_KEY_FILE);
export const recoveredKeyPath = (dataDir: string): string => join(dataDir, RECOVERED_KEY_FILE);

export const KEY_FILE_VERSION = 1;

const Fingerprint = z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 lowercase hex characters');
const Sealed = z.base64('must be base64').min(1, 'must not be empty');

export const SealerKindSchema = z.enum(['os-keychain', 'basic-text']);
export type SealerKind = z.infer<typeof SealerKindSchema>;

export const RecoveryCopySchema = z
  .object({
    algorithm: z.literal('RSA-OAEP-SHA256'),
    /** Which of IT's recovery keys this copy opens with (sha256 of its public key, first 16 hex). */
    publicKeyFingerprint: Fingerprint,
    sealedKey: Sealed,
  })
  .strict();
export type RecoveryCopy = z.infer<typeof RecoveryCopySchema>;

export const DeskKeyFileSchema = z
  .object({
    version: z.literal(KEY_FILE_VERSION),
    /** sha256 of the raw key, first 16 hex: tells desks' keys apart and proves an unsealed key is the right one. */
    fingerprint: Fingerprint,
    /** `basic-text`: Linux without a keyring, where "sealed" means obfuscated; the app warns about it. */
    sealedBy: SealerKindSchema,
    sealedKey: Sealed,
    recovery: RecoveryCopySchema.optional(),
    createdAt: z.iso.datetime(),
  })
  .strict();
export type DeskKeyFile = z.infer<typeof DeskKeyFileSchema>;

/** The key file, or null when there is none. A file that is there but not ours is an error, never "no key". */
export function readDeskKeyFile(dataDir: string): DeskKeyFile | null {
  const file = deskKeyPath(dataDir);
  const text = readTextIfPresent(file);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidKeyFile(file, 'it is not JSON');
  }
  const parsed = DeskKeyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidKeyFile(file, `${issue?.path.map(String).join('.') || 'the file'}: ${issue?.message ?? 'not a desk key file'}`);
  }
  return parsed.data;
}

export function writeDeskKeyFile(dataDir: string, keyFile: DeskKeyFile): void {
  // A new desk's key is written before its database exists, so before its folder may exist.
  mkdirSync(dataDir, { recursive: true });
  writeSecretFileAtomic(deskKeyPath(dataDir), `${JSON.stringify(DeskKeyFileSchema.parse(keyFile), null, 2)}\n`);
}

export function invalidKeyFile(file: string, why: string): DeskKeyError {
  return new DeskKeyError(
    'key_file_invalid',
    `The desk key file ${file} cannot be used (${why}). It was changed or damaged after CivicDesk wrote it: restore it from a backup of the data folder, or have IT recover the key.`,
  );
}

/**
 * Writes a file only its owner may read (0600; on Windows the profile folder's ACL does that job),
 * so that a power cut leaves either the old file or the new one, never half of either.
 */
export function writeSecretFileAtomic(file: string, content: string, options: { exclusive?: boolean } = {}): void {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (options.exclusive && existsSync(file)) throw Object.assign(new Error(`${file} already exists`), { code: 'EEXIST' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(file));
}
