import { parseScreenPop, SCREEN_POP_ACTION, type ScreenPopResult } from '../../../../shared/domain/screen-pop';

/** `?pop=new&channel=…` in the console's own address asks for a screen-pop (docs/screen-pop.md). */
export const PAGE_POP_PARAMETER = 'pop';
/** The host's per-launch token may share the address; it is not the pop's (api/bridge.ts keeps it). */
const HOST_TOKEN_PARAMETER = 'token';

export interface PagePop {
  /** The pop the address asks for; null when it asks for none. */
  request: ScreenPopResult | null;
  /** The address without the pop's parameters, for history.replaceState (so a reload pops nothing); null when unchanged. */
  cleanedUrl: string | null;
}

/**
 * Reads a screen-pop from the browser console's address. Every parameter besides `token` belongs
 * to the pop, so an unknown one is refused by name, and all of them leave the address after use.
 */
export function screenPopFromPageUrl(href: string): PagePop {
  const url = new URL(href);
  const action = url.searchParams.getAll(PAGE_POP_PARAMETER);
  if (action.length === 0) return { request: null, cleanedUrl: null };
  const params = new URLSearchParams([...url.searchParams].filter(([name]) => name !== PAGE_POP_PARAMETER && name !== HOST_TOKEN_PARAMETER));
  for (const name of [...url.searchParams.keys()]) if (name !== HOST_TOKEN_PARAMETER) url.searchParams.delete(name);
  const cleanedUrl = url.toString();
  if (action.length > 1 || action[0] !== SCREEN_POP_ACTION) {
    const message = action.length > 1 ? 'is given more than once; give it once' : `must be ${SCREEN_POP_ACTION} (got ${JSON.stringify(action[0]!.slice(0, 40))})`;
    return { request: { ok: false, problems: [{ parameter: PAGE_POP_PARAMETER, message }] }, cleanedUrl };
  }
  return { request: parseScreenPop(params), cleanedUrl };
}
