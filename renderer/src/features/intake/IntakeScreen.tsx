import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Snapshot } from 'xstate';
import { newId, type Agent } from '../../../../shared/domain';
import { snapshotToRestore, type PoppedCall } from '../../../../shared/workflow';
import { request } from '../../api/api';
import { firstAnswer } from '../../api/startup';
import { useShortcuts } from '../../components/use-shortcuts';
import { IncomingPopBanner } from '../screen-pop/IncomingPopBanner';
import { ScreenPopLinkContext, type ScreenPopLink } from '../screen-pop/intake-link';
import type { WaitingPop } from '../screen-pop/pop-queue';
import { useScreenPop } from '../screen-pop/use-screen-pop';
import { IntakeSession } from './IntakeSession';

interface Start {
  interactionId: string;
  restored?: Snapshot<unknown>;
  restoredAt?: string;
}

/**
 * Hosts one interaction after another. At start it asks the desk for a draft left by a crash or a
 * closed window and resumes that call exactly where it was. Screen-pops (docs/screen-pop.md) start
 * the next interaction when none is in progress, and otherwise wait behind a banner.
 */
/** onPopTaken: a screen-pop started an interaction, so the intake should be on screen whatever the specialist was looking at. */
export function IntakeScreen(props: { agent: Agent; active: boolean; onSaved: () => void; onOpenCase: (id: string) => void; onPopTaken?: () => void }) {
  const [start, setStart] = useState<Start | null>(null);
  const [lastReference, setLastReference] = useState<string | null>(null);
  // Null until the interaction first reports: a pop that arrives before then waits to learn whether a call is in progress.
  const [idle, setIdle] = useState<boolean | null>(null);
  const [popped, setPopped] = useState<PoppedCall | null>(null);
  const idleNow = useRef(idle);
  idleNow.current = idle;
  const pops = useScreenPop(() => idleNow.current);
  const { onPopTaken } = props;
  const { remove, arm, next, settle } = pops;
  const take = useCallback(
    ({ id, pop: { channel: _channel, ...facts } }: WaitingPop) => {
      remove(id);
      setPopped(facts);
      onPopTaken?.();
    },
    [remove, onPopTaken],
  );
  const report = useCallback(
    (reportedIdle: boolean, reportedPop: PoppedCall | null) => {
      setIdle(reportedIdle);
      setPopped(reportedPop);
      settle(reportedIdle);
    },
    [settle],
  );
  const link = useMemo<ScreenPopLink>(() => ({ next, popped, take, report }), [next, popped, take, report]);
  useShortcuts({ 'Alt+P': () => next && arm(next.id) }, props.active && next !== null);

  useEffect(() => {
    let cancelled = false;
    firstAnswer('restoreDraft')
      .then(({ draft }) => {
        if (cancelled) return;
        const verdict = draft ? snapshotToRestore(draft.persisted) : null;
        if (draft && verdict?.ok) setStart({ interactionId: draft.id, restored: verdict.snapshot, restoredAt: draft.updatedAt });
        else {
          if (draft) void request('discardDraft', { id: draft.id });
          setStart({ interactionId: newId() });
        }
      })
      .catch(() => !cancelled && setStart({ interactionId: newId() }));
    return () => {
      cancelled = true;
    };
  }, [props.agent.id]);

  const { onSaved } = props;
  const onEnded = useCallback(
    (reference: string | null) => {
      setLastReference(reference);
      onSaved();
      setStart({ interactionId: newId() });
    },
    [onSaved],
  );

  if (!start) return <p aria-busy="true">Loading…</p>;
  return (
    <ScreenPopLinkContext.Provider value={link}>
      <div className="stack">
        {next && next.armed !== null && !(idle && next.armed) && (
          <IncomingPopBanner waiting={next} idle={idle === true} behind={pops.behind} onTake={() => arm(next.id)} onDismiss={() => remove(next.id)} />
        )}
        <IntakeSession
          key={start.interactionId}
          interactionId={start.interactionId}
          restored={start.restored}
          restoredAt={start.restoredAt}
          lastReference={lastReference}
          active={props.active}
          onEnded={onEnded}
          onSaved={onSaved}
        />
      </div>
    </ScreenPopLinkContext.Provider>
  );
}
