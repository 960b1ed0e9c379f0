import type { CivicDeskEvents } from '../../../shared/contract/screen-pop';
import { ScreenPopSchema, type ScreenPopResult } from '../../../shared/domain/screen-pop';

declare global {
  interface Window {
    /** Present inside the Electron shell, from its preload (main/app/screen-pop-bridge.ts). */
    civicdeskEvents?: CivicDeskEvents;
  }
}

/**
 * Screen-pops pushed by the Electron shell, parsed again here: the page trusts nothing that
 * crosses a process boundary. In the browser console there is no push, and this does nothing.
 */
export function subscribeToPushedPops(onPop: (request: ScreenPopResult) => void): () => void {
  const events = window.civicdeskEvents;
  if (!events) return () => {};
  return events.onScreenPop((value) => {
    const parsed = ScreenPopSchema.safeParse(value);
    onPop(
      parsed.success
        ? { ok: true, pop: parsed.data }
        : { ok: false, problems: parsed.error.issues.map((issue) => ({ parameter: issue.path.join('.') || 'pop', message: issue.message })) },
    );
  });
}
