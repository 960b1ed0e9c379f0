import { useCallback, useEffect, useReducer, useRef } from 'react';
import { describeScreenPopProblems, type ScreenPopResult } from '../../../../shared/domain/screen-pop';
import { screenPopFromPageUrl } from './page-url';
import { EMPTY_POP_QUEUE, popQueueReducer, type WaitingPop } from './pop-queue';
import { subscribeToPushedPops } from '../../api/pushed-pops';

export interface ScreenPops {
  /** The oldest pop not started yet. */
  next: WaitingPop | null;
  /** How many wait behind it. */
  behind: number;
  /** Alt+P: start it the next time no interaction is in progress (at once if none is). */
  arm(id: number): void;
  /** Started, or dismissed. */
  remove(id: number): void;
  /** The intake learned whether an interaction is in progress (see WaitingPop.armed). */
  settle(idle: boolean): void;
}

/**
 * Screen-pops from both sources: the console's own address when it opens (browser console) and the
 * Electron shell's pushes. `isIdle()` says whether an interaction is in progress (null: not known
 * yet, the intake is loading): a pop that arrives idle starts by itself, one that arrives mid-call
 * waits for Alt+P. A malformed pop opens nothing: it is logged on the console (a warning), and its
 * parameters still leave the address.
 */
export function useScreenPop(isIdle: () => boolean | null): ScreenPops {
  const [queue, dispatch] = useReducer(popQueueReducer, EMPTY_POP_QUEUE);
  const idle = useRef(isIdle);
  idle.current = isIdle;

  useEffect(() => {
    const arrived = (request: ScreenPopResult, from: string) => {
      if (request.ok) dispatch({ type: 'arrived', pop: request.pop, armed: idle.current() });
      else console.warn(`CivicDesk: screen-pop from ${from} refused, nothing opened: ${describeScreenPopProblems(request.problems)}`);
    };
    const page = screenPopFromPageUrl(window.location.href);
    if (page.cleanedUrl !== null) window.history.replaceState(window.history.state, '', page.cleanedUrl);
    if (page.request) arrived(page.request, 'the page address');
    return subscribeToPushedPops((request) => arrived(request, 'the desktop shell'));
  }, []);

  const arm = useCallback((id: number) => dispatch({ type: 'arm', id }), []);
  const remove = useCallback((id: number) => dispatch({ type: 'remove', id }), []);
  const settle = useCallback((nowIdle: boolean) => dispatch({ type: 'settle', idle: nowIdle }), []);
  return { next: queue.waiting[0] ?? null, behind: Math.max(0, queue.waiting.length - 1), arm, remove, settle };
}
