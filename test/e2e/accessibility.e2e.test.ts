/**
 * Accessibility, screen by screen: axe finds no 'serious' or 'critical' violation on any screen of
 * the console, in the light and the dark theme; each screen is saved as
 * test-results/screenshots/NN-name.png (the CI artefacts), channel and cases at 1920×1080 too.
 *
 * The tests walk one session in order (each leaves the console on the next screen's doorstep);
 * navigation comes before the scan and dialogs close in `finally`, so a violation on one screen
 * does not stop the next from being checked.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeCheck,
  expectNoProblems,
  openConsole,
  readDesk,
  screenshot,
  signIn,
  waitFor,
  type Host,
  type KnownViolation,
  type PageProblems,
  startSuite,
  type Suite,
} from './harness';
import { anonymousCaller, callerInput, endCall, finish, saveCase, startInteraction, toReview, waitFocused, waitForChannel } from './intake-flow';

/** Reported UI bug: see '09b' below. */
const SHEET_NOT_SCROLLABLE_BY_KEYBOARD: KnownViolation = { id: 'scrollable-region-focusable', target: '.modal' };

describe('accessibility of every screen (e2e)', () => {
  let dataDir: string;
  let host: Host;
  let page: Page;
  let problems: PageProblems;
  let suite: Suite | undefined;
  let reference = '';

  let knownOnSheet: string[] = [];

  /** Screenshot, then axe; the CSP and page-error check after every screen. */
  async function check(name: string, options: { fullPage?: boolean; known?: KnownViolation[] } = {}): Promise<void> {
    await screenshot(page, name, options);
    const { known } = await axeCheck(page, name, options);
    if (options.known) knownOnSheet = known.map((v) => `${v.id} on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expectNoProblems(problems, name);
  }

  const casesReady = () =>
    waitFor('the case list to load', async () => /^[\d,]+ cases?$/.test((await page.getByTestId('case-count').innerText()).trim()));

  beforeAll(async () => {
    suite = await startSuite('a11y', { seed: 300 });
    ({ dataDir, host, page, problems } = suite);
  }, 90_000);

  afterAll(async () => {
    await suite?.close();
  });

  it('01 sign-in (first profile on the desk)', async () => {
    await openConsole(page, host.url);
    await page.getByLabel('Your name').waitFor();
    await check('01-sign-in');
  }, 60_000);

  it('02 channel', async () => {
    await signIn(page, 'Ana Specialist');
    await waitForChannel(page);
    await check('02-channel');
  }, 60_000);

  it('03 caller, with earlier callers matching', async () => {
    const { surname } = readDesk(dataDir, (db) =>
      db
        .prepare(
          `SELECT substr(caller_name, instr(caller_name, ' ') + 1) AS surname, count(*) AS n FROM cases
           WHERE caller_name LIKE '% %' GROUP BY surname ORDER BY n DESC, surname LIMIT 1`,
        )
        .get() as { surname: string },
    );
    await startInteraction(page, 'p');
    await page.keyboard.type(surname);
    const matches = page.getByRole('listbox', { name: 'Matching callers' });
    await matches.waitFor();
    await waitFor('several matching callers', async () => (await matches.getByRole('option').count()) >= 2);
    expect(await callerInput(page).getAttribute('aria-expanded')).toBe('true');
    await check('03-caller-matches');
  }, 60_000);

  it('04 classify', async () => {
    await anonymousCaller(page);
    await page.keyboard.type('pothole');
    await page.getByRole('listbox', { name: 'Matching service types' }).locator('[aria-selected="true"]').waitFor();
    await check('04-classify');
  }, 60_000);

  it('05 details, with inline errors', async () => {
    await page.keyboard.press('Enter');
    const details = page.getByRole('form', { name: 'Details for Pothole' });
    await details.waitFor();
    await page.keyboard.press('Control+Enter');
    await details.getByRole('alert').waitFor();
    await check('05-details-errors');
  }, 60_000);

  it('06 review', async () => {
    await waitFocused(page.getByRole('radiogroup', { name: 'How large is the pothole?' }).getByRole('radio').first(), 'the pothole size');
    await page.keyboard.press('3');
    await page.keyboard.press('1');
    await page.getByLabel('Location (address or landmark)').fill('Jasper Ave & 109 St');
    await page.getByLabel('What the caller said').fill('Large pothole in the driving lane.');
    await toReview(page);
    await check('06-review');
  }, 60_000);

  it('07 saved, with the reference', async () => {
    reference = await saveCase(page);
    await check('07-saved');
  }, 60_000);

  it('08 wrap-up', async () => {
    await endCall(page, reference);
    await check('08-wrap-up');
    await finish(page, reference);
    await screenshot(page, '08b-channel-logged');
  }, 60_000);

  it('09 shortcut sheet (?)', async () => {
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    try {
      await check('09-shortcut-sheet', { known: [SHEET_NOT_SCROLLABLE_BY_KEYBOARD] });
    } finally {
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached' });
    }
  }, 60_000);

  // The sheet's table scrolls in a focusable region, and the dialog has a Close button.
  it('09b shortcut sheet: no serious violation at all (axe scrollable-region-focusable on .modal)', () => {
    expect(knownOnSheet).toEqual([]);
  });

  it('10 cancel dialog (Alt+X)', async () => {
    await startInteraction(page, 'p');
    await page.keyboard.press('Alt+X');
    const dialog = page.getByRole('dialog', { name: 'Cancel interaction' });
    await dialog.waitFor();
    try {
      await check('10-cancel-dialog');
    } finally {
      await dialog.getByRole('button', { name: 'Cancel interaction' }).click();
      await waitForChannel(page);
    }
  }, 60_000);

  it('11 cases list', async () => {
    await page.keyboard.press('Alt+L');
    await casesReady();
    await check('11-cases');
  }, 60_000);

  it('12 case detail', async () => {
    const { reference: open } = readDesk(dataDir, (db) =>
      db.prepare("SELECT reference FROM cases WHERE status = 'open' ORDER BY created_at DESC LIMIT 1").get() as { reference: string },
    );
    await page.getByRole('searchbox', { name: 'Search cases' }).fill(open);
    await page.locator(`[data-testid="case-row"][data-reference="${open}"]`).click();
    await waitFor(`the detail of ${open}`, async () => (await page.getByTestId('case-reference').innerText().catch(() => '')).trim() === open);
    await page.getByRole('region', { name: 'Timeline' }).waitFor();
    await check('12-case-detail', { fullPage: true });
  }, 60_000);

  it('13 status dialog (Resolve)', async () => {
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Resolve case' }).waitFor();
    try {
      await check('13-status-dialog');
    } finally {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
  }, 60_000);

  it('14 channel, dark theme (Alt+T)', async () => {
    await page.keyboard.press('Alt+N');
    await waitForChannel(page);
    await page.keyboard.press('Alt+T');
    await waitFor('the dark theme', async () => (await page.locator('html').getAttribute('data-theme')) === 'dark');
    await check('14-channel-dark');
  }, 60_000);

  it('15 cases, dark theme', async () => {
    await page.keyboard.press('Alt+L');
    await casesReady();
    await check('15-cases-dark');
  }, 60_000);

  it('16 case detail, dark theme', async () => {
    await page.locator('[data-testid="case-row"]').first().click();
    await page.getByRole('region', { name: 'Timeline' }).waitFor();
    await check('16-case-detail-dark', { fullPage: true });
  }, 60_000);

  it('17 sign-in with the profile list', async () => {
    await page.keyboard.press('Alt+T'); // back to light for the rest
    await waitFor('the light theme', async () => (await page.locator('html').getAttribute('data-theme')) === 'light');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('listbox', { name: 'Agent profiles on this desk' }).waitFor();
    await check('17-sign-in-profiles');
    await signIn(page, 'Ana Specialist');
  }, 60_000);

  it('18 channel and cases at 1920×1080', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    try {
      await page.keyboard.press('Alt+N');
      await waitForChannel(page);
      await check('18-channel-1920');
      await page.keyboard.press('Alt+L');
      await casesReady();
      await check('19-cases-1920');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  }, 60_000);
});
