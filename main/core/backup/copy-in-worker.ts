import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * `VACUUM INTO` a consistent copy, then check the copy, on a connection of its own in a worker
 * thread: at a million cases it reads and writes the whole file for seconds, and a connection
 * running it can do nothing else, so the console's connection must not be the one.
 * SQLite's backup API cannot copy an SQLCipher file; VACUUM INTO writes the copy encrypted with the
 * source's key (or plain, for a plain source).
 * The key pragmas repeat applyDeskKey's (db/cipher.ts): the worker cannot load TypeScript.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const open = (file) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  if (workerData.keyHex) {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma('key = "x\\'' + workerData.keyHex + '\\'"');
  }
  db.pragma('busy_timeout = 5000');
  return db;
};
try {
  const started = Date.now();
  const source = open(workerData.source);
  try {
    source.prepare('VACUUM INTO ?').run(workerData.copy);
  } finally {
    source.close();
  }
  const copy = open(workerData.copy);
  let check;
  let cases;
  try {
    check = copy.pragma(workerData.check, { simple: true });
    cases = copy.prepare('SELECT count(*) FROM cases').pluck().get();
  } finally {
    copy.close();
  }
  parentPort.postMessage({ ok: true, check: String(check), cases, ms: Date.now() - started });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String((error && error.message) || error), code: (error && error.code) || null });
}
`;

export interface CopyOutcome {
  /** 'ok', or what the check found wrong. */
  check: string;
  cases: number;
  ms: number;
}

export class CopyFailed extends Error {
  constructor(
    message: string,
    readonly sqliteCode: string | null,
  ) {
    super(message);
  }
}

/** Writes a checked copy of `source` at `copy` (which must not exist). Resolves once the worker is done. */
export function copyInWorker(source: string, copy: string, options: { key?: Buffer | undefined; check: 'quick_check' | 'integrity_check' }): Promise<CopyOutcome> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, source, copy, check: options.check, keyHex: options.key?.toString('hex') ?? null },
    });
    let answered = false;
    worker.once('message', (answer: { ok: true; check: string; cases: number; ms: number } | { ok: false; message: string; code: string | null }) => {
      answered = true;
      if (answer.ok) resolve({ check: answer.check, cases: answer.cases, ms: answer.ms });
      else reject(new CopyFailed(answer.message, answer.code));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      answered = true;
      reject(new CopyFailed(`the copy could not run: ${error.message}`, null));
    });
    worker.once('exit', () => {
      if (!answered) reject(new CopyFailed('the copy stopped before it finished', null));
    });
  });
}
