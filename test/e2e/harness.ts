/**
 * End-to-end harness: the real host (main/host/web.ts) on a temporary desk, Debian's Chromium driven
 * by playwright-core, and the checks every e2e test makes (no CSP violation, no page error, axe).
 *
 * Each test file starts its own host on its own data folder and its own browser in `beforeAll`, and
 * stops both in `afterAll`. Hosts are also killed when the test process exits, whatever happens.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3-multiple-ciphers';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = join(ROOT, 'test-results');
export const SCREENSHOT_DIR = join(RESULTS_DIR, 'screenshots');
const RENDERER_OUT = join(ROOT, 'dist/renderer/index.html');
const CHROMIUM = '/usr/bin/chromium';

/** The longest any single wait in an e2e test may take. */
export const WAIT_MS = 20_000;
/** The desk code every e2e desk mints references with. */
export const DESK = 'D07';
export const REFERENCE = /^D07-\d{6}-\d{4}$/;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------
// Building the renderer
// ---------------------------------------------------------------------------------------------

/** Newest modification time of the files the renderer bundle is built from (tests excluded). */
function newestSource(): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!/\.test\.tsx?$/.test(path)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of ['renderer/src', 'renderer/index.html', 'renderer/vite.config.ts', 'shared']) visit(join(ROOT, path));
  return newest;
}

const isStale = (): boolean => !existsSync(RENDERER_OUT) || statSync(RENDERER_OUT).mtimeMs < newestSource();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the renderer into dist/renderer once per test run, when its index.html is missing or older
 * than the newest source file. Test files run in parallel worker processes: a lock folder lets one
 * build while the others wait, and a marker naming the run (the vitest process, our parent) makes
 * the others trust that build instead of checking again.
 */
export async function ensureBuilt(): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const lock = join(RESULTS_DIR, '.e2e-build.lock');
  const marker = join(RESULTS_DIR, '.e2e-build-run');
  const run = String(process.ppid);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // The owner has not written its pid yet.
      }
      if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`ensureBuilt: another process has held ${lock} for 3 minutes`);
      else await sleep(250);
    }
  }
  try {
    // The marker: `<run> ok`, or `<run> failed` and the build's output (the other files of the run
    // then fail at once with the same message instead of building again).
    const previous = existsSync(marker) ? readFileSync(marker, 'utf8') : '';
    if (previous.startsWith(`${run} failed\n`) && statSync(marker).mtimeMs > Date.now() - 30 * 60_000) throw new Error(previous.slice(previous.indexOf('\n') + 1));
    // A run is one vitest process; the age limit guards against a later run that reuses its pid.
    const recent = existsSync(marker) && statSync(marker).mtimeMs > Date.now() - 30 * 60_000;
    const builtThisRun = recent && previous === `${run} ok` && existsSync(RENDERER_OUT);
    if (!builtThisRun && isStale()) {
      const started = Date.now();
      const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 170_000,
      });
      if (build.status !== 0 || !existsSync(RENDERER_OUT)) {
        const message = `ensureBuilt: the renderer build failed (exit ${build.status}${build.error ? `, ${build.error.message}` : ''}):\n${build.stderr}\n${build.stdout}`.trim();
        writeFileSync(marker, `${run} failed\n${message}`);
        throw new Error(message);
      }
      process.stderr.write(`e2e: built the renderer in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
    writeFileSync(marker, `${run} ok`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------------------

/** Debian's chromium; Playwright's own browser download is never used. */
export function chromiumPath(): string {
  if (!existsSync(CHROMIUM)) throw new Error("End-to-end tests need Debian's chromium at /usr/bin/chromium: run `npm run setup:e2e`");
  return CHROMIUM;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: WAIT_MS,
  });
}

// ---------------------------------------------------------------------------------------------
// The host
// ---------------------------------------------------------------------------------------------

export interface Host {
  /** The console's URL with its per-launch token. */
  url: string;
  process: ChildProcess;
  /** SIGTERM (the host closes the desk cleanly), SIGKILL if it is still there after 5 s. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, with no chance to close anything. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));

/** Starts `node --import tsx main/host/web.ts --data DIR --port 0 --desk D07` and waits for the URL it prints. */
export function startHost(dataDir: string, options: { desk?: string; policy?: string } = {}): Promise<Host> {
  const args = ['--import', 'tsx', 'main/host/web.ts', '--data', dataDir, '--port', '0', '--desk', options.desk ?? DESK, ...(options.policy ? ['--policy', options.policy] : [])];
  // node --import tsx, not the tsx binary: the binary runs the host in a grandchild that SIGKILL would miss.
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });

  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`e2e: the host on ${dataDir} exited by itself (code ${code}, signal ${signal}).\nstderr: ${stderr}\n`);
  });
  const stopWith = async (signal: NodeJS.Signals) => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const gone = exited(child);
    if (signal !== 'SIGKILL') {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    } else {
      await gone;
    }
  };

  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`startHost: no URL from the host within ${WAIT_MS} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, WAIT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`startHost: the host exited (code ${code}, signal ${signal}) before printing its URL.\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const url = /CivicDesk console: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout)?.[1];
      if (!url) return;
      clearTimeout(timer);
      done({ url, process: child, stop: () => stopWith('SIGTERM'), kill: () => stopWith('SIGKILL') });
    });
  });
}

/** Seeds `cases` generated cases into the desk at `dataDir` with the CLI (before its host starts). */
export function seedDesk(dataDir: string, cases: number, desk = DESK): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'seed', '--cases', String(cases), '--data', dataDir, '--desk', desk], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`seedDesk: the seed command failed (exit ${result.status}): ${result.stderr}${result.stdout}`);
}

/** Reads the desk database the host is writing (read-only; WAL lets both work at once). */
export function readDesk<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'desk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return read(db);
  } finally {
    db.close();
  }
}

/** Polls `probe` until it returns something other than undefined/false, or fails after WAIT_MS. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

export interface PageProblems {
  /** securitypolicyviolation events, and Chromium's own "Refused to …" console reports. */
  csp: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** console.error messages, Chromium's failed-request reports included. */
  consoleErrors: string[];
}

const CSP_TAG = '[e2e-csp-violation]';

/**
 * Listens for CSP violations (the page reports each 'securitypolicyviolation' event on the console,
 * from a script Playwright injects before the app's own, outside the page's CSP) and page errors.
 */
export async function watchProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { csp: [], pageErrors: [], consoleErrors: [] };
  await page.addInitScript((tag: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${tag} ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  }, CSP_TAG);
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(CSP_TAG)) problems.csp.push(text.slice(CSP_TAG.length + 1));
    else if (/Content Security Policy/i.test(text)) problems.csp.push(text);
    else if (message.type() === 'error') problems.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`));
  return problems;
}

