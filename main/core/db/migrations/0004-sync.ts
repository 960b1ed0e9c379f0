import type { Migration } from './index';

export const sync: Migration = {
  id: 4,
  name: 'sync',
  sql: `
-- The audit event recorded with each change travels with its mutation, so the server keeps events
-- as a union by id; case_id lets a pull re-apply only the pending mutations of the cases it touched.
ALTER TABLE outbox ADD COLUMN event TEXT CHECK (event IS NULL OR json_valid(event));
ALTER TABLE outbox ADD COLUMN case_id TEXT;
-- The role the writer had, so a re-applied mutation passes the same lifecycle guards it passed here.
ALTER TABLE outbox ADD COLUMN actor_role TEXT CHECK (actor_role IS NULL OR actor_role IN ('specialist', 'lead', 'admin'));
UPDATE outbox SET case_id = coalesce(json_extract(args, '$.id'), json_extract(args, '$.case.id'), json_extract(args, '$.note.caseId'));
CREATE INDEX outbox_by_case ON outbox (case_id, mutation_id);

-- The case as the server last sent it ({case, deleted} JSON) and that row's server version: the base
-- a pull rebases pending local mutations on. NULL for a case the server has not sent back yet.
ALTER TABLE cases ADD COLUMN synced_state TEXT CHECK (synced_state IS NULL OR json_valid(synced_state));
ALTER TABLE cases ADD COLUMN synced_version INTEGER;
-- 'local': logged at this desk; 'pulled': arrived from another desk through the server.
ALTER TABLE cases ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'pulled'));

-- One row: where this desk syncs and how far it has got. The cursor and the acknowledged mutation
-- id only ever move forward; the triggers make a bug that moves them back fail loudly.
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT,
  tenant TEXT,
  desk_secret TEXT,
  pull_cursor INTEGER NOT NULL DEFAULT 0 CHECK (pull_cursor >= 0),
  acked_mutation_id INTEGER NOT NULL DEFAULT 0 CHECK (acked_mutation_id >= 0),
  last_success_at INTEGER,
  last_error TEXT,
  last_error_at INTEGER,
  conflicts INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO sync_state (id) VALUES (1);
CREATE TRIGGER sync_state_cursor_forward BEFORE UPDATE OF pull_cursor ON sync_state
WHEN new.pull_cursor < old.pull_cursor
BEGIN SELECT RAISE(ABORT, 'sync_state: the pull cursor must never move back'); END;
CREATE TRIGGER sync_state_ack_forward BEFORE UPDATE OF acked_mutation_id ON sync_state
WHEN new.acked_mutation_id < old.acked_mutation_id
BEGIN SELECT RAISE(ABORT, 'sync_state: the acknowledged mutation id must never move back'); END;

-- Mutations the server refused for good (it keeps its own record too): shown, never retried.
CREATE TABLE sync_rejections (
  mutation_id INTEGER PRIMARY KEY,
  case_id TEXT,
  name TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

-- Pulled notes and events whose case has not arrived yet (pages follow row versions, so a case's
-- newest version may come after its older events); applied as soon as the case lands.
CREATE TABLE sync_parked_rows (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  row TEXT NOT NULL CHECK (json_valid(row))
) STRICT;
CREATE INDEX sync_parked_rows_by_case ON sync_parked_rows (case_id);

-- Central accounts cached on the desk: an agent who signed in here online can sign in offline.
ALTER TABLE local_agents ADD COLUMN username TEXT;
ALTER TABLE local_agents ADD COLUMN server_user_id TEXT;
-- scrypt$N$r$p$salt$hash (base64url); NULL for a local-only profile.
ALTER TABLE local_agents ADD COLUMN password_verifier TEXT;
CREATE UNIQUE INDEX local_agents_by_username ON local_agents (username COLLATE NOCASE) WHERE username IS NOT NULL;
`,
};
