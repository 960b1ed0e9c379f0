import type { Migration } from './index';

export const withdrawnChanges: Migration = {
  id: 5,
  name: 'withdrawn_changes',
  sql: `
-- The server keeps no audit event (and no note) of a change it rejected. The desk's copies stay in
-- its append-only audit, marked by these ids as withdrawn: they are not part of the synced data.
ALTER TABLE sync_rejections ADD COLUMN event_id TEXT;
ALTER TABLE sync_rejections ADD COLUMN note_id TEXT;
CREATE INDEX sync_rejections_by_event ON sync_rejections (event_id) WHERE event_id IS NOT NULL;
`,
};
