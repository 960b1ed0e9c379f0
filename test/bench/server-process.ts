import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { api } from '../helpers/server';

/**
 * The benchmark's central server, in its own process as in production: a desk and the server
 * never share a thread, so the desk's work and the server's overlap as they would on two machines.
 * The child is `server-child.ts` (PGlite in a temporary folder, or a fresh PostgreSQL schema).
 */
export interface BenchServer {
  readonly url: string;
  /** Registers a desk through the admin API and returns its secret. */
  createDesk(code: string, team: string): Promise<string>;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

export async function startBenchServer(tenant: string, postgres: boolean): Promise<BenchServer> {
  const env = { ...process.env };
  if (!postgres) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : []), '--import', 'tsx', CHILD, tenant], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await firstLine(child);
  const signIn = await api<{ token: string }>(url, '/auth/sign-in', { body: { tenant, username: 'admin', password: 'bench password 1234' } });
  if (signIn.status !== 200) throw new Error(`bench server: the admin could not sign in (${signIn.status})`);
  const adminToken = signIn.body.token;
  return {
    url,
    async createDesk(code, team) {
      const created = await api<{ secret: string }>(url, '/admin/desks', { token: adminToken, body: { code, team } });
      if (created.status !== 201) throw new Error(`bench server: desk ${code} was not created (${created.status} ${JSON.stringify(created.body)})`);
      return created.body.secret;
    },
    close: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** The child prints its URL once it listens; anything else first is a failure. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => (line.startsWith('http://') ? resolve(line.trim()) : reject(new Error(`bench server: ${line}`))));
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code} before listening`)));
  });
}
