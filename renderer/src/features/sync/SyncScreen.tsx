import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { SyncStatus } from '../../../../shared/contract';
import type { Role } from '../../../../shared/domain';
import { ConflictList } from './ConflictList';
import { syncHeadline, waitingText } from './describe-sync';
import { SyncSettingsForm } from './SyncSettingsForm';

const when = new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeStyle: 'medium' });

/** Sync at a glance, "sync now", where this desk syncs, and — for leads — the recorded conflicts. */
export function SyncScreen(props: { status: SyncStatus; role: Role; onSyncNow: () => Promise<void>; onSettingsSaved: () => void; onOpenCase: (id: string) => void }) {
  const { status } = props;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const syncButton = useRef<HTMLButtonElement>(null);
  useEffect(() => syncButton.current?.focus(), []);
  const isLead = props.role === 'lead' || props.role === 'admin';

  const syncNow = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await props.onSyncNow();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack sync-screen">
      <h1>Sync</h1>
      <section className="card stack" aria-labelledby="sync-state">
        <h2 id="sync-state">{syncHeadline(status)}</h2>
        {status.updateRequired && (
          <div role="alert" className="banner error">
            The server no longer accepts this version of CivicDesk. Work is still saved on this desk; ask IT to install the update, and sync
            resumes by itself.
          </div>
        )}
        <dl className="facts">
          <dt>Waiting on this desk</dt>
          <dd>{waitingText(status.pendingMutations)}</dd>
          <dt>Last successful sync</dt>
          <dd>{status.lastSuccessAt ? when.format(new Date(status.lastSuccessAt)) : 'never'}</dd>
          <dt>Last problem</dt>
          <dd>{status.lastError ?? 'none'}</dd>
          <dt>Conflicts recorded for this desk</dt>
          <dd>{status.conflicts}</dd>
        </dl>
        {problem && (
          <div role="alert" className="banner error">
            {problem}
          </div>
        )}
        <div className="row">
          <Button ref={syncButton} className="btn primary" onPress={() => void syncNow()} isDisabled={busy || !status.configured}>
            {busy ? 'Syncing…' : 'Sync now'}
          </Button>
          {!status.configured && <span className="muted">Connect this desk to a server below to sync.</span>}
        </div>
      </section>
      {isLead && (
        <section className="card stack" aria-labelledby="sync-conflicts">
          <h2 id="sync-conflicts">Conflicts</h2>
          <ConflictList onOpenCase={props.onOpenCase} />
        </section>
      )}
      <section className="card stack" aria-labelledby="sync-settings">
        <h2 id="sync-settings">Where this desk syncs</h2>
        {isLead || !status.configured ? (
          <SyncSettingsForm onSaved={props.onSettingsSaved} />
        ) : (
          <p className="muted">A team lead or IT changes these settings.</p>
        )}
      </section>
    </div>
  );
}
