import type { ExportedFile } from '../../../shared/contract';
import type { ReadableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { reportCsv } from './export-csv';
import { reportPdf } from './export-pdf';
import { periodReport } from './period-report';
import { fileNameOf, type AnyReport } from './report-format';
import { shiftSummary } from './shift-summary';

export type ExportInput =
  | { kind: 'shift'; date?: string | undefined; shift?: string | undefined; top: number; format: 'csv' | 'pdf' }
  | { kind: 'period'; from: string; to: string; top: number; format: 'csv' | 'pdf' };

/** The file of a report in one format: CSV text or PDF bytes. */
export async function renderReport(report: AnyReport, format: 'csv' | 'pdf'): Promise<{ fileName: string; mimeType: ExportedFile['mimeType']; bytes: Buffer }> {
  if (format === 'csv') return { fileName: fileNameOf(report, 'csv'), mimeType: 'text/csv', bytes: Buffer.from(reportCsv(report), 'utf8') };
  return { fileName: fileNameOf(report, 'pdf'), mimeType: 'application/pdf', bytes: await reportPdf(report) };
}

/** exportReport: the same summary or report the screen shows (same scope rules), as a file. */
export async function exportReport(db: ReadableDb, state: DeskState, input: ExportInput): Promise<ExportedFile> {
  const report: AnyReport =
    input.kind === 'shift'
      ? { kind: 'shift', summary: await shiftSummary(db, state, input) }
      : { kind: 'period', report: await periodReport(db, state, input) };
  const file = await renderReport(report, input.format);
  return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
}
