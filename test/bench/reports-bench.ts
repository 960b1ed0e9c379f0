import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCatalog, type Agent } from '../../shared/domain';
import { createCallOperation, createConsoleHandlers } from '../../main/core/console-api';
import { openDeskDatabase, type WritableDb } from '../../main/core/db/connection';
import type { DeskState } from '../../main/core/desk-session';
import { percentile, round } from './stats';
import { SEED_END, seededDeskCopy } from './seeded-desk';
import type { BenchSection } from './section';

const SEEDED_CASES = 1_000_000;
const LEAD: Agent = { id: 'bench-lead', name: 'Bench Lead', role: 'lead' };
/** The seeded year ends at SEED_END (2026-11-26 17:00 in Edmonton): its last Day shift, and its busiest month's. */
const SHIFT = { date: '2026-11-26', shift: 'Day' };
const JUNE_SHIFT = { date: '2026-06-16', shift: 'Day' };
const YEAR = { from: '2025-11-27', to: '2026-11-26' };

type Timed = (input: Record<string, unknown>) => Promise<number>;

/** The console operation as the screen calls it (input parsed, output checked), timed in ms. */
function timedOperation(db: WritableDb, name: 'shiftSummary' | 'periodReport'): Timed {
  const state: DeskState = { session: { deskCode: 'D07', timeZone: 'America/Edmonton', agent: LEAD }, catalog: defaultCatalog, now: () => SEED_END };
  const call = createCallOperation(createConsoleHandlers(db, state));
  return async (input) => {
    const started = performance.now();
    const result = await call(name, input);
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`bench: ${name}: ${result.error.message}`);
    return ms;
  };
}

async function median(timed: Timed, input: Record<string, unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(input));
  return round(percentile(times, 50), 1);
}

/** The import engineer's figure; the section still runs if that bench is missing or fails. */
async function importFigures(log: (line: string) => void): Promise<Record<string, number>> {
  try {
    const { measureImport } = await import('./import-bench');
    return await measureImport(log);
  } catch (error) {
    log(`import: not measured (${error instanceof Error ? error.message : String(error)})`);
    return {};
  }
}

export const reportsSection: BenchSection = {
  name: 'reports',
  describe: `shift summary and a year's report on a desk database holding ${SEEDED_CASES.toLocaleString('en-CA')} cases; importing a year of history`,
  budgets: { shift_summary_1m_ms: { max: 100 }, year_report_1m_ms: { max: 500 }, import_125k_rows_s: { max: 15 } },
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), 'civicdesk-reports-bench-'));
    const figures: Record<string, number> = {};
    try {
      const { db } = openDeskDatabase(seededDeskCopy(SEEDED_CASES, dir, log), { quickCheck: 'caller-runs-it' });
      try {
        const shift = timedOperation(db, 'shiftSummary');
        const year = timedOperation(db, 'periodReport');
        log('reports: shift summary × 9, year report × 5 (after one untimed run each)…');
        await shift(SHIFT);
        await year(YEAR);
        figures.shift_summary_1m_ms = await median(shift, SHIFT, 9);
        figures.shift_summary_june_1m_ms = await median(shift, JUNE_SHIFT, 5);
        figures.year_report_1m_ms = await median(year, YEAR, 5);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return { ...figures, ...(await importFigures(log)) };
  },
};
