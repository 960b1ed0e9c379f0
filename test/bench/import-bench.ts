import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { defaultCatalog, type CaseKind } from '../../shared/domain';
import { IMPORT_COLUMNS } from '../../shared/domain/import-row';
import { openDeskDatabase } from '../../main/core/db/connection';
import { ensureDeskCode } from '../../main/core/desk-settings';
import { importCasesFile } from '../../main/core/import/import-cases';
import {
  CHANNEL_WEIGHTS,
  DESCRIPTION_PHRASES,
  FIRST_NAMES,
  HOUR_WEIGHTS,
  KIND_WEIGHTS,
  LAST_NAMES,
  MONTH_WEIGHTS,
  SERVICE_WEIGHTS,
  STREETS,
} from '../../main/core/seed/distributions';
import { createRandom, type Random } from '../../main/core/seed/random';

const ROWS = 125_000;
const MONTHS = Object.fromEntries(MONTH_WEIGHTS.map((weight, month) => [month, weight]));
const AGENTS = ['jsmith', 'mtaylor', 'aprice', 'kgill', 'rnguyen', 'dfriesen', 'lsandhu', 'tcampbell'];
/** Services an old system had that the catalog lacks: the import adds them, flagged for review. */
const UNKNOWN_SERVICES: [string, string][] = [
  ['Sidewalk Snow Angel', 'Roads & Snow'],
  ['Goose Nuisance', 'parks_trees'],
  ['Christmas Tree Pickup', 'Waste & Recycling'],
];

/** A wall-clock time as old systems export it, without an offset: `2022-06-14 09:30:12`. */
const wallClock = (wall: number): string => new Date(wall).toISOString().slice(0, 19).replace('T', ' ');

/** One row of a year at a Lethbridge-sized centre (DESIGN.md), the way an old 311 system exports it. */
function row(random: Random, index: number): string[] {
  const month = Number(random.weighted(MONTHS));
  const day = 1 + random.int(new Date(Date.UTC(2022, month + 1, 0)).getUTCDate());
  const hour = Number(random.weighted(HOUR_WEIGHTS));
  const kind = random.weighted(KIND_WEIGHTS) as CaseKind;
  const unknown = kind === 'service_request' && random.chance(0.01) ? random.pick(UNKNOWN_SERVICES) : null;
  const code = unknown ? '' : random.weighted(SERVICE_WEIGHTS[kind]);
  const type = defaultCatalog.serviceTypes.find((t) => t.code === code);
  // Some exports carry codes, some names only: a third of the rows here name their service.
  const byName = !unknown && random.chance(0.33);
  const channel = month >= 9 && random.chance(0.041) ? random.pick(['chat', 'Web Chat']) : random.weighted(CHANNEL_WEIGHTS) === 'walk_in' ? 'walk-in' : 'phone';
  const settled = kind !== 'service_request' || random.chance(0.8);
  const status = settled ? (kind === 'service_request' ? 'closed' : 'resolved') : random.pick(['open', 'in_progress', 'new']);
  const requested = Date.UTC(2022, month, day, hour, random.int(60), random.int(60));
  const closed = Date.UTC(2022, month, day + 1 + random.int(6), 15, random.int(60));
  const known = random.chance(0.7);
  const located = kind === 'service_request' || random.chance(0.1);
  const street = random.pick(STREETS);
  return [
    `LETH-2022-${String(index + 1).padStart(6, '0')}`,
    wallClock(requested),
    channel,
    kind,
    byName ? '' : code,
    unknown ? unknown[0] : byName ? (type?.name ?? '') : '',
    unknown ? unknown[1] : '',
    status,
    kind === 'service_request' && settled ? wallClock(closed) : '',
    `${random.sample(DESCRIPTION_PHRASES, 2 + random.int(3)).join(', ')}${located ? ` at ${street}` : ''}`,
    located ? `${1 + random.int(4000)} ${street}` : '',
    located ? (49.65 + random.next() * 0.1).toFixed(5) : '',
    located ? (-112.9 + random.next() * 0.12).toFixed(5) : '',
    known ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : '',
    known ? `403-${300 + random.int(700)}-${String(random.int(10_000)).padStart(4, '0')}` : '',
    random.pick(AGENTS),
    String(Math.round(Math.min(1800, Math.max(30, Math.exp(4.7 + 0.6 * random.normal()))))),
    settled ? random.pick(['yes', 'yes', 'yes', 'yes', 'no', 'true', '1']) : 'no',
  ];
}

/** Writes a 125,000-row import file (about 20 MB) into `dir`. */
export function writeImportFile(dir: string, rows = ROWS): string {
  const file = join(dir, 'lethbridge-2022.csv');
  const random = createRandom(2022);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, stringify([[...IMPORT_COLUMNS]]));
    for (let start = 0; start < rows; start += 10_000) {
      const chunk = Array.from({ length: Math.min(10_000, rows - start) }, (_, i) => row(random, start + i));
      writeSync(fd, stringify(chunk));
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

/**
 * `import_125k_rows_s`: `civicdesk import`'s core function loading a year of Lethbridge-sized
 * history into a fresh desk database opened as production opens it (WAL, synchronous=FULL), every
 * case with its event, search entry, external id and outbox mutation. Budget: < 15 s.
 */
export async function measureImport(log: (line: string) => void): Promise<{ import_125k_rows_s: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-import-bench-'));
  try {
    const file = writeImportFile(dir);
    log(`import: generated ${ROWS.toLocaleString('en-CA')} rows (${(statSync(file).size / 1e6).toFixed(1)} MB)`);
    const { db } = openDeskDatabase(join(dir, 'desk.sqlite'));
    try {
      const deskCode = ensureDeskCode(db, 'D07');
      let readDone = 0;
      const started = performance.now();
      const outcome = await importCasesFile(db, {
        file,
        deskCode,
        now: () => Date.parse('2026-11-27T00:00:00Z'),
        onProgress: (phase, done, total) => {
          if (phase === 'reading' && done === total) readDone = performance.now();
        },
      });
      const seconds = (performance.now() - started) / 1000;
      if (!outcome.ok) throw new Error(`import bench: the generated file did not import (${outcome.reason === 'file' ? outcome.problem.message : `${outcome.bad.length} bad rows`})`);
      log(`import: ${outcome.imported.toLocaleString('en-CA')} cases in ${seconds.toFixed(2)} s (reading and checking ${((readDone - started) / 1000).toFixed(2)} s), ${outcome.additions.length} service types added`);
      return { import_125k_rows_s: Math.round(seconds * 10) / 10 };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
