/**
 * Reports, end to end, as a team lead uses them: a desk holding a hand-made history imported with
 * `civicdesk import` (a Day shift of 14 June 2022 and a few cases across that year), the shift
 * summary opened with Alt+R, its figures checked against the ones worked out by hand below, a figure
 * drilled into (the right cases, one opened, Esc back), the period report for 2022, CSV and PDF
 * exports downloaded and read, the shift schedule editor refusing a duplicate name inline, and axe
 * on every screen in both themes. Screenshots go to docs/images/15-shift-summary*.png and
 * docs/images/16-period-report*.png.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHIFT_SCHEDULE, shiftAt } from '../../shared/domain/shift';
import {
  ROOT,
  axeCheck,
  chromiumPath,
  ensureBuilt,
  expectNoProblems,
  launchBrowser,
  newPage,
  openConsole,
  readDesk,
  screenshot,
  signIn,
  startHost,
  waitFor,
  type Host,
  type PageProblems,
} from './harness';

const ZONE = 'America/Edmonton';
const DOCS_IMAGES = join(ROOT, 'docs/images');

/**
 * The history, in the centre's wall-clock time. The description names each row, so the test finds
 * its case again. S1–S8 are created in the Day shift of 2022-06-14 (07:00–15:00); B1 is open from
 * before it (a missed cart: 2-day SLA, overdue by then); R1 and R2 are older cases resolved during
 * it, R2 late (a missed cart after 13 days); E1 is in the evening; M1–M3 are other months of 2022.
 */
const HISTORY = [
  ['S1', '2022-06-14 07:10', 'phone', 'information', 'billing-inquiry', 'resolved', '', 'ana', '120', 'yes'],
  ['S2', '2022-06-14 07:40', 'phone', 'service_request', 'pothole', 'open', '', 'ana', '300', 'yes'],
  ['S3', '2022-06-14 08:05', 'chat', 'information', 'general-information', 'resolved', '', 'ben', '60', 'yes'],
  ['S4', '2022-06-14 08:30', 'walk_in', 'service_request', 'missed-cart-collection', 'open', '', 'ben', '240', 'no'],
  ['S5', '2022-06-14 09:15', 'phone', 'information', 'billing-inquiry', 'resolved', '', 'ana', '180', 'yes'],
  ['S6', '2022-06-14 10:20', 'phone', 'transfer', 'agency-transfer', 'closed', '', 'ben', '90', 'yes'],
  ['S7', '2022-06-14 13:45', 'phone', 'information', 'general-information', 'cancelled', '', 'ana', '30', ''],
  ['S8', '2022-06-14 14:50', 'chat', 'service_request', 'large-item-collection', 'open', '', 'ana', '200', 'yes'],
  ['B1', '2022-06-10 09:00', 'phone', 'service_request', 'missed-cart-collection', 'open', '', 'ben', '100', 'yes'],
  ['R1', '2022-06-13 16:00', 'phone', 'service_request', 'pothole', 'resolved', '2022-06-14 11:00', 'ana', '150', 'yes'],
  ['R2', '2022-06-01 10:00', 'walk_in', 'service_request', 'missed-cart-collection', 'resolved', '2022-06-14 12:00', 'ben', '110', 'yes'],
  ['E1', '2022-06-14 16:00', 'phone', 'information', 'billing-inquiry', 'resolved', '', 'ana', '75', 'yes'],
  ['M0', '2022-01-20 09:30', 'walk_in', 'information', 'general-information', 'resolved', '', 'ben', '50', 'yes'],
  ['M1', '2022-01-15 10:00', 'phone', 'information', 'general-information', 'resolved', '', 'ana', '45', 'yes'],
  ['M2', '2022-03-03 11:00', 'walk_in', 'service_request', 'pothole', 'closed', '2022-03-05 09:00', 'ben', '200', 'yes'],
  ['M3', '2022-11-20 14:00', 'phone', 'information', 'billing-inquiry', 'resolved', '', 'ana', '80', 'yes'],
] as const;

const HEADER = 'external_id,requested_at,channel,kind,service_code,status,closed_at,agent,handle_seconds,first_contact_resolution,description';
const historyCsv = (): string => `${[HEADER, ...HISTORY.map((row) => [`E2E-${row[0]}`, ...row.slice(1), `Case ${row[0]}`].join(','))].join('\n')}\n`;

