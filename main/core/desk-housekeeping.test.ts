import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReadonlyDeskDatabase } from './db/connection';
import { openDeskRuntime, type DeskRuntime } from './desk-runtime';
import { localDay } from './desk-session';
import { readMachinePolicy } from './policy/policy-file';

let dir: string;
let runtime: DeskRuntime | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-housekeeping-'));
});
afterEach(() => {
  runtime?.close();
  runtime = null;
  rmSync(dir, { recursive: true, force: true });
});

const KEY = Buffer.alloc(32, 0x2a);
const NOW = Date.parse('2026-11-27T18:00:00Z');

describe('the desk’s daily chores', () => {
  it('writes today’s encrypted backup once, where the policy says, and keeps the policy’s number of days', async () => {
    const folder = join(dir, 'backups-by-policy');
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ policyVersion: 1, backup: { keepDays: 2, folder } }));
    const logged: string[] = [];
    runtime = openDeskRuntime({
      dataDir: join(dir, 'desk'),
      deskCode: 'D31',
      databaseKey: KEY,
      dailyBackup: {},
      policy: readMachinePolicy(join(dir, 'policy.json')),
      now: () => NOW,
      sync: false,
      maintenanceIntervalMs: 0,
      integrityCheckDelayMs: 60_000,
      log: (message) => logged.push(message),
    });
    // An old backup of this desk's naming, and a file that is not one: only the first may go.
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'desk-D31-2026-11-20.sqlite'), 'old');
    writeFileSync(join(folder, 'desk-D31-2026-11-26.sqlite'), 'yesterday');
    writeFileSync(join(folder, 'desk-D09-2026-11-20.sqlite'), 'another desk in the shared folder');
    writeFileSync(join(folder, 'notes.txt'), 'IT’s own file');
    await runtime.housekeeping?.runNow();
    const today = `desk-D31-${localDay(NOW, 'America/Edmonton')}.sqlite`;
    expect(readdirSync(folder).sort()).toEqual(['desk-D09-2026-11-20.sqlite', 'desk-D31-2026-11-26.sqlite', today, 'notes.txt']);
    const copy = openReadonlyDeskDatabase(join(folder, today), KEY);
    expect(copy.prepare("SELECT value FROM desk_settings WHERE key = 'desk_code'").pluck().get()).toBe('D31');
    copy.close();
    expect(() => openReadonlyDeskDatabase(join(folder, today))).toThrow(/encrypted/);
    expect(logged).toEqual(expect.arrayContaining([expect.stringMatching(/^daily backup .* written \(0 cases\)$/), expect.stringContaining('desk-D31-2026-11-20.sqlite')]));
    await runtime.housekeeping?.runNow();
    expect(readdirSync(folder).filter((name) => name.startsWith('desk-D31'))).toEqual(['desk-D31-2026-11-26.sqlite', today]);
  });

  it('runs nothing when neither a backup nor retention is asked for', () => {
    runtime = openDeskRuntime({ dataDir: join(dir, 'desk'), deskCode: 'D32', sync: false, maintenanceIntervalMs: 0, integrityCheckDelayMs: 60_000 });
    expect(runtime.housekeeping).toBeNull();
    expect(existsSync(join(dir, 'desk', 'backups'))).toBe(false);
  });
});
