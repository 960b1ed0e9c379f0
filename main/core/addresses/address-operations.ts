import type { OperationOutput, ParsedInput } from '../../../shared/contract';
import type { addressOperations } from '../../../shared/contract/addresses';
import type { WritableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { DomainError } from '../errors';
import { lookupAddresses } from './address-lookup';

type AddressOperation = keyof typeof addressOperations;

export type AddressHandlers = { [K in AddressOperation]: (input: ParsedInput<K>) => OperationOutput<K> };

/** The console's address-list operations. */
export function createAddressHandlers(db: WritableDb, state: DeskState): AddressHandlers {
  return {
    lookupAddress: (input) => {
      if (!state.session.agent) throw new DomainError('not_signed_in', 'Sign in at this desk first');
      return lookupAddresses(db, input.query, input.limit);
    },
  };
}
