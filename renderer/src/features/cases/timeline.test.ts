import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseNote } from '../../../../shared/domain';
import { buildTimeline } from './timeline';

const event = (id: string, at: string, type: CaseEvent['type'], after: Record<string, unknown> | null, before: Record<string, unknown> | null = null): CaseEvent => ({
  id,
  caseId: 'c1',
  type,
  actorId: 'agent-1',
  at,
  before,
  after,
});
const note = (id: string, at: string, body: string): CaseNote => ({ id, caseId: 'c1', authorId: 'agent-2', body, createdAt: at });

describe('buildTimeline', () => {
  it('merges events and notes oldest first, showing each note once, at its event', () => {
    const entries = buildTimeline(
      [
        event('e1', '2026-01-01T10:00:00.000Z', 'created', { reference: 'D01-260101-0001' }),
        event('e2', '2026-01-01T10:05:00.000Z', 'note_added', { noteId: 'n1' }),
        event('e3', '2026-01-01T10:06:00.000Z', 'status_changed', { status: 'resolved', epoch: 0, rank: 3, event: 'RESOLVE', note: 'Fixed' }, { status: 'open', epoch: 0, rank: 1 }),
      ],
      [note('n1', '2026-01-01T10:05:00.000Z', 'Called back'), note('n2', '2026-01-01T10:01:00.000Z', 'Arrived by sync first')],
    );
    expect(entries.map((e) => e.type)).toEqual(['created', 'note', 'note', 'status_changed']);
    expect(entries[0]).toMatchObject({ reference: 'D01-260101-0001' });
    expect(entries[1]).toMatchObject({ body: 'Arrived by sync first', actorId: 'agent-2' });
    expect(entries[2]).toMatchObject({ body: 'Called back' });
    expect(entries[3]).toMatchObject({ from: 'open', to: 'resolved', event: 'RESOLVE', note: 'Fixed' });
  });

  it('lists the fields an update changed, before and after', () => {
    const [entry] = buildTimeline([event('e1', '2026-01-01T10:00:00.000Z', 'updated', { priority: 'high' }, { priority: 'normal' })], []);
    expect(entry).toMatchObject({ type: 'updated', changes: [{ field: 'priority', before: 'normal', after: 'high' }] });
  });

  it('survives audit records it does not recognise', () => {
    const [entry] = buildTimeline([event('e1', '2026-01-01T10:00:00.000Z', 'status_changed', { status: 'teleported' }, null)], []);
    expect(entry).toMatchObject({ type: 'status_changed', from: null, to: null, note: null });
  });
});
