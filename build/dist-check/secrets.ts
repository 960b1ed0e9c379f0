import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord, problem, settingPath, type Problem } from './problems';

/** Settings that hold a credential. Their value belongs in the environment (CSC_LINK, ...), never in a file. */
const SECRET_KEYS = /^(cscLink|cscKeyPassword|cscInstallerLink|cscInstallerKeyPassword|certificateFile|certificatePassword|password|appleIdPassword|appleApiKey|token|clientSecret|secret|privateKey|apiKey)$/i;
/** What a value may be in such a setting: nothing, or electron-builder's `${env.NAME}` reference. */
const ENV_REFERENCE = /^\$\{env\.[A-Za-z_][A-Za-z0-9_]*\}$/;
// Built from parts so that this file does not itself look like a key to a scanner. A block is the
// header followed by its base64 body: code that merely names the header (a message telling IT what
// a key file starts with, a test of a generated key) is not key material.
const PRIVATE_KEY_BLOCK = new RegExp(['-----BEGIN', '(?:[A-Z0-9]+ )*PRIVATE KEY-----\\r?\\n[A-Za-z0-9+/=\\r\\n]{64,}'].join(' '));
/** A PKCS#12 file (what CSC_LINK points to), base64-encoded inline, starts with MII and is long. */
const INLINE_PKCS12 = /MII[A-Za-z0-9+/]{200,}/;
const KEY_FILE = /\.(p12|pfx|p8|pem|key|keystore|jks|mobileprovision|provisionprofile)$|(^|\/)\.env(\..*)?$/i;

/** Credentials written into the configuration: a secret setting with a literal value, or key material anywhere. */
export function findSecretsInConfig(config: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (isRecord(value)) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    else if (typeof value === 'string') {
      const key = String(path.at(-1) ?? '');
      const where = settingPath(path);
      if (SECRET_KEYS.test(key) && value !== '' && !ENV_REFERENCE.test(value)) {
        problems.push(problem('secrets', where, `holds a literal credential; remove it and let electron-builder read it from the environment (e.g. CSC_LINK / CSC_KEY_PASSWORD)`));
      } else if (PRIVATE_KEY_BLOCK.test(value) || INLINE_PKCS12.test(value)) {
        problems.push(problem('secrets', where, 'contains key material (a private key or an inline certificate bundle)'));
      }
    }
  };
  visit(config, []);
  return problems;
}

/** Files that are, or contain, private key material. `files` are paths relative to root. */
export function findSecretsInFiles(root: string, files: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    if (KEY_FILE.test(file)) {
      problems.push(problem('secrets', file, 'is a key, certificate bundle or environment file; it must not be in the repository or the app'));
      continue;
    }
    let text: string;
    try {
      if (statSync(join(root, file)).size > 5_000_000) continue;
      text = readFileSync(join(root, file), 'latin1');
    } catch {
      continue; // deleted in the working tree: nothing to leak from here
    }
    if (PRIVATE_KEY_BLOCK.test(text)) problems.push(problem('secrets', file, 'contains a private key block'));
  }
  return problems;
}

/** The files git tracks, or null outside a git checkout. */
export function trackedFiles(root: string): string[] | null {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 })
      .split('\0')
      .filter((file) => file !== '');
  } catch {
    return null;
  }
}
