import type { SafeStorage } from 'electron';
import type { KeySealer, SealerKind } from '../core/db/desk-key';

/** The parts of Electron's safeStorage the sealer uses; main.ts passes `safeStorage` itself. */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * safeStorage is DPAPI on Windows and the login Keychain on macOS. On Linux it is libsecret or
 * KWallet when the session has one, and otherwise `basic_text`: a fixed, public password, which is
 * no keychain at all. That case still seals (the desk must take calls) but says so, and the app warns.
 * Call after the app's `ready`: before it, Linux reports `unknown` and encryption unavailable.
 */
export function safeStorageSealer(storage: SafeStorageLike, platform: NodeJS.Platform = process.platform): KeySealer {
  return {
    kind: sealerKind(platform, platform === 'linux' ? storage.getSelectedStorageBackend() : null),
    available: () => storage.isEncryptionAvailable(),
    seal: (plain) => storage.encryptString(plain),
    unseal: (sealed) => storage.decryptString(sealed),
  };
}

export function sealerKind(platform: NodeJS.Platform, linuxBackend: ReturnType<SafeStorage['getSelectedStorageBackend']> | null): SealerKind {
  if (platform !== 'linux') return 'os-keychain';
  return linuxBackend === 'basic_text' || linuxBackend === 'unknown' || linuxBackend === null ? 'basic-text' : 'os-keychain';
}
