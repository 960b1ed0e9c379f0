import { useEffect, useMemo, useRef } from 'react';
import { PRIORITIES, type Priority } from '../../../../shared/domain';
import type { IntakeContext } from '../../../../shared/workflow';
import { Keys } from '../../components/Kbd';
import { KIND_LABELS } from '../../components/labels';
import { AddressField } from '../addresses/AddressField';
import { DuplicateSuggestions } from '../duplicates/DuplicateSuggestions';
import { ArticleSuggestions } from '../kb/ArticleSuggestions';
import { QuestionField } from './QuestionField';
import type { IntakeSend } from './use-intake';

/** Focus the next field after `from` inside the form (list questions, one-line inputs). */
function focusNext(form: HTMLElement | null, from: number): void {
  const targets = form ? [...form.querySelectorAll<HTMLElement>('[data-focus-target]')] : [];
  targets[from + 1]?.focus();
}

export function DetailsStep({ send, context }: { send: IntakeSend; context: IntakeContext }) {
  const type = context.serviceType!;
  const kind = context.kind ?? 'information';
  const enforce = kind === 'service_request';
  const form = useRef<HTMLFormElement>(null);
  const questions = useMemo(() => [...type.questions].sort((a, b) => a.order - b.order), [type]);
  const issues = useMemo(() => Object.fromEntries(context.issues.map((i) => [i.field, i.message])), [context.issues]);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[data-focus-target]')?.focus();
  }, []);
  useEffect(() => {
    if (context.issues.length === 0) return;
    // The first field that needs attention: an input itself, or a list question's option in the Tab order.
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.matches('input, textarea, select') ? invalid : invalid?.querySelector<HTMLElement>('[tabindex="0"]');
    target?.focus();
  }, [context.issues]);

  const locationIndex = questions.length;
  return (
    <form
      ref={form}
      className="stack details"
      aria-label={`Details for ${type.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        send({ type: 'NEXT' });
      }}
    >
      <div className="row">
        <h2>{type.name}</h2>
        <span className="badge">{KIND_LABELS[kind]}</span>
        {enforce && <span className="muted">SLA {type.slaDays} day{type.slaDays === 1 ? '' : 's'}</span>}
      </div>
      {context.issues.length > 0 && (
        <div role="alert" className="banner error">
          {context.issues.length} field{context.issues.length === 1 ? ' needs' : 's need'} attention before review.
        </div>
      )}
      <div className="grid-2">
        {questions.map((question, i) => (
          <QuestionField
            key={question.code}
            question={question}
            value={context.answers[question.code]}
            required={enforce && question.required}
            error={issues[`answers.${question.code}`]}
            onChange={(value) => send({ type: 'SET_ANSWER', code: question.code, value })}
            onDone={() => focusNext(form.current, i)}
          />
        ))}
      </div>
      <AddressField
        id="location"
        label="Location (address or landmark)"
        required={enforce && type.locationRequired}
        value={context.location}
        onChange={(location) => send({ type: 'SET_LOCATION', location })}
        onDone={() => focusNext(form.current, locationIndex)}
        {...(issues.location ? { error: 'Required: where is it?' } : {})}
      />
      {kind === 'service_request' && (
        <DuplicateSuggestions
          serviceCode={type.code}
          location={context.location}
          onLink={(candidate) => send({ type: 'ATTACH_TO_CASE', target: { caseId: candidate.id, reference: candidate.reference, reason: 'duplicate_report' } })}
        />
      )}
      <div className="field" data-field>
        <label htmlFor="description">What the caller said</label>
        <textarea
          id="description"
          data-focus-target="description"
          value={context.description}
          onChange={(event) => send({ type: 'SET_DESCRIPTION', description: event.target.value })}
        />
      </div>
      {kind === 'information' && (
        <ArticleSuggestions
          question={context.description}
          serviceCode={type.code}
          chosenId={context.article?.id ?? null}
          onChoose={(article) => send({ type: 'CHOOSE_ARTICLE', article })}
        />
      )}
      <div className="field priority">
        <label htmlFor="priority">Priority</label>
        <select
          id="priority"
          value={context.priority ?? type.defaultPriority}
          onChange={(event) => send({ type: 'SET_PRIORITY', priority: event.target.value as Priority })}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <button type="submit" className="btn primary">
          Review <Keys combo="Ctrl+Enter" />
        </button>
        <button type="button" className="btn" onClick={() => send({ type: 'BACK' })}>
          Back <Keys combo="Alt+B" />
        </button>
      </div>
    </form>
  );
}
