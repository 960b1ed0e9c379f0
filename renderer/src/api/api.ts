import type { ApiError, OperationInput, OperationName, OperationOutput } from '../../../shared/contract';
import { bridge } from './bridge';

/** A refusal from the desk, carrying its code and the fields it names. */
export class DeskError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Calls an operation and returns its value, or throws a DeskError the screen can show. */
export async function request<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
  const call = bridge[name] as (input: OperationInput<K>) => Promise<{ ok: true; value: OperationOutput<K> } | { ok: false; error: ApiError }>;
  const result = await call(input);
  if (!result.ok) throw new DeskError(result.error);
  return result.value;
}

export const fieldErrors = (error: unknown): Record<string, string> =>
  error instanceof DeskError ? Object.fromEntries(error.error.issues.map((issue) => [issue.field, issue.message])) : {};
