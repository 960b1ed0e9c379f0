import type { Role } from '../../../../shared/domain';

/** The knowledge base: search and read articles; leads and admins edit them against the server. */
export function KnowledgeScreen(_props: { role: Role; active: boolean }) {
  return (
    <section aria-labelledby="kb-title" className="screen">
      <h1 id="kb-title">Knowledge base</h1>
    </section>
  );
}
