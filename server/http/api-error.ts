import type { z } from 'zod';
import { HTTP_STATUS_OF_SYNC_ERROR, type SYNC_ERROR_CODES, type SyncError } from '../../shared/sync';

export type ApiErrorCode = (typeof SYNC_ERROR_CODES)[number];
export interface ApiIssue {
  path: string;
  message: string;
}

/** An error a caller can act on: its code picks the HTTP status, its message names what was wrong. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(message);
  }
  get status(): number {
    return HTTP_STATUS_OF_SYNC_ERROR[this.code];
  }
  toBody(): SyncError {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** zod issues as `path: message` pairs, the path written like `mutations.3.mutation.args.case.reference`. */
export const issuesOf = (error: z.ZodError): ApiIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));

/** Parses `value` or throws 400 naming every field that was wrong. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  throw new ApiError('invalid_input', `${what} is not valid: ${shown}${more}`, issues);
}
