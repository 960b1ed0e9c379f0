// `npm run security:check`: Electronegativity over what ships (the built dist/main/app and
// dist/renderer, JavaScript and HTML), offline. Fails on any HIGH or MEDIUM finding that is not
// explained in build/electronegativity-accepted.json, on an explanation that no longer matches
// anything, and on a file the scanner could not parse. Run after the shell and renderer are built
// (npm test runs dist:check, which builds them, first).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { stageBuiltApp, scan, parseAccepted, judge } = await tsImport('./dist-check/electronegativity.ts', import.meta.url);

for (const required of ['dist/main/app/main.js', 'dist/main/app/preload.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(join(root, required))) {
    console.error(`security:check scans the built app, and ${required} does not exist: run npm run build:renderer && npm run build:shell first.`);
    process.exit(1);
  }
}

const electronVersion = createRequire(import.meta.url)('electron/package.json').version;
const accepted = parseAccepted(JSON.parse(readFileSync(join(root, 'build/electronegativity-accepted.json'), 'utf8')));
const stage = mkdtempSync(join(tmpdir(), 'civicdesk-electronegativity-'));
let result;
let files;
try {
  files = await stageBuiltApp(root, stage);
  result = await scan(stage, electronVersion);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
const verdict = judge(result.findings, accepted);

const rows = [
  ...verdict.blocking.map((f) => [f.check, f.severity, f.confidence, `${f.file}${f.line ? `:${f.line}` : ''}`, 'NOT EXPLAINED']),
  ...verdict.accepted.map(({ finding: f }) => [f.check, f.severity, f.confidence, `${f.file}${f.line ? `:${f.line}` : ''}`, 'accepted']),
  ...verdict.minor.map((f) => [f.check, f.severity, f.confidence, `${f.file}${f.line ? `:${f.line}` : ''}`, 'low (informational)']),
];
const header = ['check', 'severity', 'confidence', 'where', 'status'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells) => `  ${cells.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`;
console.log(`Electronegativity ${createRequire(import.meta.url)('@doyensec/electronegativity/package.json').version} on ${files} built files (Electron ${electronVersion}, offline)`);
if (rows.length > 0) {
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}

const failures = [
  ...verdict.blocking.map((f) => `${f.severity} ${f.check} in ${f.file}: fix it, or explain it in build/electronegativity-accepted.json (check + file + why)`),
  ...verdict.stale.map((entry) => `build/electronegativity-accepted.json explains ${entry.check} in ${entry.file}, which no longer occurs: remove the entry`),
  ...result.unreadable.map((error) => `${error.file} could not be parsed, so it was not checked: ${error.message}`),
];
if (failures.length > 0) {
  console.error(`security:check failed (${failures.length}):`);
  for (const failure of failures) console.error(`  ✗ ${failure}`);
  process.exitCode = 1;
} else {
  console.log(`security:check passed: no unexplained high or medium finding (${verdict.accepted.length} accepted, ${verdict.minor.length} low)`);
}
