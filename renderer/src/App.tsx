import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { DEFAULT_IDLE_LOCK_MINUTES, type DeskInfo, type MachinePolicyView } from '../../shared/contract';
import { request } from './api/api';
import { firstAnswer } from './api/startup';
import { Keys } from './components/Kbd';
import { useShortcuts } from './components/use-shortcuts';
import { CaseDetail } from './features/cases/CaseDetail';
import { CaseList } from './features/cases/CaseList';
import { IntakeScreen } from './features/intake/IntakeScreen';
import { KnowledgeScreen } from './features/kb/KnowledgeScreen';
import { LockScreen } from './features/lock/LockScreen';
import { useIdleLock } from './features/lock/use-idle-lock';
import { PolicyBanner } from './features/policy/PolicyBanner';
import { Header } from './features/session/Header';
import { SignIn } from './features/session/SignIn';
import { useTheme } from './features/session/use-theme';
import { ShortcutSheet } from './features/shortcuts/ShortcutSheet';
import { SyncScreen } from './features/sync/SyncScreen';
import { useSyncStatus } from './features/sync/use-sync-status';

// Charts (recharts) load with the reports screen, not with the console's first paint.
const ReportsScreen = lazy(() => import('./features/reports/ReportsScreen').then((module) => ({ default: module.ReportsScreen })));

/** A case remembers where it was opened from, so Esc goes back there. */
export type View = { name: 'intake' } | { name: 'cases' } | { name: 'case'; id: string; from?: 'reports' } | { name: 'sync' } | { name: 'reports' } | { name: 'kb' };

export function App() {
  const [desk, setDesk] = useState<DeskInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [view, setView] = useState<View>({ name: 'intake' });
  const [sheetOpen, setSheetOpen] = useState(false);
  const [theme, toggleTheme] = useTheme();
  const sync = useSyncStatus(desk?.sync ?? null);
  const [policy, setPolicy] = useState<MachinePolicyView | null>(null);
  useEffect(() => {
    request('machinePolicy', {}).then(setPolicy, () => setPolicy(null));
  }, []);
  const locked = desk?.locked === true;
  const working = desk?.agent != null && !locked;
  const lock = useCallback(() => {
    request('lockConsole', {}).then(setDesk, (error: unknown) => setFailure(String(error)));
  }, []);
  useIdleLock(policy?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES, working, lock);

  const showIntake = useCallback(() => setView({ name: 'intake' }), []);
  const refreshDesk = useCallback(() => {
    firstAnswer('deskInfo').then(setDesk, (error: unknown) => setFailure(String(error)));
  }, []);
  useEffect(refreshDesk, [refreshDesk]);
  useEffect(() => {
    const timer = setInterval(refreshDesk, 10_000);
    return () => clearInterval(timer);
  }, [refreshDesk]);

  useShortcuts(
    {
      'Alt+N': () => setView({ name: 'intake' }),
      'Alt+L': () => setView({ name: 'cases' }),
      'Alt+T': toggleTheme,
      'Alt+Y': () => setView({ name: 'sync' }),
      'Alt+R': () => setView({ name: 'reports' }),
      'Alt+K': () => setView({ name: 'kb' }),
      'Ctrl+Alt+L': lock,
      '?': () => setSheetOpen(true),
    },
    working,
  );

  if (failure) {
    return (
      <main className="signin">
        <div role="alert" className="banner error">
          The console cannot reach this desk: {failure}
        </div>
      </main>
    );
  }
  if (!desk) return <main className="signin" aria-busy="true" />;
  if (!desk.agent) {
    return (
      <>
        <PolicyBanner policy={policy} />
        <SignIn desk={desk} onSignedIn={setDesk} />
      </>
    );
  }

  const nav = (target: View, label: string, combo: string) => (
    <button
      type="button"
      className="nav-item"
      aria-current={view.name === target.name || (view.name === 'case' && target.name === (view.from ?? 'cases')) ? 'page' : undefined}
      onClick={() => setView(target)}
    >
      {label} <Keys combo={combo} />
    </button>
  );

  return (
    <>
      {locked && <LockScreen desk={desk} onChanged={setDesk} />}
      {/* Locked, the console stays mounted (a call in progress keeps its state) but is not shown, read out or reachable. */}
      <div className="app" hidden={locked}>
      <Header
        desk={desk}
        sync={sync.status ?? desk.sync}
        onOpenSync={() => setView({ name: 'sync' })}
        theme={theme}
        onToggleTheme={toggleTheme}
        onShortcuts={() => setSheetOpen(true)}
        onSignOut={() => void request('signOut', {}).then(setDesk)}
        onLock={lock}
      />
      <div className="app-body">
        <nav className="nav" aria-label="Screens">
          {nav({ name: 'intake' }, 'New interaction', 'Alt+N')}
          {nav({ name: 'cases' }, 'Cases', 'Alt+L')}
          {nav({ name: 'reports' }, 'Reports', 'Alt+R')}
          {nav({ name: 'kb' }, 'Knowledge base', 'Alt+K')}
          {nav({ name: 'sync' }, 'Sync', 'Alt+Y')}
        </nav>
        <main className="app-main">
          <PolicyBanner policy={policy} />
          {desk.integrity.state === 'damaged' && (
            <div role="alert" className="banner error">
              This desk's database failed its integrity check ({desk.integrity.message}). Your work is still being saved; call IT to check
              and restore it.
            </div>
          )}
          {/* The intake stays mounted while browsing cases, so a call in progress is never lost. */}
          <div hidden={view.name !== 'intake'}>
            <IntakeScreen
              agent={desk.agent}
              active={view.name === 'intake' && !locked}
              onSaved={refreshDesk}
              onOpenCase={(id) => setView({ name: 'case', id })}
              onPopTaken={showIntake}
            />
          </div>
          {view.name === 'cases' && <CaseList onOpen={(id) => setView({ name: 'case', id })} />}
          {view.name === 'sync' && (
            <SyncScreen
              status={sync.status ?? desk.sync}
              role={desk.agent.role}
              onSyncNow={sync.syncNow}
              onSettingsSaved={refreshDesk}
              onOpenCase={(id) => setView({ name: 'case', id })}
            />
          )}
          {/* Kept while a case opened from a drill-down is shown, so Esc returns to the same list. */}
          {(view.name === 'reports' || (view.name === 'case' && view.from === 'reports')) && (
            <div hidden={view.name !== 'reports'}>
              <Suspense fallback={<p aria-busy="true">Loading reports…</p>}>
                <ReportsScreen role={desk.agent.role} active={view.name === 'reports' && !locked} onOpenCase={(id) => setView({ name: 'case', id, from: 'reports' })} />
              </Suspense>
            </div>
          )}
          {view.name === 'kb' && <KnowledgeScreen role={desk.agent.role} active={view.name === 'kb' && !locked} />}
          {view.name === 'case' && (
            <CaseDetail
              id={view.id}
              role={desk.agent.role}
              backTo={view.from === 'reports' ? 'report' : 'cases'}
              onBack={() => setView(view.from === 'reports' ? { name: 'reports' } : { name: 'cases' })}
              onChanged={refreshDesk}
            />
          )}
        </main>
      </div>
      <ShortcutSheet isOpen={sheetOpen && !locked} onClose={() => setSheetOpen(false)} />
      </div>
    </>
  );
}
