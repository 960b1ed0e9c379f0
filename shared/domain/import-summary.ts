import type { CatalogAddition } from './import-case';
import { describeBad, type BadRow, type ImportFileProblem } from './import-reader';

/**
 * What an import did, and the words both command lines (desk and server) print for it, so a city's
 * IT person reads the same summary wherever the import ran.
 */
export type ImportOutcome =
  | { ok: false; reason: 'file'; problem: ImportFileProblem }
  /** Some rows are bad and --skip-bad was not given: nothing was written. */
  | { ok: false; reason: 'bad_rows'; header: string[]; bad: BadRow[]; rows: number }
  | {
      ok: true;
      imported: number;
      alreadyImported: number;
      header: string[];
      /** Rows not imported (only with skipBad), in file order. */
      bad: BadRow[];
      additions: CatalogAddition[];
      ignoredColumns: string[];
    };

/** How many bad rows are printed before "… and N more". */
export const SHOWN_BAD_ROWS = 20;

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-CA')} ${n === 1 ? one : many}`;

export function badRowsReport(fileName: string, outcome: Extract<ImportOutcome, { reason: 'bad_rows' }>, rejectsFile: string): string[] {
  const { bad, rows } = outcome;
  const lines = [`${fileName}: ${count(bad.length, 'bad row')} of ${rows.toLocaleString('en-CA')}; nothing was imported.`];
  for (const row of bad.slice(0, SHOWN_BAD_ROWS)) lines.push(`  ${describeBad(row)}`);
  if (bad.length > SHOWN_BAD_ROWS) lines.push(`  … and ${count(bad.length - SHOWN_BAD_ROWS, 'more bad row')}`);
  lines.push(`Fix them and import again, or run with --skip-bad to import the good rows and write the bad ones to ${rejectsFile}.`);
  return lines;
}

export function importSummary(
  fileName: string,
  into: string,
  outcome: Extract<ImportOutcome, { ok: true }>,
  rejectsFile: string | null,
  seconds: string,
): string[] {
  const notes = [
    ...(outcome.alreadyImported > 0 ? [`${count(outcome.alreadyImported, 'row')} already imported`] : []),
    ...(rejectsFile ? [`${count(outcome.bad.length, 'bad row')} written to ${rejectsFile}`] : []),
    ...(outcome.additions.length > 0
      ? [`${count(outcome.additions.length, 'new service type')} flagged for review: ${outcome.additions.map((a) => `${a.name} (${a.departmentCode})`).join(', ')}`]
      : []),
  ];
  const lines = [`Imported ${count(outcome.imported, 'case')} from ${fileName} into ${into}${notes.length > 0 ? ` (${notes.join('; ')})` : ''} in ${seconds} s`];
  if (outcome.ignoredColumns.length > 0) lines.push(`Columns not in the import format were ignored: ${outcome.ignoredColumns.join(', ')}`);
  return lines;
}

/** The --json report: everything the summary says, every bad row included. */
export function importReport(file: string, outcome: ImportOutcome, extra: { rejectsFile?: string | null; seconds?: number; into?: string }): Record<string, unknown> {
  if (!outcome.ok && outcome.reason === 'file') return { ok: false, file, error: outcome.problem };
  const badRows = outcome.bad.map((row) => ({ line: row.line, error: describeBad(row) }));
  if (!outcome.ok) return { ok: false, file, rows: outcome.rows, imported: 0, badRows };
  const { imported, alreadyImported, additions, ignoredColumns } = outcome;
  return { ok: true, file, ...extra, imported, alreadyImported, badRows, additions, ignoredColumns };
}

/** history.csv → history.rejects.csv, beside it. */
export const defaultRejectsPath = (file: string): string => `${file.replace(/\.csv$/i, '')}.rejects.csv`;
