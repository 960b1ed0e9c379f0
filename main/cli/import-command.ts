import { existsSync } from 'node:fs';
import { basename, resolve, dirname } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { badRowsReport, defaultRejectsPath, importReport, importSummary } from '../../shared/domain/import-summary';
import { defaultDataDir, deskDatabasePath } from '../core/data-dir';
import { openDeskDatabase } from '../core/db/connection';
import { readDeskCode } from '../core/desk-settings';
import { importCasesFile } from '../core/import/import-cases';
import { writeRejectFile } from '../core/import/reject-file';
import { CliError } from './cli-error';
import { centreTimeZone } from './time-zone';
import { deskKeyFromOptions } from './desk-key-options';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const text = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

/** A progress bar on stderr when it is a terminal: bytes while reading, cases while writing. */
function progressBar(): { update: (phase: 'reading' | 'writing', done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({ stream: process.stderr, format: '{phase} [{bar}] {percentage}%', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  let phase: string | null = null;
  return {
    update: (next, done, total) => {
      if (phase !== next) {
        if (phase) bar.stop();
        bar.start(total, 0, { phase: next.padEnd(7) });
        phase = next;
      }
      bar.update(done, { phase: next.padEnd(7) });
    },
    stop: () => {
      if (phase) bar.stop();
      phase = null;
    },
  };
}

function checkedArguments(values: Values, positionals: string[]): { file: string; database: string; rejects: string; skipBad: boolean } {
  const file = positionals[0] ?? text(values, 'file');
  if (!file) throw new CliError('import: name the file to import (civicdesk import FILE.csv --data DIR)', 2);
  const skipBad = values['skip-bad'] === true;
  const rejects = text(values, 'rejects');
  if (rejects !== undefined && !skipBad) throw new CliError('import: --rejects FILE goes with --skip-bad (without it, a file with bad rows imports nothing)', 2);
  if (!existsSync(file)) throw new CliError(`import: no file at ${file}`);
  const chosenRejects = rejects ?? defaultRejectsPath(file);
  if (resolve(chosenRejects) === resolve(file)) throw new CliError('import: the reject file must not be the file being imported', 2);
  const database = deskDatabasePath(text(values, 'data') ?? defaultDataDir());
  if (!existsSync(database)) {
    throw new CliError(`import: no desk database at ${database}; start the console on this desk once, or pass --data DIR with the folder that holds desk.sqlite`);
  }
  return { file, database, rejects: chosenRejects, skipBad };
}

/** `civicdesk import FILE.csv [--data DIR] [--skip-bad] [--rejects FILE] [--json]` (docs/import.md). */
export async function importCommand(values: Values, positionals: string[]): Promise<number> {
  const { file, database, rejects, skipBad } = checkedArguments(values, positionals);
  const json = values.json === true;
  const key = deskKeyFromOptions(values, dirname(database));
  const { db } = openDeskDatabase(database, key ? { key } : {});
  const progress = progressBar();
  try {
    const deskCode = readDeskCode(db);
    if (!deskCode) throw new CliError(`import: the desk database ${database} has no desk code yet; start the console on this desk once first`);
    const started = performance.now();
    const outcome = await importCasesFile(db, { file, deskCode, skipBad, timeZone: centreTimeZone(), onProgress: progress.update });
    progress.stop();
    const printJson = (extra: Parameters<typeof importReport>[2] = {}) => {
      if (json) process.stdout.write(`${JSON.stringify(importReport(file, outcome, extra), null, 2)}\n`);
    };
    if (!outcome.ok && outcome.reason === 'file') {
      printJson();
      throw new CliError(`import: ${basename(file)}: ${outcome.problem.message}`);
    }
    if (!outcome.ok) {
      printJson();
      process.stderr.write(`${badRowsReport(basename(file), outcome, rejects).join('\n')}\n`);
      return 1;
    }
    const rejectsWritten = outcome.bad.length > 0 ? rejects : null;
    if (rejectsWritten) writeRejectFile(rejectsWritten, outcome.header, outcome.bad);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (json) printJson({ into: `desk ${deskCode}`, rejectsFile: rejectsWritten, seconds: Number(seconds) });
    else process.stdout.write(`${importSummary(basename(file), `desk ${deskCode}`, outcome, rejectsWritten, seconds).join('\n')}\n`);
    return 0;
  } finally {
    progress.stop();
    db.close();
  }
}
