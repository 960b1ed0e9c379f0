import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgliteDir, SERVER_START_TIMEOUT_MS } from '../../test/helpers/server';

/**
 * The command line as a person runs it: `npm run server -- …` is `tsx server/main.ts …`. These run
 * on PGlite (the CLI's PostgreSQL path is the same openDatabase the HTTP tests exercise).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const childEnv = (extra: Record<string, string> = {}) => {
  const { DATABASE_URL: _url, CIVICDESK_ADMIN_PASSWORD: _a, CIVICDESK_PASSWORD: _p, ...env } = process.env;
  return { ...env, ...extra };
};
const cli = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: ROOT, env: childEnv(env), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

let dataDir: string;
beforeAll(async () => {
  dataDir = await freshPgliteDir();
}, SERVER_START_TIMEOUT_MS);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('create-admin', () => {
  it('creates the tenant and its first admin, then refuses the same username', () => {
    const args = ['create-admin', '--tenant', 'lethbridge', '--username', 'ada', '--name', 'Ada Admin', '--data', dataDir];
    const first = cli(args, { CIVICDESK_ADMIN_PASSWORD: 'correct horse battery staple' });
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe("Created tenant 'lethbridge'. Created admin 'ada' (Ada Admin) in tenant 'lethbridge'.\n");
    expect(first.code).toBe(0);
    const again = cli(args, { CIVICDESK_ADMIN_PASSWORD: 'correct horse battery staple' });
    expect(again).toMatchObject({ code: 1, stderr: "civicdesk-server: username 'ada' is already taken in tenant 'lethbridge'\n" });
  });

  it.each([
    ['a missing option', ['--username', 'ada', '--name', 'Ada'], { CIVICDESK_ADMIN_PASSWORD: 'long enough password' }, 2, '--tenant is required'],
    ['no password and no terminal', ['--tenant', 'x', '--username', 'ada', '--name', 'Ada'], {}, 2, 'set CIVICDESK_ADMIN_PASSWORD'],
    ['an unknown option', ['--tenant', 'x', '--colour', 'red'], {}, 2, "Unknown option '--colour'"],
    ['a bad tenant name', ['--tenant', 'Lethbridge City', '--username', 'ada', '--name', 'Ada'], { CIVICDESK_ADMIN_PASSWORD: 'long enough password' }, 1, 'The tenant is not valid'],
    ['a short password', ['--tenant', 'x', '--username', 'ada', '--name', 'Ada'], { CIVICDESK_ADMIN_PASSWORD: 'short' }, 1, 'password: must be at least 10 characters'],
  ])('refuses %s with one clear line', (_, args, env, code, message) => {
    const result = cli(['create-admin', ...args, '--data', dataDir], env);
    expect(result.code).toBe(code);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it('refuses an unknown command and a bad port', () => {
    expect(cli(['create-tenant'])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'create-tenant'") });
    expect(cli(['--port', 'eighty'])).toMatchObject({ code: 2, stderr: expect.stringContaining("--port must be a whole number from 0 to 65535 (got 'eighty')") });
  });
});

describe('serving', () => {
  it('prints one startup line, logs one JSON line per request, and guards its data folder', async () => {
    const desk = cli(['add-desk', '--tenant', 'lethbridge', '--code', 'D01', '--team', 'north', '--data', dataDir]);
    expect(desk.code).toBe(0);
    const secret = /Desk secret \(shown once; put it in the desk's settings\): (\S+)/.exec(desk.stdout)?.[1];
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dataDir], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /^CivicDesk server: (http:\/\/127\.0\.0\.1:\d+) \(database: PGlite in (.+)\)$/m.exec(stdout);
          if (match) resolve(match[1]!);
        }, 50);
        child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
        setTimeout(() => {
          clearInterval(timer);
          reject(new Error(`no startup line in: ${stdout}`));
        }, 20_000);
      });
      const signIn = await fetch(`${url}/auth/desk`, { method: 'POST', body: JSON.stringify({ tenant: 'lethbridge', deskCode: 'D01', deskSecret: secret }) });
      expect(signIn.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const logLine = stdout.split('\n').find((line) => line.startsWith('{'));
      expect(JSON.parse(logLine!)).toEqual({ time: expect.any(String), method: 'POST', path: '/auth/desk', status: 200, ms: expect.any(Number), tenant: 'lethbridge', desk: 'D01' });

      const clash = cli(['add-desk', '--tenant', 'lethbridge', '--code', 'D02', '--data', dataDir]);
      expect(clash.code).toBe(1);
      expect(clash.stderr).toContain(`is in use by process ${child.pid}`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
