import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuilderConfig, validateAgainstSchema } from './config';
import { checkFuses, loadAfterPackHook } from './fuses';
import { checkPackedFiles, filesToPack, productionPackages, type PackedFile } from './packed-files';
import { isRecord, problem, type Problem } from './problems';
import { checkRequiredSettings } from './requirements';
import { findSecretsInConfig, findSecretsInFiles, trackedFiles } from './secrets';
import { checkShellBundle, checkWebPreferencesSource } from './shell-security';

export interface DistCheckResult {
  problems: Problem[];
  /** One line per check that ran, for the summary. */
  passed: string[];
  packed: PackedFile[];
}

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Every check of `npm run dist:check`, on the project at root (after the renderer and shell are built). */
export async function runDistCheck(root: string): Promise<DistCheckResult> {
  const problems: Problem[] = [];
  const passed: string[] = [];
  const step = (name: string, found: Problem[], detail: string) => {
    problems.push(...found);
    if (found.length === 0) passed.push(`${name}: ${detail}`);
  };

  const config = loadBuilderConfig(join(root, 'electron-builder.yml'));
  step('schema', validateAgainstSchema(config), 'electron-builder.yml is valid for the installed electron-builder');
  step('required settings', checkRequiredSettings(config, root), 'NSIS per machine + msiWrapped, dmg/zip hardened + notarized, AppImage + deb, native driver rebuilt and unpacked, publisher and feed set');

  const hook = await loadAfterPackHook(config, root);
  step('fuses', 'error' in hook ? [problem('fuses', 'afterPack', hook.error)] : checkFuses(config, hook.module), 'build/after-pack.mjs flips exactly the required fuses; electronFuses unset');

  const tracked = trackedFiles(root);
  const packed = filesToPack(root, config);
  step(
    'secrets',
    [...findSecretsInConfig(config), ...findSecretsInFiles(root, [...(tracked ?? []), ...packed.map((file) => file.path)])],
    tracked === null ? 'none in the configuration or the app (not a git checkout: tracked files not scanned)' : `none in the configuration, ${tracked.length} tracked files or the app`,
  );

  const windowFile = 'main/app/window.ts';
  const windowSource = readText(join(root, windowFile));
  const packageJson: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const main = isRecord(packageJson) && typeof packageJson['main'] === 'string' ? packageJson['main'] : 'dist/main/app/main.js';
  const bundle = readText(join(root, main));
  step(
    'shell security',
    [
      ...(windowSource === null ? [problem('shell security', windowFile, 'cannot be read')] : checkWebPreferencesSource(windowSource, windowFile)),
      ...(bundle === null ? [problem('shell security', main, 'does not exist; run npm run build:shell')] : checkShellBundle(bundle, main)),
    ],
    `isolated, sandboxed, no Node integration, web security on (${windowFile} and the built ${main})`,
  );

  step('packed files', checkPackedFiles(root, packed, main), 'main, preload and index.html included; no tests, maps, TypeScript, .env or fixtures');
  return { problems, passed, packed };
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Prints the outcome for a person and returns the exit code. */
export function reportDistCheck(root: string, result: DistCheckResult, log: (line: string) => void = console.log): number {
  if (result.problems.length > 0) {
    log(`dist:check found ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`);
    for (const found of result.problems) log(`  ✗ [${found.check}] ${found.where}: ${found.message}`);
    log('Nothing was built or downloaded. Fix the above, then run npm run dist:check again.');
    return 1;
  }
  log('dist:check passed');
  for (const line of result.passed) log(`  ✓ ${line}`);
  const byFolder = new Map<string, { count: number; bytes: number }>();
  for (const file of result.packed) {
    const folder = file.path.split('/').slice(0, 2).join('/');
    const entry = byFolder.get(folder) ?? { count: 0, bytes: 0 };
    byFolder.set(folder, { count: entry.count + 1, bytes: entry.bytes + file.size });
  }
  const total = result.packed.reduce((sum, file) => sum + file.size, 0);
  log(`  app files to pack: ${result.packed.length} (${megabytes(total)})`);
  for (const [folder, entry] of byFolder) log(`    ${folder.padEnd(16)} ${String(entry.count).padStart(4)} files  ${megabytes(entry.bytes).padStart(8)}`);
  const modules = productionPackages(root);
  log(`  node_modules from the production dependency tree: ${modules.count} packages (${megabytes(modules.bytes)}); largest: ${modules.largest.map((item) => `${item.name} ${megabytes(item.bytes)}`).join(', ')}`);
  return 0;
}
