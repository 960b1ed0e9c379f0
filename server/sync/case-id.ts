import type { Mutation } from '../../shared/sync';

/** The case a mutation changes. */
export function caseIdOf(mutation: Mutation): string {
  switch (mutation.name) {
    case 'createCase':
      return mutation.args.case.id;
    case 'addNote':
      return mutation.args.note.caseId;
    default:
      return mutation.args.id;
  }
}
