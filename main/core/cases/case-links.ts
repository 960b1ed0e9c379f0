import type { CaseContact, ContactRecorded, NewContact } from '../../../shared/domain';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import type { CoreDeps } from '../desk-session';
import { DomainError } from '../errors';
import { appendMutation } from '../outbox';
import { loadCase, recordEvent } from './case-store';

/**
 * Records on an existing case what would otherwise have become a second case: the same caller
 * again about an open case (caller history, at intake), or another resident reporting the same
 * problem (the duplicate check). The case does not change; its contact_added events are the
 * record, and its caller count is one plus their number.
 */

export const callerCountOf = (db: ReadableDb, caseId: string): number =>
  1 + (statement(db, "SELECT count(*) FROM case_events WHERE case_id = ? AND type = 'contact_added'").pluck().get(caseId) as number);

export function addContact(db: WritableDb, deps: CoreDeps, input: NewContact): ContactRecorded {
  return db.transaction((): ContactRecorded => {
    const { case: target } = loadCase(db, input.caseId);
    const known = statement(db, 'SELECT case_id FROM case_events WHERE id = ?').pluck().get(input.id) as string | undefined;
    if (known !== undefined && known !== input.caseId) {
      throw new DomainError('conflict', `This interaction is already recorded on another case`, [{ field: 'id', message: 'is already recorded on another case' }]);
    }
    if (known === undefined) {
      const at = deps.now();
      const contact: CaseContact = {
        id: input.id,
        caseId: input.caseId,
        channel: input.channel,
        caller: input.caller,
        reason: input.reason,
        agentId: deps.session.agent.id,
        deskCode: deps.session.deskCode,
        at: new Date(at).toISOString(),
        handleTime: input.handleTime,
      };
      const { id: _id, caseId: _case, ...after } = contact;
      const event = recordEvent(db, { id: input.id, caseId: input.caseId, type: 'contact_added', actorId: contact.agentId, at, before: null, after });
      appendMutation(db, { mutation: { name: 'addContact', args: { contact } }, event, role: deps.session.agent.role, at });
    }
    return { caseId: input.caseId, reference: target.reference, callerCount: callerCountOf(db, input.caseId) };
  })();
}

/** Links the knowledge-base article a case was answered from. Call inside the writing transaction. */
export function recordArticleLink(db: WritableDb, deps: CoreDeps, link: { caseId: string; articleId: string; title: string }, at: number): void {
  const event = recordEvent(db, { caseId: link.caseId, type: 'article_linked', actorId: deps.session.agent.id, at, before: null, after: { articleId: link.articleId, title: link.title } });
  appendMutation(db, { mutation: { name: 'linkArticle', args: link }, event, role: deps.session.agent.role, at });
}
