import type { Migration } from './index';

export const initial: Migration = {
  id: 1,
  name: 'initial',
  sql: `
CREATE TABLE desk_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row per desk and local day: the last reference sequence handed out.
CREATE TABLE reference_sequences (
  desk_code TEXT NOT NULL,
  day TEXT NOT NULL,
  last_value INTEGER NOT NULL CHECK (last_value > 0),
  PRIMARY KEY (desk_code, day)
) STRICT, WITHOUT ROWID;

CREATE TABLE cases (
  seq INTEGER PRIMARY KEY, -- stable rowid alias: the search index points at it, VACUUM keeps it
  id TEXT NOT NULL UNIQUE,
  reference TEXT NOT NULL UNIQUE,
  desk_code TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'walk_in', 'chat')),
  kind TEXT NOT NULL CHECK (kind IN ('information', 'service_request', 'feedback', 'transfer')),
  service_code TEXT NOT NULL,
  department_code TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status TEXT NOT NULL CHECK (status IN ('new', 'open', 'in_progress', 'resolved', 'closed', 'cancelled')),
  status_epoch INTEGER NOT NULL DEFAULT 0,
  status_rank INTEGER NOT NULL DEFAULT 0,
  caller_anonymous INTEGER NOT NULL CHECK (caller_anonymous IN (0, 1)),
  caller_name TEXT,
  caller_phone TEXT,
  caller_phone_digits TEXT,
  caller_email TEXT,
  address_id TEXT,
  address_text TEXT,
  lat REAL,
  lng REAL,
  answers TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers)),
  description TEXT NOT NULL DEFAULT '',
  disposition TEXT,
  wrap_up_note TEXT,
  resolution_note TEXT,
  talk_ms INTEGER NOT NULL DEFAULT 0 CHECK (talk_ms >= 0),
  hold_ms INTEGER NOT NULL DEFAULT 0 CHECK (hold_ms >= 0),
  wrap_up_ms INTEGER NOT NULL DEFAULT 0 CHECK (wrap_up_ms >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  resolved_at INTEGER,
  closed_at INTEGER,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX cases_by_created ON cases (created_at);
CREATE INDEX cases_by_status ON cases (status, created_at);
CREATE INDEX cases_by_phone ON cases (caller_phone_digits) WHERE caller_phone_digits IS NOT NULL;
CREATE INDEX cases_by_service ON cases (service_code, created_at);
CREATE INDEX cases_by_department ON cases (department_code, created_at);

-- Append-only audit of every change: who, when, what, before and after.
CREATE TABLE case_events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES cases (id),
  type TEXT NOT NULL CHECK (type IN ('created', 'updated', 'status_changed', 'note_added', 'wrapped_up')),
  actor_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE INDEX case_events_by_case ON case_events (case_id, seq);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TABLE case_notes (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES cases (id),
  author_id TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX case_notes_by_case ON case_notes (case_id, seq);

-- Every local change writes its mutation here in the same transaction. AUTOINCREMENT: a mutation id
-- is never reused, even after acknowledged rows are deleted, so the server can detect gaps.
CREATE TABLE outbox (
  mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  args TEXT NOT NULL CHECK (json_valid(args)),
  schema_version INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE intake_drafts (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL,
  machine_version INTEGER NOT NULL,
  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX intake_drafts_by_agent ON intake_drafts (agent_id, updated_at);

-- rowid = cases.seq
CREATE VIRTUAL TABLE cases_search USING fts5 (
  reference, caller_name, caller_phone, address, description, notes,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3',
  -- Word and column, no positions: the console matches words and word prefixes, never phrases,
  -- and every position kept would be written on each save.
  detail = column
);
-- Segment merging would otherwise run inside whichever write happens to trigger it, turning a 1 ms
-- case save into a 20 ms one now and then. The desk merges in its idle maintenance instead
-- (runIdleMaintenance); FTS5's crisis merge still bounds the segment count if that never runs.
INSERT INTO cases_search (cases_search, rank) VALUES ('automerge', 0);
`,
};
