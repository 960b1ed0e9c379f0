import { z } from 'zod';
import { ArticleLinkSchema, CaseContactSchema, CaseNoteSchema, CaseSchema, IdSchema } from '../domain';

/**
 * Bump when a mutation's args change shape or a mutation is added; the server accepts this version
 * and the one before. 2: addContact and linkArticle.
 */
export const MUTATION_SCHEMA_VERSION = 2;

const StampSchema = z.object({ status: z.string(), epoch: z.number().int(), rank: z.number().int() });

/**
 * What a desk's outbox records for each local change, ready for POST /sync/push. Updates carry the
 * values the writer saw (`before`) so the server can tell a conflict from a plain overwrite.
 */
export const MutationSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('createCase'), args: z.object({ case: CaseSchema }) }),
  z.object({
    name: z.literal('updateCase'),
    args: z.object({ id: IdSchema, before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()) }),
  }),
  z.object({
    name: z.literal('transitionCase'),
    args: z.object({ id: IdSchema, event: z.string(), from: StampSchema, to: StampSchema, note: z.string().nullable() }),
  }),
  z.object({ name: z.literal('addNote'), args: z.object({ note: CaseNoteSchema }) }),
  /** A lead's correction: the case is hidden everywhere; a soft delete wins over any later edit. */
  z.object({ name: z.literal('deleteCase'), args: z.object({ id: IdSchema, reason: z.string().min(1) }) }),
  /** Another interaction about the case: recorded as its contact_added event; the case itself does not change. */
  z.object({ name: z.literal('addContact'), args: z.object({ contact: CaseContactSchema }) }),
  /** The article a case was answered from: recorded as its article_linked event. */
  z.object({ name: z.literal('linkArticle'), args: ArticleLinkSchema }),
  z.object({
    name: z.literal('wrapUpCase'),
    args: z.object({ id: IdSchema, before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()) }),
  }),
]);
export type Mutation = z.infer<typeof MutationSchema>;

/** The case a mutation changes: the server loads it to apply the mutation, a desk re-applies pending mutations per case. */
export function caseIdOf(mutation: Mutation): string {
  switch (mutation.name) {
    case 'createCase':
      return mutation.args.case.id;
    case 'addNote':
      return mutation.args.note.caseId;
    case 'addContact':
      return mutation.args.contact.caseId;
    case 'linkArticle':
      return mutation.args.caseId;
    default:
      return mutation.args.id;
  }
}
