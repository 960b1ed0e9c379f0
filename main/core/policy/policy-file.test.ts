import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { machinePolicyPath, readMachinePolicy } from './policy-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-policy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (text: string): string => {
  const file = join(dir, 'policy.json');
  writeFileSync(file, text);
  return file;
};

const FULL_POLICY = {
  policyVersion: 1,
  server: { url: 'https://sync.lethbridge.example', tenant: 'lethbridge' },
  deskCode: 'D07',
  updates: { enabled: true, feedUrl: 'https://updates.lethbridge.example/civicdesk/', channel: 'latest', pinVersion: '1.4.2', checkEveryHours: 6 },
  shiftSchedule: { shifts: [{ name: 'Day', start: '08:00', end: '16:00' }, { name: 'Late', start: '16:00', end: '00:00' }] },
  idleLockMinutes: 5,
  retention: { syncedCaseDays: 365 },
  backup: { keepDays: 30, folder: 'D:\\CivicDeskBackups' },
  encryption: { recoveryPublicKey: '-----BEGIN PUBLIC KEY-----\nMIIB…\n-----END PUBLIC KEY-----\n' },
};

describe('the machine policy file', () => {
  it('lives where IT deploys machine-wide settings on each OS', () => {
    expect(machinePolicyPath('win32')).toBe('C:\\ProgramData\\CivicDesk\\policy.json');
    expect(machinePolicyPath('darwin')).toBe('/Library/Application Support/CivicDesk/policy.json');
    expect(machinePolicyPath('linux')).toBe('/etc/civicdesk/policy.json');
  });

  it('is absent when IT has deployed none', () => {
    expect(readMachinePolicy(join(dir, 'none.json'))).toEqual({ status: 'absent', path: join(dir, 'none.json') });
  });

  it('reads a complete policy, with defaults filled in', () => {
    const read = readMachinePolicy(write(JSON.stringify(FULL_POLICY)));
    expect(read.status).toBe('valid');
    if (read.status !== 'valid') return;
    expect(read.policy).toMatchObject({ deskCode: 'D07', idleLockMinutes: 5, updates: { pinVersion: '1.4.2', checkEveryHours: 6 } });
    const minimal = readMachinePolicy(write('\uFEFF{ "policyVersion": 1, "updates": { "feedUrl": "https://u.example/" } }'));
    expect(minimal).toMatchObject({ status: 'valid', policy: { updates: { enabled: true, channel: 'latest', checkEveryHours: 4 } } });
  });

  it('names the line and column of a JSON syntax error', () => {
    const read = readMachinePolicy(write('{\n  "policyVersion": 1,\n  deskCode: "D07"\n}'));
    expect(read).toMatchObject({ status: 'invalid' });
    if (read.status !== 'invalid') return;
    expect(read.problems).toEqual([expect.stringMatching(/^not valid JSON at line 3, column 3: /)]);
  });

  it('names every wrong setting by its place, and unknown ones by name', () => {
    const read = readMachinePolicy(
      write(
        JSON.stringify({
          policyVersion: 1,
          server: { url: 'ftp://sync.example', tenant: '' },
          deskCode: 'd7',
          updates: { channel: 'nightly' },
          idleLockMinute: 5,
          shiftSchedule: { shifts: [{ name: 'Day', start: '7am', end: '15:00' }] },
          retention: { syncedCaseDays: 7 },
          backup: { folder: 'backups' },
        }),
      ),
    );
    expect(read.status).toBe('invalid');
    if (read.status !== 'invalid') return;
    expect(read.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^server\.url: must be an http/),
        'server.tenant: must not be empty',
        expect.stringMatching(/^deskCode: must be a capital letter/),
        "updates.channel: must be 'latest' or 'beta'",
        "the file: unknown setting 'idleLockMinute'",
        expect.stringMatching(/^shiftSchedule\.shifts\.0\.start: must be a time like 07:00/),
        'retention.syncedCaseDays: must be at least 30',
        expect.stringMatching(/^backup\.folder: must be an absolute folder/),
      ]),
    );
  });

  it('asks for a feed while updates are on', () => {
    expect(readMachinePolicy(write('{ "policyVersion": 1, "updates": { "channel": "beta" } }'))).toMatchObject({
      status: 'invalid',
      problems: ['updates.feedUrl: is required while updates are enabled (or set enabled: false)'],
    });
    expect(readMachinePolicy(write('{ "policyVersion": 1, "updates": { "enabled": false } }'))).toMatchObject({ status: 'valid' });
  });

  it('refuses a file that is not a policy at all', () => {
    expect(readMachinePolicy(write('[]'))).toMatchObject({ status: 'invalid', problems: [expect.stringMatching(/^the file: /)] });
    expect(readMachinePolicy(write('{}'))).toMatchObject({ status: 'invalid', problems: ['policyVersion: must be 1'] });
    expect(readMachinePolicy(write(' '.repeat(300_000)))).toMatchObject({ status: 'invalid', problems: [expect.stringMatching(/at most 262144/)] });
    expect(readMachinePolicy(dir)).toMatchObject({ status: 'invalid', problems: [expect.stringMatching(/cannot be read/)] });
  });
});
