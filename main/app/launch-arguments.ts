import { resolve } from 'node:path';
import { parseScreenPop, screenPopFromArguments, SCREEN_POP_SCHEME, type ScreenPopResult } from '../../shared/domain/screen-pop';

export const DEEP_LINK_SCHEME = SCREEN_POP_SCHEME;

/**
 * The `civicdesk:` link among a launch's arguments (electron-builder registers the scheme), or
 * null. On Windows and Linux a link clicked while the desk is open arrives this way, as the argv
 * of the second instance. Anything starting with the scheme counts, even if it does not parse, so
 * a malformed link is refused and logged rather than ignored.
 */
export function deepLinkIn(argv: readonly string[]): string | null {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  return argv.find((arg) => arg.toLowerCase().startsWith(prefix)) ?? null;
}

/**
 * The screen-pop a launch asks for: a `civicdesk://new?…` link, or else `--new --channel=…`
 * switches; null when it asks for none (a plain start, a desktop shortcut clicked again).
 */
export function screenPopIn(argv: readonly string[]): ScreenPopResult | null {
  const link = deepLinkIn(argv);
  return link === null ? screenPopFromArguments(argv) : parseScreenPop(link);
}

/**
 * The executable and arguments to register with `app.setAsDefaultProtocolClient`, or null for the
 * defaults (an installed build registers its own executable). A development run (`electron .`,
 * where `process.defaultApp` is true) must name the app folder too, or Windows would start a bare
 * Electron that shows its welcome page.
 */
export function devProtocolClient(defaultApp: boolean, execPath: string, argv: readonly string[]): { path: string; args: string[] } | null {
  if (!defaultApp || argv[1] === undefined) return null;
  return { path: execPath, args: [resolve(argv[1])] };
}