/**
 * Asserts the page broke no CSP rule, threw nothing and logged no console error, except the ones a
 * test provokes on purpose (Chromium logs each refused request, "…status of 409 (Conflict)").
 */
export function expectNoProblems(problems: PageProblems, where: string, allowConsole: RegExp[] = []): void {
  expect(problems.csp, `CSP violations on ${where}`).toEqual([]);
  expect(problems.pageErrors, `uncaught page errors on ${where}`).toEqual([]);
  const unexpected = problems.consoleErrors.filter((text) => !allowConsole.some((allowed) => allowed.test(text)));
  expect(unexpected, `console errors on ${where}`).toEqual([]);
}

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
}

/** A fresh browser context and page (1366×768 unless told otherwise), watched for problems. */
export async function newPage(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  const page = await context.newPage();
  const problems = await watchProblems(page);
  return { page, problems };
}

/** What a test file works against: a fresh desk, its host, a browser and a watched page. */
export interface Suite extends OpenedPage {
  dataDir: string;
  host: Host;
  browser: Browser;
  /** Closes the browser, stops the host and removes the desk. */
  close(): Promise<void>;
}

/**
 * The start of every e2e file: checks for Chromium first (so that failure is the only one), builds
 * the console if needed, and starts a host on a new desk — seeded with `seed` cases if asked.
 */
