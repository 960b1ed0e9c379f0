import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { ExportedFile } from '../../../shared/contract';
import { AGENTS, DAY_SHIFT, YEAR_2026 } from '../../../test/fixtures/report-cases';
import { LEAD, openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { addLocalAgents, writeFixtureCases } from '../../../test/helpers/report-fixtures';
import { CSV_COLUMNS } from './export-csv';

/** One desk with the Day shift of 2026-11-26, one with the year 2026 (their figures are worked out in the report tests). */
let shiftDesk: TestDesk;
let yearDesk: TestDesk;
beforeAll(() => {
  shiftDesk = openTestDesk({ agent: LEAD });
  addLocalAgents(shiftDesk.db, AGENTS);
  writeFixtureCases(shiftDesk.db, DAY_SHIFT);
  yearDesk = openTestDesk({ agent: LEAD, now: Date.parse('2027-01-05T12:00:00Z') });
  writeFixtureCases(yearDesk.db, YEAR_2026);
});
afterAll(() => {
  shiftDesk.close();
  yearDesk.close();
});

async function exported(input: Record<string, unknown>): Promise<ExportedFile> {
  const result = await (input.kind === 'shift' ? shiftDesk : yearDesk).call('exportReport', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ExportedFile;
}

type Row = Record<(typeof CSV_COLUMNS)[number], string>;
const csvRows = (file: ExportedFile): Row[] => parse(Buffer.from(file.base64, 'base64').toString('utf8'), { columns: true }) as Row[];
const find = (rows: Row[], section: string, code: string) => rows.find((r) => r.section === section && r.code === code);

/** The page count a PDF declares in its page tree (pdfkit writes it uncompressed). */
const pageCount = (pdf: Buffer): number => Math.max(...[...pdf.toString('latin1').matchAll(/\/Type \/Pages\s*\/Count (\d+)/g)].map((m) => Number(m[1])));

describe('CSV export', () => {
  it('writes the shift summary as one tidy table with the figures of the screen', async () => {
    const file = await exported({ kind: 'shift', date: '2026-11-26', shift: 'Day', format: 'csv' });
    expect(file).toMatchObject({ fileName: 'shift-2026-11-26-day.csv', mimeType: 'text/csv' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = csvRows(file);
    expect(rows[0]).toMatchObject({ section: 'Report', label: 'Title', note: 'Shift summary: Day, 2026-11-26' });
    expect(rows.find((r) => r.label === 'Cases counted')?.note).toBe("This desk's own cases (D07): this desk has no sync server");
    expect(find(rows, 'Summary', 'interactions')).toMatchObject({ count: '7' });
    expect(find(rows, 'Summary', 'first_contact')).toMatchObject({ count: '4', share_percent: '80', note: 'of 5 wrapped up' });
    expect(find(rows, 'Summary', 'backlog')).toMatchObject({ count: '4', note: 'oldest opened 2026-11-10 10:00' });
    expect(find(rows, 'Summary', 'sla_breaches')).toMatchObject({ count: '2', note: '1 resolved late, 1 open and overdue' });
    expect(find(rows, 'Channel', 'phone')).toMatchObject({ label: 'Phone', count: '5', share_percent: '71.4' });
    expect(find(rows, 'Agent', 'agent-ana')).toMatchObject({ label: 'Ana Specialist', count: '5' });
    expect(find(rows, 'Talk time', 'all')).toMatchObject({ count: '6', mean_seconds: '137.5', median_seconds: '105.0', p90_seconds: '300.0' });
    expect(rows.filter((r) => r.section === 'Hour').map((r) => r.count)).toEqual(['2', '1', '1', '0', '1', '1', '0', '1']);
  });

  it('writes the period report with months, channels since their first case, and the others of a top list', async () => {
    const file = await exported({ kind: 'period', from: '2026-01-01', to: '2026-12-31', top: 2, format: 'csv' });
    expect(file.fileName).toBe('report-2026-01-01-to-2026-12-31.csv');
    const rows = csvRows(file);
    expect(find(rows, 'Summary', 'total')).toMatchObject({ count: '12' });
    expect(find(rows, 'Summary', 'first_contact')).toMatchObject({ count: '9', share_percent: '81.8', note: 'of 11 wrapped up' });
    expect(find(rows, 'Summary', 'busiest_month')).toMatchObject({ count: '5', note: 'June 2026' });
    expect(find(rows, 'Month', '2026-06')).toMatchObject({ label: 'June 2026', count: '5', note: 'phone 4; walk_in 1; chat 0' });
    expect(find(rows, 'Channel', 'chat')).toMatchObject({ count: '2', share_percent: '16.7', note: '50% of 4 since its first case on 2026-10-01' });
    expect(rows.filter((r) => r.section === 'Department').map((r) => [r.label, r.count])).toEqual([
      ['General Information', '4'],
      ['Utility Billing', '3'],
      ['Others (3)', '5'],
    ]);
  });
});

describe('PDF export', () => {
  it('writes a print-ready PDF of the shift summary with its page count', async () => {
    const file = await exported({ kind: 'shift', date: '2026-11-26', shift: 'Day', format: 'pdf' });
    expect(file).toMatchObject({ fileName: 'shift-2026-11-26-day.pdf', mimeType: 'application/pdf' });
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pageCount(pdf)).toBe(2);
  });

  it('writes the period report over as many pages as it needs', async () => {
    const file = await exported({ kind: 'period', from: '2026-01-01', to: '2026-12-31', top: 20, format: 'pdf' });
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
  });
});
