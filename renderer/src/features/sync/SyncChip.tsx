import type { SyncStatus } from '../../../../shared/contract';
import { syncHeadline, syncTone } from './describe-sync';

/** The header's live sync indicator; pressing it opens the sync screen. */
export function SyncChip({ status, onOpen }: { status: SyncStatus; onOpen: () => void }) {
  const headline = syncHeadline(status);
  return (
    <button type="button" className="chip chip-button" onClick={onOpen} aria-label={`Sync: ${headline}. Open the sync screen`}>
      <span className={`dot ${syncTone(status)}`} aria-hidden />
      <span role="status">{headline}</span>
    </button>
  );
}
