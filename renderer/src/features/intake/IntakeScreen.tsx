import { useCallback, useEffect, useState } from 'react';
import type { Snapshot } from 'xstate';
import { newId, type Agent } from '../../../../shared/domain';
import { snapshotToRestore } from '../../../../shared/workflow';
import { request } from '../../api/api';
import { firstAnswer } from '../../api/startup';
import { IntakeSession } from './IntakeSession';

interface Start {
  interactionId: string;
  restored?: Snapshot<unknown>;
  restoredAt?: string;
}

/**
 * Hosts one interaction after another. At start it asks the desk for a draft left by a crash or a
 * closed window and resumes that call exactly where it was.
 */
export function IntakeScreen(props: { agent: Agent; active: boolean; onSaved: () => void; onOpenCase: (id: string) => void }) {
  const [start, setStart] = useState<Start | null>(null);
  const [lastReference, setLastReference] = useState<string | null>(null);

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
  );
}
