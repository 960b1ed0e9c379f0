import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/data-dir';
import { openDeskLog } from '../core/desk-log';
import { openDeskRuntime } from '../core/desk-runtime';
import { machinePolicyPath, readMachinePolicy } from '../core/policy/policy-file';
import { startHost } from './server';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');

function fail(message: string, code = 2): never {
  process.stderr.write(`civicdesk web: ${message}\n`);
  process.exit(code);
}

/**
 * `npm run web -- [--data DIR] [--port PORT] [--desk CODE] [--policy FILE]`: the console in a browser, on loopback.
 * The machine policy is read from the OS's policy path unless --policy names another file (for trying a policy out).
 */
export async function runWeb(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { data: { type: 'string' }, port: { type: 'string' }, desk: { type: 'string' }, policy: { type: 'string' } }, strict: true }));
  } catch (error) {
    fail(error instanceof Error ? error.message.split('. ')[0]! : String(error));
  }
  const port = values.port === undefined ? 5311 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number 0–65535 (got '${values.port}')`);
  const dataDir = values.data ?? defaultDataDir();
  // The same log file the desktop app keeps (<data folder>/logs/civicdesk.log), echoed to stderr.
  const { log } = openDeskLog(dataDir);
  const policy = readMachinePolicy(values.policy ?? machinePolicyPath());
  let runtime;
  try {
    runtime = openDeskRuntime({ dataDir, deskCode: values.desk, policy, log });
  } catch (error) {
    fail(`cannot open the desk in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  const host = await startHost({ call: runtime.call, rendererDir: RENDERER_DIR, port }).catch((error: unknown) =>
    fail(`cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`, 1),
  );
  process.stdout.write(`CivicDesk console: ${host.url}\n`);
  const stop = () => {
    void host.close().finally(() => {
      runtime.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('main/host/web.ts')) {
  void runWeb(process.argv.slice(2));
}
