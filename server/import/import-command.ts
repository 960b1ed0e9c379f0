import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { isTimeZone } from '../../shared/domain/import-dates';
import { badRowsReport, defaultRejectsPath, importReport, importSummary, type ImportOutcome } from '../../shared/domain/import-summary';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import { importCasesForTenant } from './import-cases';
import { writeRejectFile } from './reject-file';

export interface ImportArguments {
  help: boolean;
  file: string;
  tenant: string;
  data: string | undefined;
  skipBad: boolean;
  rejects: string;
  timeZone: string;
  json: boolean;
}

/** `import FILE.csv --tenant SLUG [--data DIR] [--skip-bad] [--rejects FILE] [--time-zone ZONE] [--json]`, or why not. */
export function parseImportArguments(args: string[]): ImportArguments | { usage: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        tenant: { type: 'string' },
        data: { type: 'string' },
        'skip-bad': { type: 'boolean' },
        rejects: { type: 'string' },
        'time-zone': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { usage: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const [file, extra] = positionals;
  if (!help && !file) return { usage: 'import needs the file to import: npm run server -- import FILE.csv --tenant SLUG' };
  if (extra !== undefined) return { usage: `import takes one file (got also '${extra}')` };
  if (!help && !values.tenant) return { usage: '--tenant is required' };
  const skipBad = values['skip-bad'] === true;
  if (values.rejects !== undefined && !skipBad) return { usage: '--rejects FILE goes with --skip-bad (without it, a file with bad rows imports nothing)' };
  const timeZone = values['time-zone'] ?? 'America/Edmonton';
  if (!isTimeZone(timeZone)) return { usage: `--time-zone must be an IANA time zone like America/Edmonton (got '${timeZone}')` };
  const rejects = values.rejects ?? defaultRejectsPath(file ?? '');
  if (file && resolve(rejects) === resolve(file)) return { usage: 'the reject file must not be the file being imported' };
  return { help, file: file ?? '', tenant: values.tenant ?? '', data: values.data, skipBad, rejects, timeZone, json: values.json === true };
}

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

/** Checked before the database opens, so a typo costs no wait. */
export function checkImportFile(args: ImportArguments): void {
  if (!existsSync(args.file)) throw new ApiError('not_found', `no file at ${args.file}`);
}

/** Runs the import and prints what it did; a refused file or bad rows throw an ApiError (exit 1). */
export async function runTenantImport(db: Database, args: ImportArguments, out: (line: string) => void): Promise<void> {
  const name = basename(args.file);
  const progress = progressBar();
  const started = performance.now();
  let outcome: ImportOutcome;
  try {
    outcome = await importCasesForTenant(db, { tenant: args.tenant, file: args.file, timeZone: args.timeZone, skipBad: args.skipBad, onProgress: progress.update });
  } finally {
    progress.stop();
  }
  const printJson = (extra: Parameters<typeof importReport>[2] = {}) => {
    if (args.json) out(JSON.stringify(importReport(args.file, outcome, extra), null, 2));
  };
  if (!outcome.ok && outcome.reason === 'file') {
    printJson();
    throw new ApiError('invalid_input', `${name}: ${outcome.problem.message}`);
  }
  if (!outcome.ok) {
    printJson();
    const report = badRowsReport(name, outcome, args.rejects);
    process.stderr.write(`${report.slice(0, -1).join('\n')}\n`);
    throw new ApiError('invalid_input', report.at(-1) ?? 'nothing was imported');
  }
  const rejectsWritten = outcome.bad.length > 0 ? args.rejects : null;
  if (rejectsWritten) writeRejectFile(rejectsWritten, outcome.header, outcome.bad);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const into = `tenant '${args.tenant}'`;
  if (args.json) printJson({ into, rejectsFile: rejectsWritten, seconds: Number(seconds) });
  else for (const line of importSummary(name, into, outcome, rejectsWritten, seconds)) out(line);
}
