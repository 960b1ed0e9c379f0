import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the desk writes to its log: a line with the time, and the error's message and stack when there is one. */
export type DeskLog = (message: string, error?: unknown) => void;

export const LOG_FILE = 'civicdesk.log';
const MAX_BYTES = 5 * 1024 * 1024;
const KEEP_OLD = 3;

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error));

/**
 * The desk's log file IT reads (`<data folder>/logs/civicdesk.log`), rotated at 5 MB with three old
 * files kept (civicdesk.1.log is the newest of those). Also echoed to stderr. A log that cannot be
 * written never stops the desk: the line still reaches stderr.
 */
export function openDeskLog(dataDir: string, options: { echo?: (line: string) => void; now?: () => Date } = {}): { log: DeskLog; file: string } {
  const folder = join(dataDir, 'logs');
  const file = join(folder, LOG_FILE);
  const echo = options.echo ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const rotate = (): void => {
    rmSync(join(folder, `civicdesk.${KEEP_OLD}.log`), { force: true });
    for (let i = KEEP_OLD - 1; i >= 1; i -= 1) {
      try {
        renameSync(join(folder, `civicdesk.${i}.log`), join(folder, `civicdesk.${i + 1}.log`));
      } catch {
        // absent: nothing to move
      }
    }
    renameSync(file, join(folder, 'civicdesk.1.log'));
  };
  const log: DeskLog = (message, error) => {
    const line = `${now().toISOString()} ${message}${error === undefined ? '' : `: ${describe(error)}`}\n`;
    echo(`[civicdesk] ${line}`);
    try {
      mkdirSync(folder, { recursive: true });
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        // a new log
      }
      if (size + line.length > MAX_BYTES) rotate();
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // The log's folder is unwritable (a full disk, a locked-down profile): stderr has the line.
    }
  };
  return { log, file };
}
