export const DEEP_LINK_SCHEME = 'civicdesk';

/**
 * The `civicdesk://…` link among a launch's arguments (electron-builder registers the scheme), or
 * null. On Windows and Linux a link clicked while the desk is open arrives this way, as the argv
 * of the second instance.
 */
export function deepLinkIn(argv: readonly string[]): string | null {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  return argv.find((arg) => arg.toLowerCase().startsWith(prefix) && URL.canParse(arg)) ?? null;
}
