import { defaultBackupFolder, runDailyBackupIfDue } from './backup';
import type { WritableDb } from './db/connection';
import type { DeskLog } from './desk-log';
import { localDay, type DeskState } from './desk-session';
import { purgeSyncedCases } from './retention/purge-synced-cases';

export interface HousekeepingOptions {
  db: WritableDb;
  file: string;
  dataDir: string;
  key: Buffer | undefined;
  state: DeskState;
  /** The daily backup, on unless false; the policy's backup section sets its folder and how many are kept. */
  dailyBackup: false | { folder?: string; keepDays?: number };
  log: DeskLog;
  /** How often the desk looks whether today's work is done (first look after the same delay). */
  everyMs?: number;
}

/**
 * The desk's daily chores, in the background: today's backup when it is missing, then the
 * retention purge the machine policy asks for, once a day. Each failure is logged and tried again
 * at the next look; neither ever stops the console.
 */
export function startHousekeeping(options: HousekeepingOptions): { runNow: () => Promise<void>; stop: () => void } {
  const { db, state, log } = options;
  let purgedOn: string | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;

  const backUp = async (): Promise<void> => {
    if (options.dailyBackup === false) return;
    const policyBackup = state.policy?.policy?.backup;
    const outcome = await runDailyBackupIfDue({
      file: options.file,
      key: options.key,
      folder: policyBackup?.folder ?? options.dailyBackup.folder ?? defaultBackupFolder(options.dataDir),
      deskCode: state.session.deskCode,
      keepDays: policyBackup?.keepDays ?? options.dailyBackup.keepDays,
      now: state.now(),
      timeZone: state.session.timeZone,
    });
    if (outcome.made) log(`daily backup ${outcome.made.file} written (${outcome.made.cases} cases)`);
    if (outcome.deleted.length > 0) log(`daily backups older than the keep period deleted: ${outcome.deleted.join(', ')}`);
  };

  const purge = async (): Promise<void> => {
    const days = state.policy?.policy?.retention?.syncedCaseDays;
    const today = localDay(state.now(), state.session.timeZone);
    if (days === undefined || purgedOn === today) return;
    const result = await purgeSyncedCases(db, { olderThanDays: days, now: state.now(), isStopped: () => stopped });
    if (result.skipped || stopped) return; // a first pull is still building its indexes: next look
    purgedOn = today;
    if (result.cases > 0) log(`retention: ${result.cases} synced cases unchanged for ${days} days removed from this desk (the server keeps them)`);
  };

  const look = (): Promise<void> => {
    running ??= (async () => {
      for (const [what, chore] of [['the daily backup', backUp], ['the retention purge', purge]] as const) {
        if (stopped) return;
        try {
          await chore();
        } catch (error) {
          log(`${what} failed; it is tried again within the hour`, error);
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const every = options.everyMs ?? 3_600_000;
  const first = setTimeout(() => void look(), Math.min(every, 120_000));
  const timer = setInterval(() => void look(), every);
  first.unref();
  timer.unref();
  return {
    runNow: look,
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
