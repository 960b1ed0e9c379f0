import type { Migration } from './index';

export const unconfirmedMutations: Migration = {
  id: 6,
  name: 'unconfirmed_mutations',
  sql: `
-- Mutations the server acknowledged without this desk hearing the outcome (the push answer was lost,
-- or the ack came with a pull). Applied ones come back as pulled events; one still unseen after a
-- complete later pull was rejected, and is then recorded and withdrawn like any rejection.
CREATE TABLE sync_unconfirmed (
  mutation_id INTEGER PRIMARY KEY,
  case_id TEXT,
  name TEXT NOT NULL,
  event_id TEXT,
  note_id TEXT
) STRICT;
CREATE INDEX sync_unconfirmed_by_event ON sync_unconfirmed (event_id);
`,
};
