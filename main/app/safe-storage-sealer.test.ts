import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskDatabasePath } from '../core/data-dir';
import { deskFileState } from '../core/db/cipher';
import { openDeskDatabase } from '../core/db/connection';
import { deskDatabaseKey } from './desk-database-key';
import { safeStorageSealer, sealerKind, type SafeStorageLike } from './safe-storage-sealer';

/** Electron's safeStorage as it behaves after `ready`, without Electron: a reversible seal per profile. */
function fakeSafeStorage(backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`v11:${plain}`, 'utf8'),
    decryptString: (sealed) => {
      const text = sealed.toString('utf8');
      if (!text.startsWith('v11:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(4);
    },
    getSelectedStorageBackend: () => backend,
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-sealer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('safeStorageSealer', () => {
  it('calls the OS keychain an OS keychain only when it is one', () => {
    expect(sealerKind('win32', null)).toBe('os-keychain');
    expect(sealerKind('darwin', null)).toBe('os-keychain');
    expect(sealerKind('linux', 'gnome_libsecret')).toBe('os-keychain');
    expect(sealerKind('linux', 'kwallet6')).toBe('os-keychain');
    expect(sealerKind('linux', 'basic_text')).toBe('basic-text');
    expect(sealerKind('linux', 'unknown')).toBe('basic-text');
    expect(safeStorageSealer(fakeSafeStorage('basic_text'), 'linux').kind).toBe('basic-text');
  });

  it('seals and unseals through safeStorage', () => {
    const sealer = safeStorageSealer(fakeSafeStorage(), 'linux');
    expect(sealer.available()).toBe(true);
    expect(sealer.unseal(sealer.seal('abc'))).toBe('abc');
    expect(safeStorageSealer(fakeSafeStorage('gnome_libsecret', false), 'linux').available()).toBe(false);
  });
});

describe('deskDatabaseKey (what main.ts calls before openDeskRuntime)', () => {
  it('creates the key at a first start, logs it and the warnings, and the runtime’s database opens with it', () => {
    const logged: string[] = [];
    const outcome = deskDatabaseKey({ dataDir: dir, safeStorage: fakeSafeStorage('basic_text'), platform: 'linux', log: (m) => logged.push(m) });
    expect(outcome.event).toBe('created');
    expect(logged.join('\n')).toMatch(/created for a new desk[\s\S]*basic_text[\s\S]*recoveryPublicKey/);
    openDeskDatabase(deskDatabasePath(dir), { key: outcome.key }).db.close();
    expect(deskFileState(deskDatabasePath(dir))).toBe('encrypted');
    const again = deskDatabaseKey({ dataDir: dir, safeStorage: fakeSafeStorage('gnome_libsecret'), platform: 'linux', log: () => {} });
    expect(again).toMatchObject({ event: 'loaded', sealedBy: 'os-keychain' });
    expect(again.key).toEqual(outcome.key);
  });
});
