import type { Migration } from './index';

/**
 * The desk's copy of the knowledge base, searched offline. `kb_articles` holds each article as the
 * server last sent it (the starter set until the first pull); `kb_search` indexes its title,
 * keywords and the plain text of its body with prefix indexes so a word being typed is a cheap
 * prefix query; `kb_vocab` lists the indexed words, from which the search picks the spellings
 * one edit away from a typo. `kb_state` keeps the pull cursor (NULL: never pulled, still the starter
 * copy) and a generation bumped by every change, so the search knows when its cached word list is stale.
 */
export const knowledgeBase: Migration = {
  id: 11,
  name: 'knowledge_base',
  sql: `
CREATE TABLE kb_articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  keywords TEXT NOT NULL,
  department_code TEXT NOT NULL,
  service_codes TEXT NOT NULL,
  owner TEXT NOT NULL,
  review_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL
) STRICT;
CREATE INDEX kb_articles_by_title ON kb_articles (title COLLATE NOCASE);
CREATE INDEX kb_articles_by_review ON kb_articles (review_by);

-- Which articles answer which service type: the intake asks for a type's articles before any words are typed.
CREATE TABLE kb_article_services (
  service_code TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES kb_articles (seq) ON DELETE CASCADE,
  PRIMARY KEY (service_code, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX kb_article_services_by_article ON kb_article_services (seq);

CREATE VIRTUAL TABLE kb_search USING fts5 (
  title, keywords, body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
CREATE VIRTUAL TABLE kb_vocab USING fts5vocab (kb_search, 'row');

CREATE TABLE kb_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  cursor INTEGER,
  generation INTEGER NOT NULL,
  starter_loaded INTEGER NOT NULL
) STRICT;
INSERT INTO kb_state (id, cursor, generation, starter_loaded) VALUES (1, NULL, 0, 0);
`,
};