/** Imports the history with the CLI into the desk at `dataDir` (no host may be writing to it). */
function importHistory(dataDir: string): void {
  const file = join(dataDir, 'history.csv');
  writeFileSync(file, historyCsv());
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'import', file, '--data', dataDir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`civicdesk import failed (exit ${result.status}): ${result.stderr}${result.stdout}`);
}

/** The references of the history's cases by name (S1, B1…), as the import numbered them. */
const referencesOf = (dataDir: string, names: readonly string[]): string[] =>
  readDesk(dataDir, (db) => names.map((name) => (db.prepare('SELECT reference FROM cases WHERE description = ?').get(`Case ${name}`) as { reference: string }).reference));

/** The figure button whose accessible name is "<shown>, <title>". */
const figure = (scope: Page | Locator, shown: string, title: string): Locator => scope.getByRole('button', { name: `${shown}, ${title}`, exact: true });

/** The references the drill-down list shows, in order. */
const listedReferences = (page: Page): Promise<string[]> =>
  page
    .getByTestId('drill-down')
    .locator('[data-testid="case-row"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reference') ?? ''));

async function waitFocusedOn(locator: Locator, what: string): Promise<void> {
  await waitFor(`focus on ${what}`, () => locator.evaluate((element) => element === document.activeElement));
}

/**
 * Saves the screen as a CI artefact and copies it into the user guide's images; a `-full` artefact
 * shows the whole screen (the main area scrolls, not the page, so the window is made tall for it).
 */
async function docsScreenshot(page: Page, name: string): Promise<void> {
  await page.locator('.app-main').evaluate((main) => main.scrollTo(0, 0));
  const path = await screenshot(page, name);
  mkdirSync(DOCS_IMAGES, { recursive: true });
  copyFileSync(path, join(DOCS_IMAGES, `${name}.png`));
  const viewport = page.viewportSize() ?? { width: 1366, height: 768 };
  const extra = await page.locator('.app-main').evaluate((main) => main.scrollHeight - main.clientHeight);
  await page.setViewportSize({ width: viewport.width, height: viewport.height + extra });
  try {
    await screenshot(page, `${name}-full`);
  } finally {
    await page.setViewportSize(viewport);
  }
}

