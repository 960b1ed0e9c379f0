import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDeskLog } from './desk-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the desk log', () => {
  it('writes timed lines with the error to <data>/logs/civicdesk.log and echoes them', () => {
    const echoed: string[] = [];
    const { log, file } = openDeskLog(dir, { echo: (line) => echoed.push(line), now: () => new Date('2026-11-27T15:04:05.000Z') });
    log('machine policy /etc/civicdesk/policy.json: updates.channel: must be latest or beta');
    log('sync failed', new Error('connect ECONNREFUSED'));
    expect(file).toBe(join(dir, 'logs', 'civicdesk.log'));
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^2026-11-27T15:04:05.000Z machine policy \/etc\/civicdesk\/policy.json: updates.channel/);
    expect(text).toContain('2026-11-27T15:04:05.000Z sync failed: Error: connect ECONNREFUSED');
    expect(echoed).toHaveLength(2);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rotates at 5 MB and keeps three old files', () => {
    const { log, file } = openDeskLog(dir, { echo: () => {} });
    const line = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 25; i += 1) log(`${i} ${line}`);
    expect(statSync(file).size).toBeLessThanOrEqual(5 * 1024 * 1024);
    for (const n of [1, 2, 3]) expect(existsSync(join(dir, 'logs', `civicdesk.${n}.log`))).toBe(true);
    expect(existsSync(join(dir, 'logs', 'civicdesk.4.log'))).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain(' 24 x');
  });

  it('never stops the desk when the log cannot be written', () => {
    const echoed: string[] = [];
    const { log } = openDeskLog(join(dir, 'missing\0folder'), { echo: (line) => echoed.push(line) });
    expect(() => log('still running')).not.toThrow();
    expect(echoed).toEqual([expect.stringContaining('still running')]);
  });
});
