import { describeIncoming, type WaitingPop } from './pop-queue';

/**
 * A pop that must not disturb the interaction in progress: it says who is waiting and how to take
 * them, politely (a status, not an alert: the specialist is talking to someone).
 */
export function IncomingPopBanner(props: { waiting: WaitingPop; idle: boolean; behind: number; onTake: () => void; onDismiss: () => void }) {
  const { waiting, idle, behind } = props;
  const hint = waiting.armed ? 'starts when this interaction ends' : idle ? 'Alt+P to take it' : 'Alt+P to take it after this one';
  return (
    <div className="banner info row screen-pop-banner" role="status">
      <span>
        Incoming: <strong>{describeIncoming(waiting.pop)}</strong> — {hint}
        {behind > 0 && <span className="muted"> (+{behind} more waiting)</span>}
      </span>
      {!waiting.armed && (
        <button type="button" className="btn" onClick={props.onTake}>
          {idle ? 'Take it' : 'Take it after this one'}
        </button>
      )}
      <button type="button" className="linkish" onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
