import { Button } from 'react-aria-components';
import type { DeskInfo } from '../../../../shared/contract';
import { Keys } from '../../components/Kbd';

function syncLabel(desk: DeskInfo): string {
  const waiting = desk.sync.pendingMutations;
  const pending = waiting === 0 ? 'nothing waiting' : `${waiting} change${waiting === 1 ? '' : 's'} waiting to sync`;
  return desk.sync.state === 'offline' ? `Offline · ${pending}` : `${desk.sync.state} · ${pending}`;
}

export function Header(props: { desk: DeskInfo; theme: string; onToggleTheme: () => void; onShortcuts: () => void; onSignOut: () => void }) {
  const { desk } = props;
  return (
    <header className="header">
      <span className="brand">CivicDesk</span>
      <span className="chip" aria-label={`Desk ${desk.deskCode}`}>
        Desk <strong>{desk.deskCode}</strong>
      </span>
      <span className="chip" role="status" aria-label={`Sync: ${syncLabel(desk)}`}>
        <span className={`dot ${desk.sync.state === 'online' ? 'online' : ''}`} aria-hidden />
        {syncLabel(desk)}
      </span>
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
      <Button className="btn" onPress={props.onSignOut}>
        Sign out
      </Button>
    </header>
  );
}
