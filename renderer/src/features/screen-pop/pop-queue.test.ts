import { describe, expect, it } from 'vitest';
import type { ScreenPop } from '../../../../shared/domain/screen-pop';
import { describeIncoming, EMPTY_POP_QUEUE, MAX_WAITING_POPS, popQueueReducer, type PopQueue, type PopQueueAction } from './pop-queue';

const pop = (phone: string | null, queue: string | null = 'Utility Billing'): ScreenPop => ({ channel: 'phone', phone, queue, callerName: null });
const play = (...actions: PopQueueAction[]): PopQueue => actions.reduce(popQueueReducer, EMPTY_POP_QUEUE);

describe('popQueueReducer', () => {
  it('queues pops oldest first, each with its own id and whether it starts by itself', () => {
    const queue = play({ type: 'arrived', pop: pop('4035550100'), armed: true }, { type: 'arrived', pop: pop('4035550101'), armed: false });
    expect(queue.waiting).toEqual([
      { id: 1, pop: pop('4035550100'), armed: true },
      { id: 2, pop: pop('4035550101'), armed: false },
    ]);
  });

  it('does not queue a pop that is already waiting', () => {
    const queue = play({ type: 'arrived', pop: pop('4035550100'), armed: false }, { type: 'arrived', pop: pop('4035550100'), armed: true });
    expect(queue.waiting).toHaveLength(1);
  });

  it('arms and removes by id, so doing either twice changes nothing more', () => {
    const queue = play(
      { type: 'arrived', pop: pop('4035550100'), armed: false },
      { type: 'arrived', pop: pop('4035550101'), armed: false },
      { type: 'arm', id: 2 },
      { type: 'remove', id: 1 },
      { type: 'remove', id: 1 },
    );
    expect(queue.waiting).toEqual([{ id: 2, pop: pop('4035550101'), armed: true }]);
  });

  it('settles nothing when nothing waits', () => {
    expect(popQueueReducer(EMPTY_POP_QUEUE, { type: 'settle', idle: true })).toBe(EMPTY_POP_QUEUE);
  });

  it('settles the pops that arrived while loading, once, by whether an interaction is in progress', () => {
    const loading = play({ type: 'arrived', pop: pop('4035550100'), armed: null }, { type: 'arrived', pop: pop('4035550101'), armed: false });
    const busy = popQueueReducer(loading, { type: 'settle', idle: false });
    expect(busy.waiting.map((waiting) => waiting.armed)).toEqual([false, false]);
    const idle = popQueueReducer(loading, { type: 'settle', idle: true });
    expect(idle.waiting.map((waiting) => waiting.armed)).toEqual([true, false]);
    expect(popQueueReducer(idle, { type: 'settle', idle: false })).toBe(idle);
  });

  it(`keeps at most ${MAX_WAITING_POPS}, refusing the newest`, () => {
    const actions = Array.from({ length: 7 }, (_, i): PopQueueAction => ({ type: 'arrived', pop: pop(`403555010${i}`), armed: false }));
    expect(play(...actions).waiting.map((waiting) => waiting.pop.phone)).toEqual(['4035550100', '4035550101', '4035550102', '4035550103', '4035550104']);
  });
});

describe('describeIncoming', () => {
  it('names the number and the queue, or what there is', () => {
    expect(describeIncoming(pop('403-555-0100'))).toBe('403-555-0100 (Utility Billing)');
    expect(describeIncoming(pop(null, null))).toBe('a caller with a withheld number');
    expect(describeIncoming({ channel: 'walk_in', phone: null, queue: 'Front counter', callerName: null })).toBe('a walk-in visitor (Front counter)');
    expect(describeIncoming({ channel: 'chat', phone: null, queue: null, callerName: 'Sam Ng' })).toBe('Sam Ng');
  });
});
