import type { ApiErrorCode } from '../../shared/contract';

export interface Issue {
  field: string;
  message: string;
}

/** A refusal a person can act on. Thrown inside a transaction, it rolls everything back. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: Exclude<ApiErrorCode, 'internal' | 'unknown_operation'>,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string): DomainError => new DomainError('not_found', `No ${what} with id ${id} on this desk`, [{ field: 'id', message: 'not found' }]);
