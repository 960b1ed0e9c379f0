import type { Migration } from './index';

/** Knowledge-base articles, synced from the server and searched offline (filled in by the knowledge-base work). */
export const knowledgeBase: Migration = {
  id: 11,
  name: 'knowledge_base',
  sql: `
CREATE TABLE kb_placeholder (id INTEGER PRIMARY KEY) STRICT;
`,
};
