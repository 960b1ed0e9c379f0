import { useEffect, useState } from 'react';
import type { SyncConflict } from '../../../../shared/contract';
import { DeskError, request } from '../../api/api';
import { describeValue } from './describe-sync';

const when = new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Changes that overwrote a value their writer had not seen, as the server recorded them: the lead
 * sees what the desk saw, what it replaced and what now stands, and can open the case to correct it.
 */
export function ConflictList({ onOpenCase }: { onOpenCase: (id: string) => void }) {
  const [conflicts, setConflicts] = useState<SyncConflict[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    request('syncConflicts', {}).then(
      (answer) => setConflicts(answer.conflicts),
      (error: unknown) => setProblem(error instanceof DeskError ? error.message : String(error)),
    );
  }, []);

  if (problem) return <p className="banner warn" role="status">{problem}</p>;
  if (!conflicts) return <p aria-busy="true">Loading conflicts…</p>;
  if (conflicts.length === 0) return <p className="muted">No conflicts: every change was made on the latest value.</p>;
  return (
    <table className="conflicts">
      <caption className="sr-only">Sync conflicts, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Field</th>
          <th scope="col">Desk saw</th>
          <th scope="col">Replaced</th>
          <th scope="col">Now</th>
          <th scope="col">Desk</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {conflicts.map((conflict) => (
          <tr key={conflict.id}>
            <td>
              <button type="button" className="link mono" onClick={() => onOpenCase(conflict.caseId)}>
                {conflict.reference}
              </button>
            </td>
            <td>{conflict.field}</td>
            <td>{describeValue(conflict.seen)}</td>
            <td>{describeValue(conflict.overwritten)}</td>
            <td>{describeValue(conflict.written)}</td>
            <td className="mono">{conflict.deskCode}</td>
            <td>{when.format(new Date(conflict.at))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
