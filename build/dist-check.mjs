// `npm run dist:check` (after the renderer and the shell are built): validates electron-builder.yml,
// the fuse table, the shell's security settings and the files that would be packed. Downloads
// nothing and needs no Electron binary. The checks live in build/dist-check/ (TypeScript, loaded
// with tsx, so that test/packaging/ can run each one on a broken copy of the configuration).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { runDistCheck, reportDistCheck } = await tsImport('./dist-check/run.ts', import.meta.url);
process.exitCode = reportDistCheck(root, await runDistCheck(root));
