import type { ScreenPop } from '../domain/screen-pop';

/**
 * The one event main pushes to the console: a screen-pop that main has already parsed. The
 * console subscribes, then says it is ready, and main delivers what arrived before (a link that
 * launched the desk arrives long before the page has loaded). No zod here: the preload bundles
 * this file, and the console parses the pushed value again with ScreenPopSchema.
 */
export const SCREEN_POP_CHANNEL = 'civicdesk:push:screenPop';
export const SCREEN_POP_READY_CHANNEL = 'civicdesk:push:screenPopReady';

/** What the Electron preload exposes as `window.civicdeskEvents`; absent in the browser console. */
export interface CivicDeskEvents {
  /** Calls `listener` with each pushed pop (to be parsed); returns the unsubscribe. */
  onScreenPop(listener: (pop: unknown) => void): () => void;
}

export type { ScreenPop };
