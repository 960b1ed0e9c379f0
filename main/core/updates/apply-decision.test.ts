import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { defaultCatalog, findServiceType, newId, type Case, type NewCase, type WrapUp } from '../../../shared/domain';
import { intakeMachine, intakeStep, persistIntake, type IntakeEvent, type SavedCase } from '../../../shared/workflow';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { openDeskDatabase } from '../db/connection';
import { createCallOperation, createConsoleHandlers } from '../console-api';
import { intakeInProgress } from '../drafts/intake-in-progress';
import { applyDecision } from './apply-decision';

describe('applyDecision', () => {
  it.each([
    [{ downloaded: true, intakeInProgress: false, quitting: false }, 'install-now'],
    [{ downloaded: true, intakeInProgress: true, quitting: false }, 'wait'],
    [{ downloaded: false, intakeInProgress: false, quitting: false }, 'wait'],
    [{ downloaded: false, intakeInProgress: true, quitting: false }, 'wait'],
    [{ downloaded: true, intakeInProgress: true, quitting: true }, 'at-quit'],
    [{ downloaded: true, intakeInProgress: false, quitting: true }, 'at-quit'],
  ] as const)('%o → %s', (state, expected) => {
    expect(applyDecision(state)).toBe(expected);
  });
});

/** The console's intake, as renderer/src/features/intake/use-intake.ts runs it, against a real desk. */
function consoleIntake(desk: TestDesk) {
  const interactionId = newId();
  const unwrap = <T>(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  const machine = intakeMachine.provide({
    actors: {
      saveCase: fromPromise<SavedCase, NewCase>(async ({ input }) => {
        const saved = unwrap<Case>(desk.call('createCase', input));
        return { caseId: saved.id, reference: saved.reference };
      }),
      finishInteraction: fromPromise<void, WrapUp>(async ({ input }) => {
        unwrap(desk.call('wrapUpCase', input));
      }),
    },
  });
  const actor = createActor(machine, { input: { interactionId } });
  actor.subscribe((snapshot) => {
    if (snapshot.status === 'done') unwrap(desk.call('discardDraft', { id: interactionId }));
    else unwrap(desk.call('saveDraft', { id: interactionId, persisted: persistIntake(actor.getPersistedSnapshot()) }));
  });
  actor.start();
  return actor;
}

const decisionNow = (desk: TestDesk) => applyDecision({ downloaded: true, intakeInProgress: intakeInProgress(desk.db), quitting: false });

/** Until the write the step invoked (createCase, wrapUpCase) has finished. */
const settled = (actor: ReturnType<typeof consoleIntake>) => waitFor(actor, (s) => Object.keys(s.children).length === 0);

describe('a downloaded update and a real intake on a real desk database', () => {
  let desk: TestDesk;
  beforeEach(() => {
    desk = openTestDesk();
  });
  afterEach(() => desk.close());

  it('never installs from the first step of a call to the end of its wrap-up, and installs once it is done', async () => {
    const actor = consoleIntake(desk);
    expect(decisionNow(desk)).toBe('install-now'); // between calls

    const pothole = findServiceType(defaultCatalog, 'pothole')!;
    const t0 = Date.parse('2026-11-27T15:30:00Z');
    const call: IntakeEvent[] = [
      { type: 'CHOOSE_CHANNEL', channel: 'phone', at: t0 },
      { type: 'SELECT_CALLER', caller: { anonymous: false, name: 'Jo Smith', phone: '403-555-1234' }, at: t0 + 5_000 },
      { type: 'SET_KIND', kind: 'service_request', at: t0 + 8_000 },
      { type: 'SET_SERVICE_TYPE', serviceType: pothole, at: t0 + 9_000 },
      { type: 'NEXT', at: t0 + 10_000 },
      { type: 'HOLD', at: t0 + 11_000 },
      { type: 'RESUME', at: t0 + 20_000 },
      { type: 'SET_ANSWER', code: 'pothole_size', value: 'large', at: t0 + 21_000 },
      { type: 'SET_ANSWER', code: 'road_position', value: 'curb_lane', at: t0 + 22_000 },
      { type: 'SET_LOCATION', location: { addressText: '910 4 Ave S' }, at: t0 + 23_000 },
      { type: 'SET_DESCRIPTION', description: 'Deep hole by the bus stop', at: t0 + 24_000 },
      { type: 'NEXT', at: t0 + 25_000 },
      { type: 'SAVE', at: t0 + 26_000 },
      { type: 'END_CALL', at: t0 + 40_000 },
      { type: 'SET_DISPOSITION', disposition: 'service_request_logged', at: t0 + 45_000 },
    ];
    const steps = new Set<string>();
    for (const event of call) {
      actor.send(event);
      await settled(actor);
      steps.add(intakeStep(actor.getSnapshot()));
      expect(decisionNow(desk), `after ${event.type}`).toBe('wait');
    }
    expect([...steps]).toEqual(expect.arrayContaining(['caller', 'classify', 'details', 'review', 'saved', 'wrap_up']));

    actor.send({ type: 'FINISH', at: t0 + 50_000 });
    await waitFor(actor, (s) => s.status === 'done');
    expect(decisionNow(desk)).toBe('install-now');
    expect(desk.db.prepare('SELECT count(*) AS n FROM intake_drafts').get()).toEqual({ n: 0 });
  });

  it('installs again once a call is cancelled', async () => {
    const actor = consoleIntake(desk);
    actor.send({ type: 'CHOOSE_CHANNEL', channel: 'chat', at: 1_000 });
    expect(decisionNow(desk)).toBe('wait');
    actor.send({ type: 'CANCEL', reason: 'caller_hung_up', at: 2_000 });
    await waitFor(actor, (s) => s.status === 'done');
    expect(decisionNow(desk)).toBe('install-now');
  });

  it('still waits after a crash mid-call: the restored draft is a call in progress', () => {
    const actor = consoleIntake(desk);
    actor.send({ type: 'CHOOSE_CHANNEL', channel: 'phone', at: 1_000 });
    actor.stop(); // the app dies here
    desk.db.close();
    desk.db = openDeskDatabase(desk.file).db;
    desk.call = createCallOperation(createConsoleHandlers(desk.db, desk.deps));
    expect(decisionNow(desk)).toBe('wait');
  });
});
