import { z } from 'zod';

export const API_ERROR_CODES = [
  /** The input failed its schema or a domain rule; issues name each field. Nothing was written. */
  'invalid_input',
  'not_found',
  /** The case lifecycle machine refused the status change. */
  'transition_refused',
  /** The record changed since the caller read it. */
  'conflict',
  /** The operation needs a signed-in agent and nobody is signed in at this desk. */
  'not_signed_in',
  /** Wrong username or password, or a sign-in the server no longer accepts. */
  'unauthorized',
  /** The signed-in agent's role does not allow it (conflicts are for leads). */
  'forbidden',
  /** It needs the sync server, which cannot be reached now. */
  'offline',
  /** It needs a sync server and this desk has none set. */
  'not_configured',
  /** The sync server no longer accepts this version of CivicDesk. */
  'update_required',
  /** The console is locked after the idle time: unlock it first. */
  'locked',
  'unknown_operation',
  'internal',
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const FieldIssueSchema = z.object({ field: z.string(), message: z.string() });

export const ApiErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
  issues: z.array(FieldIssueSchema),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Turns zod issues into field paths a person can find: `caller.name`, `answers.size`. */
export function issuesFromZod(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
}

export function describeIssues(issues: readonly { field: string; message: string }[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}
