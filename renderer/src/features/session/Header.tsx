import { Button } from 'react-aria-components';
import type { DeskInfo, SyncStatus } from '../../../../shared/contract';
import { Keys } from '../../components/Kbd';
import { SyncChip } from '../sync/SyncChip';

export function Header(props: {
  desk: DeskInfo;
  sync: SyncStatus;
  theme: string;
  onToggleTheme: () => void;
  onShortcuts: () => void;
  onOpenSync: () => void;
  onSignOut: () => void;
  onLock: () => void;
}) {
  const { desk } = props;
  return (
    <header className="header">
      <span className="brand">CivicDesk</span>
      <span className="chip" aria-label={`Desk ${desk.deskCode}`}>
        Desk <strong>{desk.deskCode}</strong>
      </span>
      <SyncChip status={props.sync} onOpen={props.onOpenSync} />
      {/* Only a ready update concerns the specialist: it restarts the app between calls, never during one. */}
      {desk.update?.state === 'ready' && (
        <span className="chip" role="status" title={desk.update.message}>
          Update {desk.update.version} ready · installs between calls
        </span>
      )}
      <span className="spacer" />
      <span className="chip">
        {desk.agent?.name} · {desk.agent?.role}
      </span>
      <Button className="btn" onPress={props.onShortcuts} aria-label="Keyboard shortcuts">
        Shortcuts <Keys combo="?" />
      </Button>
      <Button className="btn" onPress={props.onToggleTheme} aria-label={`Switch to ${props.theme === 'dark' ? 'light' : 'dark'} theme`}>
        {props.theme === 'dark' ? 'Light' : 'Dark'} <Keys combo="Alt+T" />
      </Button>
      <Button className="btn" onPress={props.onLock} aria-label="Lock the console" aria-keyshortcuts="Control+Alt+L">
        Lock
      </Button>
      <Button className="btn" onPress={props.onSignOut}>
        Sign out
      </Button>
    </header>
  );
}