export async function startSuite(name: string, options: { seed?: number; policy?: (dataDir: string) => string } = {}): Promise<Suite> {
  chromiumPath();
  await ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), `civicdesk-e2e-${name}-`));
  if (options.seed) seedDesk(dataDir, options.seed);
  const policy = options.policy?.(dataDir);
  const [host, browser] = await Promise.all([startHost(dataDir, policy ? { policy } : {}), launchBrowser()]);
  const opened = await newPage(browser);
  return {
    ...opened,
    dataDir,
    host,
    browser,
    close: async () => {
      await browser.close();
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the console and waits for either the sign-in screen or the signed-in app. */
export async function openConsole(page: Page, url: string): Promise<void> {
  const ready = page.locator('.signin-card, nav[aria-label="Screens"]').first();
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 1; ; attempt += 1) {
    const response = await page.goto(url);
    try {
      await ready.waitFor({ timeout: Math.max(1_000, Math.min(8_000, deadline - Date.now())) });
      return;
    } catch (error) {
      // A build running elsewhere empties dist/renderer for a few seconds (vite's emptyOutDir):
      // the host then answers 503 or the bundle 404s. Load again rather than fail on that.
      const status = response?.status() ?? 0;
      const body = (await page.locator('body').innerText().catch(() => '')).slice(0, 300);
      if (Date.now() >= deadline) throw new Error(`openConsole: the console did not appear (HTTP ${status}, page text: ${JSON.stringify(body)}): ${String(error)}`);
      process.stderr.write(`e2e: the console did not appear on attempt ${attempt} (HTTP ${status}); loading it again\n`);
    }
  }
}

/**
 * Signs in as `name`: picks the profile from the listbox with Enter when it exists, otherwise adds
 * it ("Your name", role, "Add profile and sign in"). If the desk remembers someone else, signs them
 * out first; if it remembers `name`, there is nothing to do.
 */
export async function signIn(page: Page, name: string, role: 'specialist' | 'lead' = 'specialist'): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Screens' });
  const card = page.locator('.signin-card');
  await nav.or(card).first().waitFor();
  if (await nav.isVisible()) {
    if ((await page.locator('header.header').innerText()).includes(`${name} · `)) return;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await card.waitFor();
  }
  const profiles = page.getByRole('listbox', { name: 'Agent profiles on this desk' });
  const option = profiles.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) });
  if ((await profiles.count()) > 0 && (await option.count()) > 0) {
    await option.focus();
    await page.keyboard.press('Enter');
  } else {
    await page.getByLabel('Your name').fill(name);
    const label = role === 'lead' ? 'Team lead' : 'Specialist';
    // React Aria's radio input is visually hidden under its label: press the label, as a person would.
    await page.locator('label', { hasText: label }).click();
    await waitFor(`the ${label} role to be chosen`, () => page.getByRole('radio', { name: label }).isChecked());
    await page.getByRole('button', { name: 'Add profile and sign in' }).click();
  }
  await nav.waitFor();
  await waitFor(`the header to name ${name} (${role})`, async () => (await page.locator('header.header').innerText()).includes(`${name} · ${role}`));
}

/** Saves test-results/screenshots/<name>.png: the CI artefacts. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  return path;
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((node) => `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** A violation already reported against the UI: its rule and the selector axe names for the element. */
export interface KnownViolation {
  id: string;
  target: string;
}

export interface AxeOutcome {
  /** Moderate and minor violations (printed, not failed on). */
  minor: AxeViolation[];
  /** Serious or critical violations that match a KnownViolation (not failed on here). */
  known: AxeViolation[];
}

/**
 * Runs axe on the page as it is. Fails on any 'serious' or 'critical' violation, listing each with
 * its elements, except those passed as `known` (already reported; the caller asserts on them in an
 * `it.fails`, so the suite notices the day they are fixed). Lesser ones are printed and returned.
 * The full report goes to test-results/axe/<screen>.json.
 */
export async function axeCheck(page: Page, screenName: string, options: { known?: KnownViolation[] } = {}): Promise<AxeOutcome> {
  // Only violations come back: passes and incomplete results would triple the data for nothing.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  mkdirSync(join(RESULTS_DIR, 'axe'), { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'axe', `${screenName}.json`), JSON.stringify(results.violations, null, 2));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const isKnown = (v: AxeViolation) =>
    (options.known ?? []).some((k) => k.id === v.id && v.nodes.every((node) => node.target.join(' ') === k.target));
  const known = serious.filter(isKnown);
  const blocking = serious.filter((v) => !isKnown(v));
  const minor = results.violations.filter((v) => !serious.includes(v));
  if (minor.length > 0) process.stderr.write(`axe (${screenName}): ${minor.length} minor/moderate violation(s):\n${formatViolations(minor)}\n`);
  if (known.length > 0) process.stderr.write(`axe (${screenName}): known, reported violation(s):\n${formatViolations(known)}\n`);
  if (blocking.length > 0) {
    throw new Error(`axe: ${blocking.length} serious/critical violation(s) on the ${screenName} screen:\n${formatViolations(blocking)}`);
  }
  return { minor, known };
}