describe('reports (e2e)', () => {
  let dataDir: string;
  let host: Host | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    chromiumPath();
    await ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'civicdesk-e2e-reports-'));
    // The host makes the desk database; the import writes into it while no host runs.
    await (await startHost(dataDir)).stop();
    importHistory(dataDir);
    [host, browser] = await Promise.all([startHost(dataDir), launchBrowser()]);
    ({ page, problems } = await newPage(browser));
    await openConsole(page, host.url);
    await signIn(page, 'Lee Lead', 'lead');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens with Alt+R on the current shift, and says the figures are this desk only', async () => {
    const before = shiftAt(DEFAULT_SHIFT_SCHEDULE, Date.now(), ZONE);
    await page.keyboard.press('Alt+R');
    const title = page.getByRole('heading', { level: 1, name: 'Reports' });
    await waitFocusedOn(title, 'the Reports heading');
    await page.getByTestId('shift-summary').waitFor();
    const after = shiftAt(DEFAULT_SHIFT_SCHEDULE, Date.now(), ZONE);
    const date = await page.getByLabel('Shift starts on').inputValue();
    const shift = await page.getByLabel('Shift', { exact: true }).inputValue();
    // The current shift (either side of a change of shift while the page loaded).
    expect([`${before.date} ${before.shift.name}`, `${after.date} ${after.shift.name}`]).toContain(`${date} ${shift}`);
    await expect.poll(() => page.getByTestId('report-source').innerText()).toMatch(/^This desk only \(offline\)/);
    expect(await page.getByTestId('report-source').getAttribute('data-source')).toBe('desk');
    expectNoProblems(problems, 'the shift summary');
  }, 60_000);

  it('shows the Day shift of 14 June 2022 with the figures worked out by hand', async () => {
    await page.getByLabel('Shift starts on').fill('2022-06-14');
    await page.getByLabel('Shift', { exact: true }).selectOption('Day');
    const summary = page.getByTestId('shift-summary');
    await summary.getByRole('heading', { level: 2, name: /^Day shift · Tue, Jun 14, 2022 · 07:00–15:00$/ }).waitFor();
    await waitFor('the summary to settle', async () => (await summary.getAttribute('aria-busy')) === 'false');

    // Tiles: 8 created (7 not cancelled); 6 of 7 wrapped up resolved first time; resolved in the
    // shift: S1, S3, S5, S6 and the older R1, R2; open at 15:00: S2, S4, S8 and B1 (oldest, 4 d 6 h,
    // overdue); SLA breaches: R2 resolved late and B1 open and overdue.
    await figure(summary, '8', 'Interactions').waitFor();
    await figure(summary, '85.7%', 'First-contact resolution').waitFor();
    await figure(summary, '6', 'Resolved on first contact').waitFor();
    await figure(summary, '1', 'Not resolved on first contact').waitFor();
    await figure(summary, '7', 'Cases opened').waitFor();
    await figure(summary, '6', 'Cases resolved').waitFor();
    await figure(summary, '4', 'Open at shift end').waitFor();
    await figure(summary, '2', 'SLA breaches').waitFor();
    const tiles = await summary.locator('.tiles').innerText();
    expect(tiles).toContain('oldest 4 d 6 h');
    expect(tiles).toContain('1 overdue');
    expect(tiles).toContain('1 resolved late · 1 open and overdue');

    // Breakdowns.
    for (const [shown, title] of [
      ['5', 'Channel: Phone'],
      ['1', 'Channel: Walk-in'],
      ['2', 'Channel: Chat'],
      ['4', 'Kind: Information'],
      ['3', 'Kind: Service request'],
      ['1', 'Kind: Transfer'],
      ['3', 'Department: General Information'],
      ['2', 'Department: Utility Billing'],
      ['2', 'Department: Waste & Recycling'],
      ['1', 'Department: Roads & Snow'],
      ['2', 'Service type: Utility Billing Inquiry'],
      ['5', 'Agent: import:ana'],
      ['3', 'Agent: import:ben'],
      ['2', 'Hour from 07:00'],
      ['2', 'Hour from 08:00'],
      ['1', 'Hour from 14:00'],
    ] as const) {
      await figure(summary, shown, title).waitFor();
    }
    // Handle time, all kinds: 8 cases, all timed; talk 30…300 s, mean 152.5 s, median (120 + 180) / 2, p90 the largest.
    const allKinds = summary.locator('.handle-table tr', { has: page.getByRole('rowheader', { name: 'All kinds' }) });
    expect((await allKinds.innerText()).split(/\s+/)).toEqual(['All', 'kinds', '8', '8', '2:33', '2:30', '5:00', '0:00', '0:00', '0:00', '0:00', '0:00', '0:00']);

    await docsScreenshot(page, '15-shift-summary');
    await axeCheck(page, 'reports-shift-summary');
    expectNoProblems(problems, 'the shift summary of 14 June 2022');
  }, 60_000);

  it('drills into a figure: its cases, one opened, and Esc back to the same list and figure', async () => {
    const summary = page.getByTestId('shift-summary');
    const openAtEnd = figure(summary, '4', 'Open at shift end');
    await openAtEnd.focus();
    await page.keyboard.press('Enter');
    const drill = page.getByTestId('drill-down');
    await drill.getByRole('heading', { level: 2, name: 'Open at shift end' }).waitFor();
    await waitFor('the four open cases', async () => (await listedReferences(page)).length === 4);
    // Newest first: S8 14:50, S4 08:30, S2 07:40 and B1 from 10 June.
    expect(await listedReferences(page)).toEqual(referencesOf(dataDir, ['S8', 'S4', 'S2', 'B1']));
    // Times on the centre's clock, as in the report (the browser here runs in UTC).
    expect(await drill.locator('[data-testid="case-row"]').first().innerText()).toContain('2022-06-14 14:50');
    const list = drill.getByRole('listbox');
    await waitFocusedOn(list, 'the list of cases');
    await screenshot(page, 'reports-drill-down');
    await axeCheck(page, 'reports-drill-down');

    // ↓ ↓ Enter opens the third, S2; Esc comes back to the list; Esc again to the figure.
    const [s2] = referencesOf(dataDir, ['S2']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitFor(`the detail of ${s2}`, async () => (await page.getByTestId('case-reference').innerText().catch(() => '')).trim() === s2);
    await page.getByRole('button', { name: 'Back to the report' }).waitFor();
    await page.keyboard.press('Escape');
    await waitFocusedOn(list, 'the list of cases again');
    expect(await list.getAttribute('aria-activedescendant')).toBe('case-option-2');
    await page.keyboard.press('Escape');
    await waitFocusedOn(openAtEnd, 'the Open at shift end figure');

    // A breakdown figure lists exactly its cases.
    await figure(summary, '1', 'Channel: Walk-in').click();
    await drill.getByRole('heading', { level: 2, name: 'Channel: Walk-in' }).waitFor();
    await waitFor('the walk-in case', async () => (await listedReferences(page)).length === 1);
    expect(await listedReferences(page)).toEqual(referencesOf(dataDir, ['S4']));
    await drill.getByRole('button', { name: /Back to the report/ }).click();
    await summary.waitFor();
    expectNoProblems(problems, 'the drill-down');
  }, 60_000);

  it('reports 2022: totals, information and service requests, the busiest month, chat since launch', async () => {
    await page.getByRole('tab', { name: 'Shift summary' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Period report', selected: true }).waitFor();
    await page.getByLabel('From', { exact: true }).fill('2022-01-01');
    await page.getByLabel('To (included)', { exact: true }).fill('2022-12-31');
    await page.getByLabel('Top N', { exact: true }).fill('3');
    await page.getByLabel('Top N', { exact: true }).press('Enter');
    const report = page.getByTestId('period-report');
    await report.getByRole('heading', { level: 2, name: 'Jan 1, 2022 to Dec 31, 2022' }).waitFor();
    await waitFor('the report to settle', async () => (await report.getAttribute('aria-busy')) === 'false');

    await figure(report, '16', 'Interactions').waitFor();
    await figure(report, '8', 'Information requests').waitFor();
    await figure(report, '7', 'Service requests').waitFor();
    // Wrapped up: every case but S7 (15); resolved first time: all of them but S4 (14).
    await figure(report, '93.3%', 'Resolved on first contact').waitFor();
    await figure(report, 'June 2022', 'Busiest month: June 2022').waitFor();
    await figure(report, '12', 'Month: June 2022').waitFor();
    await figure(report, '2', 'Month: January 2022').waitFor();
    await figure(report, '10', 'Channel: Phone').waitFor();
    await figure(report, '4', 'Channel: Walk-in').waitFor();
    await figure(report, '2', 'Channel: Chat').waitFor();
    // Top 3 of four departments, ties in label order; the fourth (Roads & Snow: S2, R1, M2) is "1 other".
    const departments = report.getByRole('table', { name: 'Top 3 departments' });
    expect(await departments.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^General Information\s+5\s+31\.3%$/),
      expect.stringMatching(/^Utility Billing\s+4\s+25\.0%$/),
      expect.stringMatching(/^Waste & Recycling\s+4\s+25\.0%$/),
      expect.stringMatching(/^1 other\s+3\s*$/),
    ]);
    // Chat's first case is S3 (14 June, 08:05): since then S3–S8, E1 and M3, 8 in all, 2 of them chat.
    expect(await page.getByTestId('since-launch-chat').innerText()).toBe('25.0% of 8 since launch on Tue, Jun 14, 2022');
    expect(await page.getByTestId('since-launch-phone').innerText()).toBe('whole period');
    expect(await page.getByTestId('since-launch-walk_in').innerText()).toBe('whole period');

    await figure(report, '2', 'Channel: Chat').click();
    await waitFor('the two chats', async () => (await listedReferences(page)).length === 2);
    expect(await listedReferences(page)).toEqual(referencesOf(dataDir, ['S8', 'S3']));
    await page.keyboard.press('Escape');
    await report.waitFor();

    await docsScreenshot(page, '16-period-report');
    await axeCheck(page, 'reports-period');
    expectNoProblems(problems, 'the period report');
  }, 60_000);

  it('exports the period report as CSV and PDF, as the desk names them', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('report-2022-01-01-to-2022-12-31.csv');
    const text = readFileSync(await csv.path(), 'utf8');
    const lines = text.split(/\r?\n/);
    expect(lines[0]).toBe('section,code,label,count,share_percent,mean_seconds,median_seconds,p90_seconds,note');
    expect(lines).toContain('Summary,total,Interactions,16,,,,,');
    expect(lines).toContain('Summary,information,Information requests,8,,,,,');
    expect(lines).toContain('Summary,service_request,Service requests,7,,,,,');
    expect(lines.find((line) => line.startsWith('Summary,busiest_month,'))).toBe('Summary,busiest_month,Busiest month,12,,,,,June 2022');
    expect(lines.find((line) => line.startsWith('Channel,chat,'))).toBe('Channel,chat,Chat,2,12.5,,,,25% of 8 since its first case on 2022-06-14');
    await page.getByRole('status').filter({ hasText: 'Downloaded report-2022-01-01-to-2022-12-31.csv' }).waitFor();

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('report-2022-01-01-to-2022-12-31.pdf');
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expectNoProblems(problems, 'the exports');
  }, 60_000);

  it('exports the shift summary as CSV', async () => {
    await page.getByRole('tab', { name: 'Shift summary' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('shift-2022-06-14-day.csv');
    const lines = readFileSync(await csv.path(), 'utf8').split(/\r?\n/);
    expect(lines).toContain('Summary,interactions,Interactions,8,,,,,');
    expect(lines.find((line) => line.startsWith('Summary,backlog,'))).toMatch(/^Summary,backlog,Open at shift end,4,/);
  }, 60_000);

  it('looks right in the dark theme too', async () => {
    await page.keyboard.press('Alt+T');
    await waitFor('the dark theme', async () => (await page.locator('html').getAttribute('data-theme')) === 'dark');
    try {
      await page.getByTestId('shift-summary').waitFor();
      await docsScreenshot(page, '15-shift-summary-dark');
      await axeCheck(page, 'reports-shift-summary-dark');
      await page.getByRole('tab', { name: 'Period report' }).click();
      await page.getByTestId('period-report').waitFor();
      await docsScreenshot(page, '16-period-report-dark');
      await axeCheck(page, 'reports-period-dark');
    } finally {
      await page.keyboard.press('Alt+T');
      await waitFor('the light theme', async () => (await page.locator('html').getAttribute('data-theme')) === 'light');
    }
    expectNoProblems(problems, 'the dark theme');
  }, 60_000);

  it('reads at 1920×1080', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    try {
      await page.getByRole('tab', { name: 'Shift summary' }).click();
      await page.getByTestId('shift-summary').waitFor();
      await screenshot(page, 'reports-shift-summary-1920');
      await page.getByRole('tab', { name: 'Period report' }).click();
      await screenshot(page, 'reports-period-1920');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  }, 60_000);

  it('edits the shift schedule: a duplicate name is refused inline, a new shift is saved and offered', async () => {
    await page.getByRole('tab', { name: 'Shift schedule' }).click();
    const form = page.getByRole('form', { name: 'Shift schedule' });
    await form.getByRole('button', { name: 'Add a shift' }).click();
    const names = form.getByLabel('Name');
    await waitFor('a fourth shift row', async () => (await names.count()) === 4);
    const added = names.nth(3);
    await waitFocusedOn(added, 'the new shift name');
    await page.keyboard.type('day');
    await form.getByRole('button', { name: 'Save shifts' }).click();
    await expect.poll(() => added.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText("another shift is already named 'day'").count()).toBe(1);
    await axeCheck(page, 'reports-schedule-errors');
    await screenshot(page, 'reports-schedule-errors');

    await added.fill('Weekend');
    await form.getByLabel('Starts').nth(3).fill('10:00');
    await form.getByLabel('Ends').nth(3).fill('18:00');
    await form.getByRole('button', { name: 'Save shifts' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved 4 shifts.' }).waitFor();
    expect(readDesk(dataDir, (db) => (db.prepare("SELECT value FROM desk_settings WHERE key = 'shift_schedule'").get() as { value: string }).value)).toContain('"Weekend"');

    await page.getByRole('tab', { name: 'Shift summary' }).click();
    expect(await page.getByLabel('Shift', { exact: true }).locator('option').allInnerTexts()).toContain('Weekend (10:00–18:00)');
    expectNoProblems(problems, 'the shift schedule');
  }, 60_000);

  it('shows a specialist their own cases, and no period report', async () => {
    await signIn(page, 'Sam Specialist');
    await page.keyboard.press('Alt+R');
    await page.getByTestId('shift-summary').waitFor();
    await expect.poll(() => page.getByTestId('report-source').getAttribute('data-source')).toBe('own');
    expect(await page.getByTestId('report-source').innerText()).toMatch(/^Your own cases/);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['Shift summary', 'Shift schedule']);
    await page.getByRole('tab', { name: 'Shift schedule' }).click();
    await page.getByText('A team lead or admin changes the shifts.').waitFor();
    expect(await page.getByRole('button', { name: 'Save shifts' }).count()).toBe(0);
    await axeCheck(page, 'reports-schedule-specialist');
    expectNoProblems(problems, "the specialist's reports");
  }, 60_000);
});
