import type { Migration } from './index';

/** Knowledge-base articles, edited by leads and admins, pulled by desks (filled in by the knowledge-base work). */
export const knowledgeBase: Migration = {
  id: 6,
  name: 'knowledge_base',
  sql: `
CREATE TABLE kb_placeholder (id integer PRIMARY KEY);
`,
};
