import type { ScreenPop } from '../../../../shared/domain/screen-pop';

/** More waiting than this is a phone system sending pops in a loop, not callers. */
export const MAX_WAITING_POPS = 5;

export interface WaitingPop {
  id: number;
  pop: ScreenPop;
  /**
   * True: starts by itself the next time no interaction is in progress. False: waits for Alt+P.
   * Null: it arrived while the intake was still loading, and waits to learn whether a call is in progress.
   */
  armed: boolean | null;
}

export interface PopQueue {
  waiting: WaitingPop[];
  nextId: number;
}

export type PopQueueAction =
  | { type: 'arrived'; pop: ScreenPop; armed: boolean | null }
  /** The intake now knows whether an interaction is in progress: undecided pops start (idle) or wait. */
  | { type: 'settle'; idle: boolean }
  | { type: 'arm'; id: number }
  | { type: 'remove'; id: number };

export const EMPTY_POP_QUEUE: PopQueue = { waiting: [], nextId: 1 };

const samePop = (a: ScreenPop, b: ScreenPop): boolean =>
  a.channel === b.channel && a.phone === b.phone && a.queue === b.queue && a.callerName === b.callerName;

/**
 * The pops the console has not started yet, oldest first. A pop that is already waiting is not
 * queued twice (phone systems repeat a pop when the first one seems slow); past the limit the new
 * one is refused rather than pushing out a caller who has waited longer.
 */
export function popQueueReducer(queue: PopQueue, action: PopQueueAction): PopQueue {
  switch (action.type) {
    case 'arrived':
      if (queue.waiting.some((waiting) => samePop(waiting.pop, action.pop)) || queue.waiting.length >= MAX_WAITING_POPS) return queue;
      return { waiting: [...queue.waiting, { id: queue.nextId, pop: action.pop, armed: action.armed }], nextId: queue.nextId + 1 };
    case 'settle':
      if (!queue.waiting.some((waiting) => waiting.armed === null)) return queue;
      return { ...queue, waiting: queue.waiting.map((waiting) => (waiting.armed === null ? { ...waiting, armed: action.idle } : waiting)) };
    case 'arm':
      return { ...queue, waiting: queue.waiting.map((waiting) => (waiting.id === action.id ? { ...waiting, armed: true } : waiting)) };
    case 'remove':
      return { ...queue, waiting: queue.waiting.filter((waiting) => waiting.id !== action.id) };
  }
}

/** "403-555-0100 (Utility Billing)": who is waiting, as the banner says it. */
export function describeIncoming(pop: ScreenPop): string {
  const who = pop.phone ?? pop.callerName ?? (pop.channel === 'phone' ? 'a caller with a withheld number' : `a ${pop.channel.replace('_', '-')} visitor`);
  return pop.queue ? `${who} (${pop.queue})` : who;
}
