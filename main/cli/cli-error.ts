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
  civicdesk import FILE.csv [--data DIR] [--skip-bad] [--rejects FILE] [--json]
      Load cases from a previous system (columns in docs/import.md); all rows or none, or the good ones with --skip-bad.
  civicdesk report --from DATE --to DATE [--format json|csv|pdf] [--out FILE] [--top N] [--data DIR | --server URL --tenant SLUG --username NAME]
      The period report (docs/team-lead-guide.md) of this desk, or of your team from the server (password: CIVICDESK_PASSWORD).
  civicdesk addresses import FILE.csv [--data DIR | --server URL --tenant SLUG --username NAME]
      Load the city's address list (columns in docs/addresses.md) into this desk, or, as an admin, into the server for every desk.

  --data DIR defaults to the per-user application data folder (e.g. ~/.config/CivicDesk).
`;
