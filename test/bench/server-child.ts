import { createAdmin } from '../../server';
import { startTestServer } from '../helpers/server';

/** Run by server-process.ts: a fresh server with one admin, its URL on stdout, gone (with its data) on SIGTERM. */
const tenant = process.argv[2] ?? 'benchville';
const server = await startTestServer({ port: 0 });
await createAdmin(server.server.db, { tenant, username: 'admin', name: 'Bench Admin', password: 'bench password 1234' });
process.stdout.write(`${server.url}\n`);
process.once('SIGTERM', () => {
  void server.close().finally(() => process.exit(0));
});
