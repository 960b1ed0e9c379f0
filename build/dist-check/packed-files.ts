import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globMatcher } from './glob';
import { isRecord, problem, valueAt, type Problem } from './problems';

export interface PackedFile {
  /** Relative to the project root, with forward slashes. */
  path: string;
  size: number;
}

const asStrings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string');

/**
 * The app's own files electron-builder would pack (node_modules are collected separately from the
 * production dependency tree): the `files` patterns in order, the last matching one deciding, with
 * `dot: true` — electron-builder's matcher — minus the output and build-resources folders, which it
 * always leaves out. Folders no positive pattern can reach are not walked.
 */
export function filesToPack(root: string, config: unknown): PackedFile[] {
  const patterns = asStrings(valueAt(config, 'files'));
  if (!patterns.includes('package.json')) patterns.push('package.json'); // electron-builder adds it
  const matchers = patterns.map((pattern) => globMatcher(pattern));
  const excluded = new Set(['node_modules', '.git', ...[valueAt(config, 'directories.output') ?? 'dist', valueAt(config, 'directories.buildResources') ?? 'build'].map(String)]);

  const included = (path: string): boolean => {
    let match = false;
    for (const matcher of matchers) {
      if (match !== matcher.negate) continue;
      match = matcher.match(path);
    }
    return match;
  };
  const reachable = (dir: string): boolean => matchers.some((matcher) => !matcher.negate && matcher.match(dir, true));

  const found: PackedFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!excluded.has(path) && reachable(path)) walk(path);
      } else if (entry.isFile() && included(path)) {
        found.push({ path, size: statSync(join(root, path)).size });
      }
    }
  };
  walk('');
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** Files the app cannot start without: package.json's main, the sandboxed preload, the console's page. */
export function requiredAppFiles(packageMain: string): string[] {
  return [packageMain, 'dist/main/app/preload.cjs', 'dist/renderer/index.html', 'package.json'];
}

const NOT_FOR_THE_APP: readonly [RegExp, string][] = [
  [/\.(test|spec)\.[^/]+$/, 'a test file'],
  [/\.map$/, 'a source map'],
  [/\.(ts|tsx|mts|cts)$/, 'TypeScript source (the app ships the built JavaScript)'],
  [/(^|\/)\.env(\.[^/]*)?$/, 'an environment file'],
  [/(^|\/)(test|tests|__tests__|fixtures?)\//, 'a test fixture or test folder'],
];

export function checkPackedFiles(root: string, files: readonly PackedFile[], packageMain: string): Problem[] {
  const problems: Problem[] = [];
  const packed = new Set(files.map((file) => file.path));
  for (const required of requiredAppFiles(packageMain)) {
    if (!existsSync(join(root, required))) problems.push(problem('packed files', required, 'does not exist; build first (npm run build:renderer && npm run build:shell)'));
    else if (!packed.has(required)) problems.push(problem('packed files', required, 'exists but the `files` patterns leave it out of the app'));
  }
  for (const file of files) {
    const hit = NOT_FOR_THE_APP.find(([pattern]) => pattern.test(file.path));
    if (hit) problems.push(problem('packed files', file.path, `would be packed, but it is ${hit[1]}`));
  }
  return problems;
}

export interface ProductionPackages {
  count: number;
  bytes: number;
  largest: { name: string; bytes: number }[];
}

const sizeOf = (path: string): number => {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
};

/**
 * The node_modules electron-builder adds: package.json's production dependency tree, read from the
 * lock file (entries not marked dev). A summary only; electron-builder walks the tree itself.
 */
export function productionPackages(root: string): ProductionPackages {
  const lock: unknown = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const packages = isRecord(lock) && isRecord(lock['packages']) ? lock['packages'] : {};
  const entries = Object.entries(packages).filter(
    ([path, entry]) => path.startsWith('node_modules/') && isRecord(entry) && entry['dev'] !== true && entry['devOptional'] !== true && entry['optional'] !== true,
  );
  // Nested copies (node_modules/a/node_modules/b) are counted inside their parent's folder.
  const topLevel = entries.filter(([path]) => !path.slice('node_modules/'.length).includes('/node_modules/'));
  const sized = topLevel.map(([path]) => ({ name: path.slice('node_modules/'.length), bytes: sizeOf(join(root, path)) }));
  return {
    count: entries.length,
    bytes: sized.reduce((sum, item) => sum + item.bytes, 0),
    largest: sized.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}
