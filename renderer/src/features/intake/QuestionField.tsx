import type { KeyboardEvent } from 'react';
import type { AnswerValue, Question } from '../../../../shared/domain';
import { moveFocusWithArrows, tabStopOf } from '../../components/roving';

export interface FieldProps {
  question: Question;
  value: AnswerValue | undefined;
  required: boolean;
  error: string | undefined;
  onChange: (value: AnswerValue | null) => void;
  /** Moves focus to the next field: typing a digit in a list, or Enter in a one-line field. */
  onDone: () => void;
}

const toLocalInput = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};

const digitOf = (event: KeyboardEvent): number | null => (/^[1-9]$/.test(event.key) && !event.altKey && !event.ctrlKey ? Number(event.key) : null);

/** One Open311 attribute, rendered by its datatype; list options answer to their number keys. */
export function QuestionField({ question, value, required, error, onChange, onDone }: FieldProps) {
  const id = `q-${question.code}`;
  const describedBy = error ? `${id}-error` : undefined;
  const label = (
    <span id={`${id}-label`} className={`label ${required ? 'required' : ''}`}>
      {question.description}
    </span>
  );
  const errorText = error && (
    <span id={`${id}-error`} className="error">
      {error.startsWith('is required') ? 'Required' : `Must ${error.replace(/^must /, '')}`}
    </span>
  );
  const values = question.values ?? [];

  if (question.datatype === 'singlevaluelist' || question.datatype === 'multivaluelist') {
    const multi = question.datatype === 'multivaluelist';
    const selected = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
    const toggle = (key: string) => {
      if (!multi) return onChange(key);
      const next = new Set(selected);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      onChange(next.size > 0 ? values.filter((v) => next.has(v.key)).map((v) => v.key) : null);
    };
    const stop = tabStopOf(values.map((v) => selected.has(v.key)));
    const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
      if (moveFocusWithArrows(event)) return;
      const digit = digitOf(event);
      if (digit !== null && values[digit - 1]) {
        event.preventDefault();
        toggle(values[digit - 1]!.key);
        if (!multi) onDone();
      } else if (event.key === 'Enter' && !event.ctrlKey) {
        event.preventDefault();
        onDone();
      }
    };
    return (
      <div className="field" data-field>
        {label}
        <div
          role={multi ? 'group' : 'radiogroup'}
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          className="choices"
          onKeyDown={onKeyDown}
        >
          {values.map((option, i) => (
            <button
              key={option.key}
              type="button"
              role={multi ? 'checkbox' : 'radio'}
              aria-checked={selected.has(option.key)}
              data-selected={selected.has(option.key) || undefined}
              className="choice"
              tabIndex={i === stop ? 0 : -1}
              data-focus-target={i === stop ? id : undefined}
              onClick={() => toggle(option.key)}
            >
              <kbd>{i + 1}</kbd> {option.name}
            </button>
          ))}
        </div>
        {errorText}
      </div>
    );
  }

  const common = {
    id,
    'aria-labelledby': `${id}-label`,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'data-focus-target': id,
  } as const;
  const onEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.shiftKey) {
      event.preventDefault();
      onDone();
    }
  };
  return (
    <div className="field" data-field>
      {label}
      {question.datatype === 'text' && (
        <textarea {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />
      )}
      {question.datatype === 'string' && (
        <input {...common} value={typeof value === 'string' ? value : ''} onKeyDown={onEnter} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />
      )}
      {question.datatype === 'number' && (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          value={typeof value === 'number' ? String(value) : ''}
          onKeyDown={onEnter}
          onChange={(e) => onChange(e.target.value === '' || Number.isNaN(e.target.valueAsNumber) ? null : e.target.valueAsNumber)}
        />
      )}
      {question.datatype === 'datetime' && (
        <input
          {...common}
          type="datetime-local"
          value={typeof value === 'string' ? toLocalInput(value) : ''}
          onKeyDown={onEnter}
          onChange={(e) => onChange(e.target.value === '' ? null : new Date(e.target.value).toISOString())}
        />
      )}
      {errorText}
    </div>
  );
}
