import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { transform } from 'esbuild';
import { isRecord } from './problems';

/** One Electronegativity finding, reduced to what the gate needs. */
export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  /** Relative to the scanned folder (`main/app/main.js`), or `N/A` for a finding about the whole app. */
  file: string;
  line: number;
  manualReview: boolean;
}

/** A finding someone has looked at, and why it is acceptable. Matched by check and file, never line. */
export interface AcceptedFinding {
  check: string;
  file: string;
  why: string;
}

export interface ScanResult {
  findings: Finding[];
  /** Files Electronegativity could not parse (and so did not check). */
  unreadable: { file: string; message: string }[];
}

const BLOCKING = new Set(['HIGH', 'MEDIUM']);

/**
 * Copies what ships (dist/main/app and dist/renderer) into `stage`, with the JavaScript run through
 * esbuild to ES2019 and unminified: Electronegativity's parsers predate class static blocks and
 * friends (the renderer bundle fails with "Unknown node type StaticBlock" otherwise), and findings
 * in unminified code point at readable lines. Nothing is renamed, so the same calls are seen.
 */
export async function stageBuiltApp(root: string, stage: string): Promise<number> {
  let count = 0;
  const copy = async (from: string) => {
    for (const entry of readdirSync(join(root, from), { withFileTypes: true })) {
      const source = join(from, entry.name);
      const target = join(stage, relative('dist', source));
      if (entry.isDirectory()) {
        await copy(source);
        continue;
      }
      if (entry.name.endsWith('.map')) continue;
      mkdirSync(dirname(target), { recursive: true });
      if (/\.(m|c)?js$/.test(entry.name)) {
        const code = readFileSync(join(root, source), 'utf8');
        const lowered = await transform(code, { loader: 'js', target: 'es2019', format: entry.name.endsWith('.cjs') ? undefined : 'esm', minify: false, legalComments: 'none' });
        writeFileSync(target, lowered.code);
      } else {
        copyFileSync(join(root, source), target);
      }
      count += 1;
    }
  };
  await copy('dist/main/app');
  await copy('dist/renderer');
  return count;
}

/**
 * Electronegativity's runner, kept offline: its i18n module fetches translations from S3 on every
 * run, so it is replaced by one that reads the bundled en-US file, and `got` (its only HTTP client)
 * by one that throws, so a check that tries the network fails the scan instead of phoning home.
 */
function offlineRunner(): (options: Record<string, unknown>, forCli: boolean) => Promise<unknown> {
  const requireHere = createRequire(import.meta.url);
  const packageDir = dirname(requireHere.resolve('@doyensec/electronegativity/package.json'));
  const requireThere = createRequire(join(packageDir, 'package.json'));
  const stub = (path: string, exports: unknown) => {
    const module = new Module(path);
    module.filename = path;
    module.loaded = true;
    module.exports = exports;
    requireThere.cache[path] = module;
  };
  const i18nFile = join(packageDir, 'dist/locales/i18n.js');
  const i18n: unknown = requireThere('i18n');
  stub(i18nFile, async () => {
    if (!isRecord(i18n) || typeof i18n['configure'] !== 'function' || typeof i18n['setLocale'] !== 'function') throw new Error('i18n has changed shape');
    i18n['configure']({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nFile), updateFiles: false, objectNotation: true, register: globalThis });
    i18n['setLocale']('en-US');
  });
  stub(requireThere.resolve('got'), () => {
    throw new Error('Electronegativity tried to reach the network; the security check runs offline');
  });
  const runner: unknown = requireThere(join(packageDir, 'dist/runner.js'));
  if (typeof runner !== 'function') throw new Error('@doyensec/electronegativity/dist/runner.js is not a function');
  return (options, forCli) => Promise.resolve(runner(options, forCli));
}

const nameOf = (value: unknown): string => (isRecord(value) && typeof value['name'] === 'string' ? value['name'] : String(value));

/** Runs every check except AvailableSecurityFixesGlobalCheck (it downloads Electron's release list). */
export async function scan(stage: string, electronVersion: string): Promise<ScanResult> {
  const run = offlineRunner();
  const raw = await run(
    { input: stage, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], electronVersionOverride: electronVersion, isRelative: true },
    false,
  );
  if (!isRecord(raw) || !Array.isArray(raw['issues']) || !Array.isArray(raw['errors'])) throw new Error('Electronegativity returned no result');
  const findings = raw['issues'].filter(isRecord).map((issue) => ({
    check: String(issue['id']),
    severity: nameOf(issue['severity']),
    confidence: nameOf(issue['confidence']),
    file: String(issue['file']).split('\\').join('/'),
    line: isRecord(issue['location']) ? Number(issue['location']['line']) : 0,
    manualReview: issue['manualReview'] === true,
  }));
  const unreadable = raw['errors']
    .filter(isRecord)
    .filter((error) => error['tolerable'] !== true)
    .map((error) => ({ file: relative(stage, String(error['file'])), message: String(error['message']) }));
  return { findings, unreadable };
}

/** Reads build/electronegativity-accepted.json; every entry needs a check, a file and a written reason. */
export function parseAccepted(json: unknown): AcceptedFinding[] {
  if (!isRecord(json) || !Array.isArray(json['accepted'])) throw new Error('electronegativity-accepted.json: expected { "accepted": [ ... ] }');
  return json['accepted'].map((entry, index) => {
    const at = `electronegativity-accepted.json accepted[${index}]`;
    if (!isRecord(entry)) throw new Error(`${at}: expected an object`);
    const { check, file, why } = entry;
    if (typeof check !== 'string' || check === '') throw new Error(`${at}.check: must name an Electronegativity check id`);
    if (typeof file !== 'string' || file === '') throw new Error(`${at}.file: must name the file (or N/A for an app-wide finding)`);
    if (typeof why !== 'string' || why.trim().length < 40) throw new Error(`${at}.why: must explain, in a sentence or more, why this finding is acceptable`);
    return { check, file, why };
  });
}

export interface Verdict {
  /** HIGH or MEDIUM findings nobody has explained. */
  blocking: Finding[];
  accepted: { finding: Finding; why: string }[];
  /** Explanations for findings that no longer occur: stale, to be removed. */
  stale: AcceptedFinding[];
  /** LOW and INFORMATIONAL findings: printed, never blocking. */
  minor: Finding[];
}

export function judge(findings: readonly Finding[], accepted: readonly AcceptedFinding[]): Verdict {
  const verdict: Verdict = { blocking: [], accepted: [], stale: [], minor: [] };
  const matches = (entry: AcceptedFinding, finding: Finding) => entry.check === finding.check && entry.file === finding.file;
  for (const finding of findings) {
    if (!BLOCKING.has(finding.severity)) {
      verdict.minor.push(finding);
      continue;
    }
    const entry = accepted.find((candidate) => matches(candidate, finding));
    if (entry) verdict.accepted.push({ finding, why: entry.why });
    else verdict.blocking.push(finding);
  }
  verdict.stale = accepted.filter((entry) => !findings.some((finding) => matches(entry, finding)));
  return verdict;
}
