// Bundles the Electron shell — main (ESM) and the sandboxed preload (CommonJS, the only format a
// sandboxed preload may have) — and the browser host. electron, the native better-sqlite3-multiple-ciphers and pdfkit
// (which reads its font files from its own folder at run time) stay external.
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Minified: the host and the shell start faster when there is less JavaScript to parse.
const common = { bundle: true, minify: true, platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning', absWorkingDir: root };

export async function bundleShell() {
  await build({
    ...common,
    entryPoints: ['main/app/main.ts'],
    outfile: 'dist/main/app/main.js',
    format: 'esm',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  await build({ ...common, entryPoints: ['main/app/preload.ts'], outfile: 'dist/main/app/preload.cjs', format: 'cjs', external: ['electron'] });
  // The browser host as plain JavaScript: it starts without compiling TypeScript on the way.
  await build({
    ...common,
    entryPoints: ['main/host/web.ts'],
    outfile: 'dist/host/web.js',
    format: 'esm',
    external: ['better-sqlite3-multiple-ciphers', 'pdfkit'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleShell();
