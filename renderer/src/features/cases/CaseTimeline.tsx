import type { ReactNode } from 'react';
import { NOTHING, describeValue, fieldLabel, type Names } from './describe';
import { formatDateTime } from './format';
import { CHANNEL_LABELS, STATUS_LABELS, humanize } from '../../components/labels';
import type { FieldChange, TimelineEntry } from './timeline';

const EVENT_NOTES: Record<string, string> = { RESOLVE: 'Resolution', REOPEN: 'Reason', CANCEL: 'Reason' };

function Changes({ changes, names }: { changes: FieldChange[]; names: Names }) {
  const shown = changes
    .map(({ field, before, after }) => ({ field, before: describeValue(field, before, names), after: describeValue(field, after, names) }))
    .filter((change) => change.before !== change.after);
  if (shown.length === 0) return null;
  return (
    <dl className="timeline-changes">
      {shown.map((change) => (
        <div key={change.field}>
          <dt>{fieldLabel(change.field)}</dt>
          <dd>
            {change.before !== NOTHING && (
              <>
                <span className="timeline-before">{change.before}</span>
                <span aria-hidden> → </span>
                <span className="visually-hidden"> changed to </span>
              </>
            )}
            <span>{change.after}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function describe(entry: TimelineEntry, names: Names): { title: string; body: ReactNode } {
  switch (entry.type) {
    case 'created':
      return { title: entry.reference ? `Case ${entry.reference} created` : 'Case created', body: null };
    case 'updated':
      return { title: 'Details updated', body: <Changes changes={entry.changes} names={names} /> };
    case 'wrapped_up':
      return { title: 'Interaction wrapped up', body: <Changes changes={entry.changes} names={names} /> };
    case 'status_changed': {
      const from = entry.from ? STATUS_LABELS[entry.from] : null;
      const to = entry.to ? STATUS_LABELS[entry.to] : 'a new status';
      const title = from ? `Status ${from} → ${to}` : `Status set to ${to}`;
      const label = entry.event ? (EVENT_NOTES[entry.event] ?? humanize(entry.event.toLowerCase())) : 'Note';
      return {
        title,
        body: entry.note ? (
          <p className="timeline-text">
            <span className="muted">{label}: </span>
            {entry.note}
          </p>
        ) : null,
      };
    }
    case 'contact': {
      const who = entry.callerName ?? 'An anonymous caller';
      const how = entry.channel ? ` (${CHANNEL_LABELS[entry.channel].toLowerCase()})` : '';
      return { title: entry.reason === 'duplicate_report' ? `${who} reported the same problem${how}` : `${who} contacted us again${how}`, body: null };
    }
    case 'article':
      return { title: `Answered from the article “${entry.title ?? 'unknown'}”`, body: null };
    case 'note':
      return {
        title: 'Note',
        body: <p className="timeline-text">{entry.body ?? <span className="muted">The note's text is not on this desk yet.</span>}</p>,
      };
  }
}

export function CaseTimeline({ entries, names, agentName }: { entries: TimelineEntry[]; names: Names; agentName: (id: string) => string }) {
  if (entries.length === 0) return <p className="muted">Nothing has happened to this case yet.</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const { title, body } = describe(entry, names);
        return (
          <li key={entry.key} className={`timeline-entry timeline-${entry.type}`}>
            <div className="timeline-head">
              <strong>{title}</strong>
              <span className="muted">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {agentName(entry.actorId)}
              </span>
            </div>
            {body}
          </li>
        );
      })}
    </ol>
  );
}
