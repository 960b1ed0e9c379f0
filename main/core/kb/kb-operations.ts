import type { OperationOutput, ParsedInput } from '../../../shared/contract';
import type { kbOperations } from '../../../shared/contract/kb';
import type { WritableDb } from '../db/connection';
import type { DeskState } from '../desk-session';

type KbOperation = keyof typeof kbOperations;

export type KbHandlers = { [K in KbOperation]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>> };

/** The console's knowledge-base operations. */
export function createKbHandlers(_db: WritableDb, _state: DeskState): KbHandlers {
  return {};
}
