import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { newId } from '../../../shared/domain';
import { intakeMachine, persistIntake } from '../../../shared/workflow';
import { LEAD, openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { openReadonlyDeskDatabase } from '../db/connection';
import { intakeInProgress } from './intake-in-progress';

let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk();
});
afterEach(() => desk.close());

const save = (id: string, snapshot: Record<string, unknown>) => {
  const saved = desk.call('saveDraft', { id, persisted: { machineVersion: 1, snapshot } });
  if (!saved.ok) throw new Error(saved.error.message);
};

describe('intakeInProgress', () => {
  it('is false on a desk without drafts', () => {
    expect(intakeInProgress(desk.db)).toBe(false);
  });

  it('is true from the moment a channel is chosen, with the draft the console saves', () => {
    const id = newId();
    const actor = createActor(intakeMachine, { input: { interactionId: id } });
    actor.subscribe(() => save(id, persistIntake(actor.getPersistedSnapshot()).snapshot));
    actor.start();
    // A blank interaction waiting for a call: its draft exists but no call has started.
    actor.send({ type: 'HOLD', at: 1_000 });
    expect(desk.db.prepare('SELECT count(*) AS n FROM intake_drafts').get()).toEqual({ n: 1 });
    expect(intakeInProgress(desk.db)).toBe(false);
    actor.send({ type: 'CHOOSE_CHANNEL', channel: 'walk_in', at: 2_000 });
    expect(intakeInProgress(desk.db)).toBe(true);
    actor.stop();
  });

  it('is false again once the console discards the draft', () => {
    const id = newId();
    save(id, { status: 'active', context: { channel: 'phone' } });
    expect(intakeInProgress(desk.db)).toBe(true);
    expect(desk.call('discardDraft', { id })).toEqual({ ok: true, value: { discarded: true } });
    expect(intakeInProgress(desk.db)).toBe(false);
  });

  it('counts another agent’s draft and a draft of a shape it does not know', () => {
    save(newId(), { status: 'active', context: { channel: 'chat' } });
    desk.signIn(LEAD);
    expect(intakeInProgress(desk.db)).toBe(true);
    desk.db.prepare('DELETE FROM intake_drafts').run();
    save(newId(), { somethingElse: true });
    expect(intakeInProgress(desk.db)).toBe(true);
  });

  it('reads through a read-only connection', () => {
    save(newId(), { status: 'active', context: { channel: 'phone' } });
    const readonly = openReadonlyDeskDatabase(desk.file);
    try {
      expect(intakeInProgress(readonly)).toBe(true);
    } finally {
      readonly.close();
    }
  });
});
