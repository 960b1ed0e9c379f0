import { findServiceType } from '../../../shared/domain';
import type { OperationOutput, ParsedInput } from '../../../shared/contract';
import type { duplicateOperations } from '../../../shared/contract/duplicates';
import type { WritableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { DomainError } from '../errors';
import { findDuplicates } from './find-duplicates';

type DuplicateOperation = keyof typeof duplicateOperations;

export type DuplicateHandlers = { [K in DuplicateOperation]: (input: ParsedInput<K>) => OperationOutput<K> };

/** The console's duplicate-check operations: a read the intake screen makes while the call goes on. */
export function createDuplicateHandlers(db: WritableDb, state: DeskState): DuplicateHandlers {
  return {
    findDuplicates: (input) => {
      if (!state.session.agent) throw new DomainError('not_signed_in', 'Sign in at this desk first');
      // The schema cannot know the catalog; a code it lacks is a renderer bug worth naming, not an empty list.
      if (!findServiceType(state.catalog, input.serviceCode)) {
        const message = `'${input.serviceCode}' is not in the service catalog`;
        throw new DomainError('invalid_input', `serviceCode: ${message}`, [{ field: 'serviceCode', message }]);
      }
      return findDuplicates(db, { serviceCode: input.serviceCode, location: input.location, now: state.now(), excludeCaseId: input.excludeCaseId });
    },
  };
}
