import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { isLocalDate, periodPresets, type DateRange } from './report-dates';

export interface PeriodChoice extends DateRange {
  top: number;
}

interface Props {
  today: string;
  applied: PeriodChoice;
  onApply: (choice: PeriodChoice) => void;
  /** The desk's refusal, by field (from, to, top). */
  serverErrors: Record<string, string>;
  busy: boolean;
}

/** Problems the form can see before asking: the same rules the contract checks. */
function problemsOf(draft: { from: string; to: string; top: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isLocalDate(draft.from)) problems.from = 'Enter the first day of the period.';
  if (!isLocalDate(draft.to)) problems.to = 'Enter the last day of the period.';
  if (!problems.from && !problems.to && draft.from > draft.to) problems.from = 'The first day must not be after the last.';
  const top = Number(draft.top);
  if (!Number.isInteger(top) || top < 1 || top > 50) problems.top = 'Show between 1 and 50 rows.';
  return problems;
}

/** The period: from and to (both included), presets, and how many departments and types to list. */
export function PeriodForm({ today, applied, onApply, serverErrors, busy }: Props) {
  const [draft, setDraft] = useState({ from: applied.from, to: applied.to, top: String(applied.top) });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const shown = { ...serverErrors, ...problems };

  const apply = (next: typeof draft) => {
    const found = problemsOf(next);
    setProblems(found);
    if (Object.keys(found).length === 0) onApply({ from: next.from, to: next.to, top: Number(next.top) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const field = (name: 'from' | 'to' | 'top', label: string, type: 'date' | 'number') => (
    <div className="field">
      <label htmlFor={`period-${name}`}>{label}</label>
      <input
        id={`period-${name}`}
        className="input"
        type={type}
        value={draft[name]}
        {...(type === 'number' ? { min: 1, max: 50, inputMode: 'numeric' as const } : {})}
        aria-invalid={shown[name] !== undefined}
        aria-describedby={shown[name] ? `period-${name}-error` : undefined}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      />
      {shown[name] && (
        <span id={`period-${name}-error`} className="error">
          {shown[name]}
        </span>
      )}
    </div>
  );

  return (
    <form className="report-picker" aria-label="Which period" onSubmit={submit} noValidate>
      {field('from', 'From', 'date')}
      {field('to', 'To (included)', 'date')}
      {field('top', 'Top N', 'number')}
      <Button type="submit" className="btn primary" isDisabled={busy}>
        Show report
      </Button>
      <div className="report-presets" role="group" aria-label="Presets">
        {periodPresets(today).map((preset) => (
          <Button
            key={preset.key}
            className="btn"
            onPress={() => {
              const next = { ...draft, from: preset.from, to: preset.to };
              setDraft(next);
              apply(next);
            }}
          >
            {preset.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
