import type { Migration } from './index';

/**
 * Two new audit event types: contact_added (another interaction recorded on an existing case —
 * a repeat call or a second report of the same problem) and article_linked (the knowledge-base
 * article a case was answered from). SQLite cannot change a CHECK constraint in place, so
 * case_events is rebuilt with the wider list, as its documented twelve-step procedure does
 * (about 5 s on a desk with a million cases; once). Reports count answers per article from
 * their own partial index.
 */
export const contactsAndArticles: Migration = {
  id: 13,
  name: 'contacts_and_articles',
  sql: `
CREATE TABLE case_events_new (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES cases (id),
  type TEXT NOT NULL CHECK (type IN ('created', 'updated', 'status_changed', 'note_added', 'wrapped_up', 'contact_added', 'article_linked')),
  actor_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
INSERT INTO case_events_new (seq, id, case_id, type, actor_id, at, before, after)
  SELECT seq, id, case_id, type, actor_id, at, before, after FROM case_events;
DROP TABLE case_events;
ALTER TABLE case_events_new RENAME TO case_events;
CREATE INDEX IF NOT EXISTS case_events_by_case ON case_events (case_id, seq);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE INDEX case_events_article_links ON case_events (at) WHERE type = 'article_linked';
`,
};
