import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { KeySealer, SealerKind } from './desk-key';

/**
 * For tests only: a stand-in for one user profile's OS keychain (the boundary the app crosses with
 * Electron's safeStorage). AES-GCM under a secret derived from the profile's name, so another
 * profile — a re-imaged machine, a new Windows profile — cannot unseal what this one sealed.
 */
export function testKeychain(profile = 'ana@desk-21', options: { kind?: SealerKind; available?: boolean } = {}): KeySealer & { seals: number } {
  const secret = createHash('sha256').update(`keychain of ${profile}`).digest();
  const sealer = {
    kind: options.kind ?? 'os-keychain',
    seals: 0,
    available: () => options.available ?? true,
    seal(plain: string): Buffer {
      sealer.seals += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unseal(sealed: Buffer): string {
      const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  } satisfies KeySealer & { seals: number };
  return sealer;
}
