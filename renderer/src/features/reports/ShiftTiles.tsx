import type { ShiftSummary } from '../../../../shared/contract';
import type { OnDrill } from './drill';
import { FigureButton } from './FigureButton';
import { formatAge, formatCount, formatMoment, formatShare } from './report-format';
import { Tile } from './Tile';

/** The shift's headline figures; each number opens its cases. */
export function ShiftTiles({ summary, onDrill }: { summary: ShiftSummary; onDrill: OnDrill }) {
  const { interactions, firstContact, opened, resolved, backlog, slaBreaches, timeZone } = summary;
  const missed = firstContact.of - firstContact.count;
  return (
    <div className="tiles">
      <Tile label="Interactions" detail={`in ${formatCount(summary.shift.hours)} h`}>
        <FigureButton count={interactions.count} title="Interactions" filter={interactions.filter} onDrill={onDrill} />
      </Tile>
      <Tile
        label="First-contact resolution"
        detail={
          <>
            <FigureButton count={firstContact.count} title="Resolved on first contact" filter={firstContact.filter} onDrill={onDrill} /> of{' '}
            {formatCount(firstContact.of)} wrapped up ·{' '}
            <FigureButton count={missed} title="Not resolved on first contact" filter={firstContact.missedFilter} onDrill={onDrill} /> not
          </>
        }
      >
        <FigureButton count={firstContact.count} text={formatShare(firstContact.rate)} title="First-contact resolution" filter={firstContact.filter} onDrill={onDrill} />
      </Tile>
      <Tile label="Cases opened / resolved" detail="resolved: whenever they were opened">
        <FigureButton count={opened.count} title="Cases opened" filter={opened.filter} onDrill={onDrill} />
        <span className="tile-slash" aria-hidden>
          /
        </span>
        <FigureButton count={resolved.count} title="Cases resolved" filter={resolved.filter} onDrill={onDrill} />
      </Tile>
      <Tile
        label="Open at shift end"
        detail={
          backlog.oldestCreatedAt ? (
            <>
              oldest {formatAge(backlog.oldestAgeMs)} (opened {formatMoment(backlog.oldestCreatedAt, timeZone)})
              {backlog.overdue > 0 && ` · ${formatCount(backlog.overdue)} overdue`}
            </>
          ) : (
            'nothing open'
          )
        }
      >
        <FigureButton count={backlog.count} title="Open at shift end" filter={backlog.filter} onDrill={onDrill} />
      </Tile>
      <Tile label="SLA breaches" tone={slaBreaches.count > 0 ? 'warn' : undefined} detail={`${formatCount(slaBreaches.resolvedLate)} resolved late · ${formatCount(slaBreaches.openOverdue)} open and overdue`}>
        <FigureButton count={slaBreaches.count} title="SLA breaches" filter={slaBreaches.filter} onDrill={onDrill} />
      </Tile>
    </div>
  );
}
