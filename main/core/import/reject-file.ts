import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { describeProblems } from '../../../shared/domain/import-row';
import type { BadRow } from '../../../shared/domain/import-reader';

/**
 * The rows an import skipped, as CSV: `line` and `error` first, then the row's original fields under
 * the original header. The import ignores `line` and `error`, so a corrected file imports as it is.
 */
export function rejectFileText(header: readonly string[], bad: readonly BadRow[]): string {
  return stringify([['line', 'error', ...header], ...bad.map((row) => [String(row.line), describeProblems(row.problems), ...row.fields])]);
}

export function writeRejectFile(path: string, header: readonly string[], bad: readonly BadRow[]): void {
  writeFileSync(path, rejectFileText(header, bad));
}
