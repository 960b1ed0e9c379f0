import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runWeb } from './web';

/**
 * `npm start`: build what the app needs, then start the desktop app. Where Electron's runtime is
 * missing, try Electron's own installer once; where that fails (no route to its download server),
 * say so in one line and serve the same console in the browser instead.
 */
const root = resolve(import.meta.dirname, '../..');

function step(label: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write(`civicdesk start: ${label} failed (exit ${result.status ?? result.signal}); see the output above\n`);
    process.exit(1);
  }
}

/** Where Electron's installer put the runtime (what the electron package's index.js reports). */
function electronBinary(): string | null {
  const pathFile = resolve(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = resolve(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function installElectronRuntime(): string | null {
  const installer = resolve(root, 'node_modules/electron/install.js');
  if (!existsSync(installer)) return null;
  process.stdout.write('Electron runtime missing; trying its installer…\n');
  const result = spawnSync(process.execPath, [installer], { cwd: resolve(root, 'node_modules/electron'), stdio: 'ignore', timeout: 120_000 });
  return result.status === 0 ? electronBinary() : null;
}

step('building the console', process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
step('bundling the Electron shell', process.execPath, [resolve(root, 'build/bundle-shell.mjs')]);

const electron = electronBinary() ?? installElectronRuntime();
if (electron) {
  const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write("Electron's runtime could not be downloaded on this machine; serving the browser console instead.\n");
  void runWeb(process.argv.slice(2));
}
