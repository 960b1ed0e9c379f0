/** A failure the user caused and can fix: printed as one line, no stack. Exit 2 for usage mistakes. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const USAGE = `civicdesk — the CivicDesk desk command line

  civicdesk seed --cases N [--data DIR] [--desk CODE] [--seed N] [--end DATE]
      Fill a desk database with N realistic generated cases (a year ending at --end, default now).
  civicdesk db check [--data DIR] [--json]
      Integrity and foreign-key checks, migration state and case count. Exit 1 if unhealthy.
  civicdesk db backup [--data DIR] --to FILE
      Online backup of the desk database to FILE (which must not exist yet).

  --data DIR defaults to the per-user application data folder (e.g. ~/.config/CivicDesk).
`;
