import type { OperationOutput, ParsedInput } from '../../../shared/contract';
import type { duplicateOperations } from '../../../shared/contract/duplicates';
import type { WritableDb } from '../db/connection';
import type { DeskState } from '../desk-session';

type DuplicateOperation = keyof typeof duplicateOperations;

export type DuplicateHandlers = { [K in DuplicateOperation]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>> };

/** The console's duplicate-check operations. */
export function createDuplicateHandlers(_db: WritableDb, _state: DeskState): DuplicateHandlers {
  return {};
}
