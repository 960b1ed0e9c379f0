import { useEffect, useRef } from 'react';
import type { IntakeContext } from '../../../../shared/workflow';
import { Keys } from '../../components/Kbd';
import { CHANNEL_LABELS, KIND_LABELS } from '../../components/labels';
import type { IntakeSend } from './use-intake';

export function ReviewStep({ send, context, saving }: { send: IntakeSend; context: IntakeContext; saving: boolean }) {
  const save = useRef<HTMLButtonElement>(null);
  useEffect(() => save.current?.focus(), []);
  const type = context.serviceType!;
  const answered = [...type.questions].sort((a, b) => a.order - b.order).filter((q) => context.answers[q.code] !== undefined);
  const show = (code: string): string => {
    const question = type.questions.find((q) => q.code === code);
    const value = context.answers[code];
    const name = (key: string) => question?.values?.find((v) => v.key === key)?.name ?? key;
    if (Array.isArray(value)) return value.map(name).join(', ');
    if (question?.datatype === 'datetime' && typeof value === 'string') return new Date(value).toLocaleString('en-CA');
    return question?.values ? name(String(value)) : String(value);
  };
  return (
    <div className="stack">
      <h2>Review before saving</h2>
      {context.error && (
        <div role="alert" className="banner error">
          {context.error}. Press <Keys combo="Ctrl+Enter" /> to try again; the interaction is kept.
        </div>
      )}
      <table className="plain review">
        <tbody>
          <tr>
            <th scope="row">Channel</th>
            <td>{context.channel ? CHANNEL_LABELS[context.channel] : '—'}</td>
          </tr>
          <tr>
            <th scope="row">Caller</th>
            <td>{context.caller?.anonymous === false ? `${context.caller.name}${context.caller.phone ? ` · ${context.caller.phone}` : ''}` : 'Anonymous'}</td>
          </tr>
          <tr>
            <th scope="row">Kind and type</th>
            <td>
              {KIND_LABELS[context.kind ?? 'information']} · {type.name}
            </td>
          </tr>
          {answered.map((q) => (
            <tr key={q.code}>
              <th scope="row">{q.description}</th>
              <td>{show(q.code)}</td>
            </tr>
          ))}
          {context.location?.addressText && (
            <tr>
              <th scope="row">Location</th>
              <td>
                {context.location.addressText}
                {!context.location.addressId && <span className="muted"> (not in the city's address list)</span>}
              </td>
            </tr>
          )}
          {context.description && (
            <tr>
              <th scope="row">What the caller said</th>
              <td className="pre">{context.description}</td>
            </tr>
          )}
          <tr>
            <th scope="row">Priority</th>
            <td>{context.priority ?? type.defaultPriority}</td>
          </tr>
        </tbody>
      </table>
      <div className="row">
        <button ref={save} type="button" className="btn primary" disabled={saving} onClick={() => send({ type: 'SAVE' })}>
          {saving ? 'Saving…' : 'Save and get reference'} <Keys combo="Ctrl+Enter" />
        </button>
        <button type="button" className="btn" disabled={saving} onClick={() => send({ type: 'BACK' })}>
          Back <Keys combo="Alt+B" />
        </button>
      </div>
    </div>
  );
}
