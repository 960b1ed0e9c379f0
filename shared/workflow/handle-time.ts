import type { HandleTime } from '../domain';

export type ClockSegment = 'talk' | 'hold' | 'wrap_up';

/** The intake's handle-time clock: closed totals plus the segment running since segmentStartedAt. */
export interface HandleTimeClock extends HandleTime {
  segment: ClockSegment | null;
  segmentStartedAt: number | null;
}

export const stoppedClock = (): HandleTimeClock => ({ talkMs: 0, holdMs: 0, wrapUpMs: 0, segment: null, segmentStartedAt: null });

const TOTAL_FIELD = { talk: 'talkMs', hold: 'holdMs', wrap_up: 'wrapUpMs' } as const satisfies Record<ClockSegment, keyof HandleTime>;

/** Totals as of `now`, counting the running segment. A clock that went backwards counts as zero. */
export function handleTimeAt(clock: HandleTimeClock, now: number): HandleTime {
  const totals: HandleTime = { talkMs: clock.talkMs, holdMs: clock.holdMs, wrapUpMs: clock.wrapUpMs };
  if (clock.segment && clock.segmentStartedAt !== null) {
    totals[TOTAL_FIELD[clock.segment]] += Math.max(0, Math.round(now - clock.segmentStartedAt));
  }
  return totals;
}

/** Closes the running segment at `at` and starts `next` (or stops the clock). */
export function switchSegment(clock: HandleTimeClock, next: ClockSegment | null, at: number): HandleTimeClock {
  return { ...handleTimeAt(clock, at), segment: next, segmentStartedAt: next ? at : null };
}
