import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { defaultCatalog, findServiceType, newId } from '../../../shared/domain';
import type { Draft } from '../../../shared/contract';
import { handleTimeAt, intakeMachine, intakeStep, persistIntake, snapshotToRestore } from '../../../shared/workflow';
import { LEAD, openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { openDeskDatabase } from '../db/connection';
import { createCallOperation, createConsoleHandlers } from '../console-api';

let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk();
});
afterEach(() => desk.close());

const restore = (call = desk.call): Draft | null => {
  const result = call('restoreDraft', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { draft: Draft | null }).draft;
};

describe('intake drafts', () => {
  it('restores a call killed mid-intake: step, typed fields and handle-time clock', () => {
    const interactionId = newId();
    const pothole = findServiceType(defaultCatalog, 'pothole')!;
    const actor = createActor(intakeMachine, { input: { interactionId } });
    // Persist on every transition, as the console does.
    actor.subscribe(() => {
      const saved = desk.call('saveDraft', { id: interactionId, persisted: persistIntake(actor.getPersistedSnapshot()) });
      if (!saved.ok) throw new Error(saved.error.message);
    });
    actor.start();
    const t0 = 1_000_000;
    actor.send({ type: 'CHOOSE_CHANNEL', channel: 'phone', at: t0 });
    actor.send({ type: 'SELECT_CALLER', caller: { anonymous: false, name: 'Jo Smith', phone: '403-555-1234' }, at: t0 + 5_000 });
    actor.send({ type: 'SET_KIND', kind: 'service_request', at: t0 + 8_000 });
    actor.send({ type: 'SET_SERVICE_TYPE', serviceType: pothole, at: t0 + 9_000 });
    actor.send({ type: 'NEXT', at: t0 + 10_000 });
    actor.send({ type: 'SET_ANSWER', code: 'pothole_size', value: 'large', at: t0 + 12_000 });
    actor.send({ type: 'HOLD', at: t0 + 20_000 });
    actor.send({ type: 'SET_DESCRIPTION', description: 'Deep hole by the bus st', at: t0 + 25_000 });
    actor.stop(); // the app dies here

    // A new process: a fresh connection to the same file.
    desk.db.close();
    desk.db = openDeskDatabase(desk.file).db;
    const call = createCallOperation(createConsoleHandlers(desk.db, desk.deps));
    const draft = restore(call);
    expect(draft?.id).toBe(interactionId);
    const restorable = snapshotToRestore(draft!.persisted);
    expect(restorable.ok).toBe(true);
    if (!restorable.ok) return;
    const restored = createActor(intakeMachine, { input: { interactionId }, snapshot: restorable.snapshot }).start();
    const snapshot = restored.getSnapshot();
    expect(intakeStep(snapshot)).toBe('details');
    expect(snapshot.matches({ active: { line: 'onHold' } })).toBe(true);
    expect(snapshot.context).toMatchObject({
      channel: 'phone',
      kind: 'service_request',
      answers: { pothole_size: 'large' },
      description: 'Deep hole by the bus st',
      caller: { name: 'Jo Smith' },
    });
    expect(snapshot.context.serviceType?.code).toBe('pothole');
    expect(handleTimeAt(snapshot.context.clock, t0 + 30_000)).toEqual({ talkMs: 20_000, holdMs: 10_000, wrapUpMs: 0 });
    restored.send({ type: 'RESUME', at: t0 + 31_000 });
    restored.send({ type: 'SET_ANSWER', code: 'road_position', value: 'curb_lane', at: t0 + 32_000 });
    restored.send({ type: 'SET_LOCATION', location: { addressText: '910 4 Ave S' }, at: t0 + 33_000 });
    restored.send({ type: 'NEXT', at: t0 + 34_000 });
    expect(intakeStep(restored.getSnapshot())).toBe('review');
  });

  it('keeps one draft per interaction and returns the most recent one of the signed-in agent', () => {
    const first = newId();
    const second = newId();
    const persisted = { machineVersion: 1, snapshot: { value: 'x' } };
    expect(desk.call('saveDraft', { id: first, persisted }).ok).toBe(true);
    desk.clock.now += 1_000;
    expect(desk.call('saveDraft', { id: second, persisted }).ok).toBe(true);
    desk.clock.now += 1_000;
    expect(desk.call('saveDraft', { id: first, persisted: { machineVersion: 1, snapshot: { value: 'y' } } }).ok).toBe(true);
    expect(desk.db.prepare('SELECT count(*) AS n FROM intake_drafts').get()).toEqual({ n: 2 });
    expect(restore()).toMatchObject({ id: first, persisted: { snapshot: { value: 'y' } } });
    desk.signIn(LEAD);
    expect(restore()).toBeNull();
  });

  it('discards a finished draft, and only the agent’s own', () => {
    const id = newId();
    desk.call('saveDraft', { id, persisted: { machineVersion: 1, snapshot: {} } });
    desk.signIn(LEAD);
    expect(desk.call('discardDraft', { id })).toEqual({ ok: true, value: { discarded: false } });
    desk.signIn({ id: 'agent-ana', name: 'Ana Specialist', role: 'specialist' });
    expect(desk.call('discardDraft', { id })).toEqual({ ok: true, value: { discarded: true } });
    expect(restore()).toBeNull();
  });

  it('does not restore a draft written by another intake machine version', () => {
    const verdict = snapshotToRestore({ machineVersion: 99, snapshot: {} });
    expect(verdict).toEqual({ ok: false, reason: expect.stringMatching(/version 99.*version 1/) });
  });
});
