import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { describeProblems } from '../../shared/domain/import-row';
import type { BadRow } from '../../shared/domain/import-reader';

/** The skipped rows as CSV, as the desk writes them: `line`, `error`, then the original fields. */
export function writeRejectFile(path: string, header: readonly string[], bad: readonly BadRow[]): void {
  writeFileSync(path, stringify([['line', 'error', ...header], ...bad.map((row) => [String(row.line), describeProblems(row.problems), ...row.fields])]));
}
