import type { ReactNode } from 'react';
import type { Case, ServiceType } from '../../../../shared/domain';
import { describeAnswer, describeCaller, describeHandleTime, describeLocation } from './describe';
import { formatDateTime } from './format';
import { CHANNEL_LABELS, DISPOSITION_LABELS, KIND_LABELS, PRIORITY_LABELS } from '../../components/labels';
import type { CatalogNames } from '../../components/use-catalog';

const missing = (text = 'Not recorded') => <span className="muted">{text}</span>;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The case's recorded facts: what, who, where, when and how the interaction went. */
/** callerCount: the case's caller and everyone recorded on it since (repeat calls, reports of the same problem). */
export function CaseFacts({ found, names, callerCount }: { found: Case; names: CatalogNames; callerCount: number }) {
  const location = describeLocation(found.location);
  return (
    <section className="card stack" aria-labelledby="case-facts-title">
      <h2 id="case-facts-title">Details</h2>
      <dl className="facts">
        <Fact label="Service type">{names.serviceName(found.serviceCode)}</Fact>
        <Fact label="Department">{names.departmentName(found.departmentCode)}</Fact>
        <Fact label="Kind">{KIND_LABELS[found.kind]}</Fact>
        <Fact label="Channel">{CHANNEL_LABELS[found.channel]}</Fact>
        <Fact label="Priority">
          <span className={`priority priority-${found.priority}`}>{PRIORITY_LABELS[found.priority]}</span>
        </Fact>
        <Fact label="Caller">{found.caller.anonymous ? missing('Anonymous') : describeCaller(found.caller)}</Fact>
        <Fact label="Callers">
          <span className="case-num">{callerCount}</span>
          {callerCount > 1 && <span className="muted"> (the first and {callerCount - 1} more, in the history)</span>}
        </Fact>
        <Fact label="Location">{location ?? missing('No location')}</Fact>
        <Fact label="Created">
          <time dateTime={found.createdAt}>{formatDateTime(found.createdAt)}</time>
        </Fact>
        <Fact label="Updated">
          <time dateTime={found.updatedAt}>{formatDateTime(found.updatedAt)}</time>
        </Fact>
        {found.resolvedAt && (
          <Fact label="Resolved">
            <time dateTime={found.resolvedAt}>{formatDateTime(found.resolvedAt)}</time>
          </Fact>
        )}
        {found.closedAt && (
          <Fact label={found.status === 'cancelled' ? 'Cancelled' : 'Closed'}>
            <time dateTime={found.closedAt}>{formatDateTime(found.closedAt)}</time>
          </Fact>
        )}
        <Fact label="Handle time">
          <span className="case-num">{describeHandleTime(found.handleTime)}</span>
        </Fact>
        <Fact label="Disposition">{found.disposition ? DISPOSITION_LABELS[found.disposition] : missing('Not wrapped up')}</Fact>
      </dl>
      {found.wrapUpNote && <NoteBlock title="Wrap-up note" text={found.wrapUpNote} />}
      {found.resolutionNote && <NoteBlock title="Resolution note" text={found.resolutionNote} />}
    </section>
  );
}

function NoteBlock({ title, text }: { title: string; text: string }) {
  return (
    <div className="fact-block">
      <h3>{title}</h3>
      <p className="prose">{text}</p>
    </div>
  );
}

/** The service type's questions in their order, with the caller's answers; answers to retired questions last. */
export function CaseAnswers({ found, type }: { found: Case; type: ServiceType | undefined }) {
  const questions = [...(type?.questions ?? [])].sort((a, b) => a.order - b.order);
  const asked = new Set(questions.map((q) => q.code));
  const extra = Object.keys(found.answers).filter((code) => !asked.has(code));
  return (
    <section className="card stack" aria-labelledby="case-answers-title">
      <h2 id="case-answers-title">Questions</h2>
      {questions.length === 0 && extra.length === 0 ? (
        <p className="muted">This service type asks no questions.</p>
      ) : (
        <dl className="answers">
          {questions.map((question) => (
            <Fact key={question.code} label={question.description}>
              {describeAnswer(question, found.answers[question.code]) ?? missing('Not answered')}
            </Fact>
          ))}
          {extra.map((code) => (
            <Fact key={code} label={code}>
              {describeAnswer(undefined, found.answers[code]) ?? missing('Not answered')}
            </Fact>
          ))}
        </dl>
      )}
      <div className="fact-block">
        <h3>Description</h3>
        {found.description.trim() ? <p className="prose">{found.description}</p> : <p className="muted">No description.</p>}
      </div>
    </section>
  );
}
