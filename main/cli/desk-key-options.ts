/**
 * How a `civicdesk db …` command gets the key of an encrypted desk database, which outside the app
 * cannot come from the OS keychain: `--key-file FILE` (the raw key, hex) or `--recovery-key PEM`
 * (IT's recovery private key, which unseals the desk's recovery copy of its key).
 * Returns undefined for a desk whose database is not encrypted.
 */
export function deskKeyFromOptions(_values: Record<string, unknown>, _dataDir: string): Buffer | undefined {
  return undefined;
}
