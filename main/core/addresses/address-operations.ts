import type { OperationOutput, ParsedInput } from '../../../shared/contract';
import type { addressOperations } from '../../../shared/contract/addresses';
import type { WritableDb } from '../db/connection';
import type { DeskState } from '../desk-session';

type AddressOperation = keyof typeof addressOperations;

export type AddressHandlers = { [K in AddressOperation]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>> };

/** The console's address-list operations. */
export function createAddressHandlers(_db: WritableDb, _state: DeskState): AddressHandlers {
  return {};
}
