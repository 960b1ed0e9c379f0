// Reads a CSV file with csv-parse on a worker thread and posts its records to the thread that
// started it, a thousand at a time, so parsing the next rows overlaps with checking the last ones.
// Plain JavaScript on purpose: a worker does not inherit the TypeScript loader.
// In: workerData { path, maxRecordSize }. Out: { records } … then { done: true } or { error: { code, message } };
// { bytes, total } now and then for a progress bar.
import { createReadStream, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse';

const RECORDS_PER_MESSAGE = 1000;
const { path, maxRecordSize } = workerData;
let records = [];
const flush = () => {
  if (records.length === 0) return;
  parentPort.postMessage({ records });
  records = [];
};

try {
  const total = statSync(path).size;
  let bytes = 0;
  const input = createReadStream(path).on('data', (chunk) => {
    bytes += chunk.length;
    parentPort.postMessage({ bytes, total });
  });
  // Records are taken as they are parsed (on_record, in file order): when the parser then fails,
  // every record before the failure has been posted, so the reader names the right line.
  const parser = parse({
    bom: true,
    relax_column_count: true,
    max_record_size: maxRecordSize,
    on_record: (record) => {
      records.push(record);
      if (records.length === RECORDS_PER_MESSAGE) flush();
      return null;
    },
  });
  await pipeline(input, parser, new Writable({ objectMode: true, write: (_record, _encoding, done) => done() }));
  flush();
  parentPort.postMessage({ done: true });
} catch (error) {
  flush();
  parentPort.postMessage({ error: { code: typeof error?.code === 'string' ? error.code : 'unreadable', message: error instanceof Error ? error.message : String(error) } });
}
