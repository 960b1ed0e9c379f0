import { DeskCodeSchema, defaultCatalog } from '../../shared/domain';
import { openDeskDatabase } from '../core/db/connection';
import { defaultDataDir, deskDatabasePath } from '../core/data-dir';
import { ensureDeskCode } from '../core/desk-settings';
import { seedCases } from '../core/seed/generate-cases';
import { CliError } from './cli-error';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const text = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

const databaseOf = (values: Values): string => deskDatabasePath(text(values, 'data') ?? defaultDataDir());

function wholeNumber(values: Values, name: string, fallback?: number): number {
  const raw = text(values, name);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new CliError(`--${name} is required`, 2);
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new CliError(`--${name} must be a positive whole number (got '${raw}')`, 2);
  return Number(raw);
}

function progressBar(label: string): (done: number, total: number) => void {
  if (!process.stderr.isTTY) return () => {};
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

export async function seedCommand(values: Values): Promise<number> {
  const count = wholeNumber(values, 'cases');
  const end = text(values, 'end');
  const endAt = end === undefined ? Date.now() : Date.parse(end);
  if (Number.isNaN(endAt)) throw new CliError(`--end must be a date like 2026-11-27 (got '${end}')`, 2);
  const seed = wholeNumber(values, 'seed', 311);
  const requestedDesk = text(values, 'desk');
  if (requestedDesk !== undefined) {
    const parsed = DeskCodeSchema.safeParse(requestedDesk);
    if (!parsed.success) throw new CliError(`--desk ${parsed.error.issues[0]?.message ?? 'is not a desk code'} (got '${requestedDesk}')`, 2);
  }
  const file = databaseOf(values);
  const { db } = openDeskDatabase(file);
  try {
    const deskCode = ensureDeskCode(db, requestedDesk);
    const started = performance.now();
    seedCases(db, defaultCatalog, {
      cases: count,
      deskCode,
      endAt,
      timeZone: 'America/Edmonton',
      seed,
      onProgress: progressBar('seeding'),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Seeded ${count} cases into ${file} (desk ${deskCode}) in ${seconds} s\n`);
    return 0;
  } finally {
    db.close();
  }
}
