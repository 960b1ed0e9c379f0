import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  if (workerData.keyHex) {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma('key = "x\\'' + workerData.keyHex + '\\'"');
  }
  const result = db.pragma('quick_check', { simple: true });
  db.close();
  parentPort.postMessage({ ok: result === 'ok', message: String(result) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error && error.message || error) });
}
`;

export interface IntegrityVerdict {
  ok: boolean;
  message: string;
}

/**
 * SQLite's quick_check reads the whole file: seconds on a desk of a million cases. Run at start on
 * its own read-only connection in a worker thread, so the console is usable while it runs.
 */
export function quickCheckInBackground(file: string, delayMs = 0, key?: Buffer): { verdict: Promise<IntegrityVerdict | null>; stop: () => void } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  let worker: Worker | null = null;
  let stopped = false;
  let stopWaiting = () => {};
  const verdict = new Promise<IntegrityVerdict | null>((resolve) => {
    const timer = setTimeout(() => {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, keyHex: key?.toString('hex') ?? null } });
      watch(worker, resolve);
    }, delayMs);
    timer.unref();
    stopWaiting = () => {
      clearTimeout(timer);
      resolve(null);
    };
  });
  return {
    verdict,
    stop: () => {
      if (stopped) return;
      stopped = true;
      stopWaiting();
      void worker?.terminate();
    },
  };
}

function watch(worker: Worker, resolve: (verdict: IntegrityVerdict | null) => void): void {
  worker.once('message', (answer: IntegrityVerdict) => {
    resolve(answer);
    void worker.terminate();
  });
  worker.once('error', (error) => resolve({ ok: false, message: `the check could not run: ${error.message}` }));
  // Stopped before it finished (the desk closed): no verdict.
  worker.once('exit', () => resolve(null));
}
