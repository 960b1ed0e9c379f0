import { useEffect, useRef, type KeyboardEvent } from 'react';
import { DISPOSITIONS, type CaseKind, type Disposition } from '../../../../shared/domain';
import type { IntakeContext } from '../../../../shared/workflow';
import { Keys } from '../../components/Kbd';
import { DISPOSITION_LABELS } from '../../components/labels';
import { moveFocusWithArrows, tabStopOf } from '../../components/roving';
import type { IntakeSend } from './use-intake';


/** The disposition wrap-up starts on for each kind; the specialist may pick another. */
export const USUAL_DISPOSITION: Record<CaseKind, Disposition> = {
  information: 'answered',
  service_request: 'service_request_logged',
  feedback: 'answered',
  transfer: 'transferred',
};

export function WrapUpStep({ send, context, finishing }: { send: IntakeSend; context: IntakeContext; finishing: boolean }) {
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!context.disposition) send({ type: 'SET_DISPOSITION', disposition: USUAL_DISPOSITION[context.kind ?? 'information'] });
    const usual = DISPOSITIONS.indexOf(context.disposition ?? USUAL_DISPOSITION[context.kind ?? 'information']);
    group.current?.querySelectorAll<HTMLElement>('[role="radio"]')[usual]?.focus();
    // Only on entering wrap-up: the usual disposition is a default, not a rule.
  }, []);

  const stop = tabStopOf(DISPOSITIONS.map((d) => d === context.disposition));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (moveFocusWithArrows(event)) return;
    const digit = /^[1-7]$/.test(event.key) && !event.altKey && !event.ctrlKey ? Number(event.key) : null;
    if (digit !== null) {
      event.preventDefault();
      send({ type: 'SET_DISPOSITION', disposition: DISPOSITIONS[digit - 1]! });
    }
  };
  return (
    <div className="stack">
      <h2>Wrap-up · {context.saved?.reference}</h2>
      {context.error && (
        <div role="alert" className="banner error">
          {context.error}
        </div>
      )}
      <div className="field">
        <span id="disposition-label" className="label required">
          Disposition
        </span>
        <div ref={group} role="radiogroup" aria-labelledby="disposition-label" className="choices" onKeyDown={onKeyDown}>
          {DISPOSITIONS.map((d, i) => (
            <button
              key={d}
              type="button"
              role="radio"
              aria-checked={context.disposition === d}
              tabIndex={i === stop ? 0 : -1}
              data-selected={context.disposition === d || undefined}
              className="choice"
              onClick={() => send({ type: 'SET_DISPOSITION', disposition: d })}
            >
              <kbd>{i + 1}</kbd> {DISPOSITION_LABELS[d]}
            </button>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor="wrap-note">Note (optional)</label>
        <textarea id="wrap-note" value={context.wrapUpNote} onChange={(event) => send({ type: 'SET_WRAP_UP_NOTE', note: event.target.value })} />
      </div>
      <div className="row">
        <button type="button" className="btn primary" disabled={finishing || !context.disposition} onClick={() => send({ type: 'FINISH' })}>
          {finishing ? 'Finishing…' : 'Finish interaction'} <Keys combo="Ctrl+Enter" />
        </button>
      </div>
    </div>
  );
}
