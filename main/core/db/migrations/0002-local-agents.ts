import type { Migration } from './index';

export const localAgents: Migration = {
  id: 2,
  name: 'local_agents',
  sql: `
-- Agent profiles kept on this desk, for signing in before (and without) central accounts.
CREATE TABLE local_agents (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('specialist', 'lead', 'admin')),
  created_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX local_agents_by_name ON local_agents (name COLLATE NOCASE);
`,
};
