import type { Migration } from './index';

/**
 * Knowledge-base articles, edited by leads and admins and pulled by desks. An article is kept as
 * JSON text (the server never queries inside it) with its title beside it for listing. Every
 * change takes the next number of the tenant's own knowledge-base counter, under that counter
 * row's lock held to commit, so version order is commit order and a desk paging by version never
 * misses a change that committed late. The counter is not the case sync's (tenants.version): an
 * article edit never waits on a desk's push. Retiring keeps the row as a tombstone (retired, with a
 * new version) so desks that copied the article drop it. A counter row exists once the tenant has
 * been given the starter set: its absence is what "this tenant has no knowledge base yet" means.
 */
export const knowledgeBase: Migration = {
  id: 6,
  name: 'knowledge_base',
  sql: `
CREATE TABLE kb_counters (
  tenant text PRIMARY KEY REFERENCES tenants (slug),
  version bigint NOT NULL DEFAULT 0,
  seeded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kb_articles (
  tenant text NOT NULL REFERENCES tenants (slug),
  id text NOT NULL,
  title text NOT NULL,
  data text NOT NULL,
  retired boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX kb_articles_by_version ON kb_articles (tenant, version);
`,
};
