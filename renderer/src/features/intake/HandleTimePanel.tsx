import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { handleTimeAt, type IntakeContext } from '../../../../shared/workflow';
import { Keys } from '../../components/Kbd';

export const minutesSeconds = (ms: number): string => {
  const total = Math.floor(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

/** The handle-time clock, live: the machine owns the totals, this only repaints them each second. */
export function HandleTimePanel({ context, onHold, onToggleHold }: { context: IntakeContext; onHold: boolean; onToggleHold: () => void }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const time = handleTimeAt(context.clock, now);
  const caller = context.caller;
  return (
    <aside className="call-panel card stack" aria-label="Call">
      <div className="stack">
        <span className="muted">Caller</span>
        <strong>{caller ? (caller.anonymous ? 'Anonymous' : caller.name) : '—'}</strong>
        {caller && !caller.anonymous && caller.phone && <span className="mono">{caller.phone}</span>}
      </div>
      <dl className="clock" aria-live="off">
        <div className={context.clock.segment === 'talk' ? 'running' : ''}>
          <dt>Talk</dt>
          <dd className="mono" data-testid="clock-talk">{minutesSeconds(time.talkMs)}</dd>
        </div>
        <div className={context.clock.segment === 'hold' ? 'running' : ''}>
          <dt>Hold</dt>
          <dd className="mono" data-testid="clock-hold">{minutesSeconds(time.holdMs)}</dd>
        </div>
        <div className={context.clock.segment === 'wrap_up' ? 'running' : ''}>
          <dt>Wrap-up</dt>
          <dd className="mono" data-testid="clock-wrap">{minutesSeconds(time.wrapUpMs)}</dd>
        </div>
      </dl>
      {context.clock.segment !== 'wrap_up' && (
        <Button className={`btn ${onHold ? 'primary' : ''}`} onPress={onToggleHold}>
          {onHold ? 'Resume caller' : 'Hold caller'} <Keys combo="Alt+H" />
        </Button>
      )}
      {onHold && <div className="banner warn" role="status">Caller on hold</div>}
    </aside>
  );
}
