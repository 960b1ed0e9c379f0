import { createReadStream, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import {
  IMPORT_MAX_RECORD_CHARS,
  ImportRowCollector,
  describeCsvFailure,
  type ImportFileProblem,
  type ReadImportOptions,
  type ReadRows,
} from '../../shared/domain/import-reader';


const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Streams an import file through csv-parse with the desk import's options and shared rules
 * (main/core/import, which the server may not import, parses on a worker thread to meet its time
 * budget; here it runs on this thread): BOM, quoted newlines, CRLF, records over
 * IMPORT_MAX_RECORD_CHARS refused, every row validated. Records are taken in csv-parse's
 * on_record, as they are parsed: when the parser then fails, the rows before the failure have been
 * counted, so the error names the right line.
 */
export async function readImportCsv(path: string, options: ReadImportOptions): Promise<ReadRows | ImportFileProblem> {
  let total: number;
  try {
    total = statSync(path).size;
  } catch (error) {
    return { code: 'unreadable', message: `cannot read ${path} (${reasonOf(error)})` };
  }
  const collector = new ImportRowCollector(options, options.settle);
  let stopped: ImportFileProblem | null = null;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    max_record_size: IMPORT_MAX_RECORD_CHARS,
    on_record: (record: string[]) => {
      stopped ??= collector.add(record);
      if (stopped) throw new Error(stopped.message);
      return null;
    },
  });
  let bytes = 0;
  const input = createReadStream(path).on('data', (chunk) => {
    bytes += chunk.length;
    options.onProgress?.(bytes, total);
  });
  try {
    await pipeline(input, parser, new Writable({ objectMode: true, write: (_record, _encoding, done) => done() }));
  } catch (error) {
    if (stopped) return stopped;
    if (error instanceof CsvError) return describeCsvFailure(error.code, collector.currentLine, error.message);
    return { code: 'unreadable', message: `cannot read ${path} (${reasonOf(error)})` };
  }
  return collector.finish();
}
