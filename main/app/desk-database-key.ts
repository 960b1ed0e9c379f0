import { loadOrCreateDeskKey, type DeskKey } from '../core/db/desk-key';
import { safeStorageSealer, type SafeStorageLike } from './safe-storage-sealer';

export interface DeskDatabaseKeyOptions {
  /** app.getPath('userData'): the folder of desk.sqlite and desk.key. */
  dataDir: string;
  /** Electron's `safeStorage`, after `ready`. */
  safeStorage: SafeStorageLike;
  /** The machine policy's `encryption.recoveryPublicKey`, when it has one. */
  recoveryPublicKey?: string | undefined;
  log: (message: string) => void;
  platform?: NodeJS.Platform;
}

/**
 * What main.ts calls before openDeskRuntime: the desk database's key from the OS keychain (created,
 * and an old plaintext desk encrypted, on a first start). Throws a DeskKeyError whose message is
 * meant for the error dialog: it names the file and the recovery path.
 */
export function deskDatabaseKey(options: DeskDatabaseKeyOptions): DeskKey {
  const outcome = loadOrCreateDeskKey({
    dataDir: options.dataDir,
    sealer: safeStorageSealer(options.safeStorage, options.platform),
    recoveryPublicKey: options.recoveryPublicKey,
  });
  if (outcome.event !== 'loaded') options.log(`desk database key ${outcome.fingerprint}: ${EVENT_TEXT[outcome.event]}`);
  for (const warning of outcome.warnings) options.log(warning);
  return outcome;
}

const EVENT_TEXT: Record<Exclude<DeskKey['event'], 'loaded'>, string> = {
  created: 'created for a new desk',
  'encrypted-existing-desk': 'created, and the existing desk database encrypted with it',
  'adopted-recovered-key': 'recovered by IT, now sealed with this account’s keychain',
};
