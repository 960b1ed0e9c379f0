import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { fromPromise, type Snapshot } from 'xstate';
import type { DistributiveOmit } from './types';
import { intakeMachine, intakeStep, isOnHold, persistIntake, type IntakeEvent, type SavedCase } from '../../../../shared/workflow';
import type { ContactRecorded, NewCase, NewContact, WrapUp } from '../../../../shared/domain';
import { request } from '../../api/api';
import { useScreenPopSession } from '../screen-pop/intake-link';

/** The intake machine, with the desk's writes provided as its actors. */
const desktopIntake = intakeMachine.provide({
  actors: {
    saveCase: fromPromise<SavedCase, NewCase>(async ({ input }) => {
      const saved = await request('createCase', input);
      return { caseId: saved.id, reference: saved.reference };
    }),
    finishInteraction: fromPromise<void, WrapUp>(async ({ input }) => {
      await request('wrapUpCase', input);
    }),
    recordContact: fromPromise<ContactRecorded, NewContact>(async ({ input }) => request('addContact', input)),
  },
});

export type IntakeSend = (event: DistributiveOmit<IntakeEvent, 'at'>) => void;

/**
 * Runs one interaction: the actor, its draft saved after every transition (in order, never two
 * writes at once, always the newest last), and the draft discarded when the call ends.
 */
export function useIntake(interactionId: string, restored: Snapshot<unknown> | undefined, onEnded: (reference: string | null) => void) {
  const actor = useActorRef(desktopIntake, { input: { interactionId }, ...(restored ? { snapshot: restored } : {}) });
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const ended = useRef(false);

  useEffect(() => {
    const subscription = actor.subscribe((snapshot) => {
      if (snapshot.status === 'done') {
        if (ended.current) return;
        ended.current = true;
        saving.current = saving.current.then(() => request('discardDraft', { id: interactionId }).catch(() => undefined));
        void saving.current.then(() => onEnded(snapshot.context.saved?.reference ?? snapshot.context.attached?.reference ?? null));
        return;
      }
      const persisted = persistIntake(actor.getPersistedSnapshot());
      saving.current = saving.current.then(() => request('saveDraft', { id: interactionId, persisted }).catch(() => undefined));
    });
    return () => subscription.unsubscribe();
  }, [actor, interactionId, onEnded]);

  const send = useCallback<IntakeSend>((event) => actor.send({ ...event, at: Date.now() } as IntakeEvent), [actor]);
  const snapshot = useSelector(actor, (s) => s);
  const step = useMemo(() => intakeStep(snapshot), [snapshot]);
  useScreenPopSession(step, snapshot.context.screenPop, send);
  return { snapshot, step, send, onHold: isOnHold(snapshot), context: snapshot.context };
}
