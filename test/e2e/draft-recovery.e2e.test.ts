/**
 * Crash recovery, end to end: a service request half taken (answers, location, description, caller
 * on hold) when the host is SIGKILLed. A new host on the same data folder brings the call back at
 * the same step with everything typed and the handle-time clock still running, and it can be
 * finished: exactly one case, no draft left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  REFERENCE,
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
} from './harness';
import {
  caseByReference,
  classify,
  clockSeconds,
  countRows,
  endCall,
  findOnCasesScreen,
  finish,
  newCallerByName,
  saveCase,
  startInteraction,
  toReview,
  waitFocused,
  waitForChannel,
} from './intake-flow';

const CALLER = 'Dana Whitehorse';
const LOCATION = 'Whyte Ave & 104 St NW';
const DESCRIPTION = 'Two deep potholes by the crosswalk; a cyclist nearly fell.';

interface DraftRow {
  snapshot: string;
}

/** The intake draft on the desk, once it holds everything typed and the caller on hold. */
function completeDraft(dataDir: string): DraftRow | undefined {
  const rows = readDesk(dataDir, (db) => db.prepare('SELECT snapshot FROM intake_drafts').all() as DraftRow[]);
  if (rows.length !== 1) return undefined;
  const snapshot = JSON.parse(rows[0]!.snapshot) as {
    value: { active?: { line?: string; flow?: { capturing?: string } } };
    context: { description: string; location: { addressText: string } | null; answers: Record<string, unknown> };
  };
  const { value, context } = snapshot;
  const ready =
    value.active?.line === 'onHold' &&
    value.active.flow?.capturing === 'details' &&
    context.description === DESCRIPTION &&
    context.location?.addressText === LOCATION &&
    context.answers.pothole_size === 'medium' &&
    context.answers.road_position === 'intersection';
  return ready ? rows[0] : undefined;
}

describe('draft recovery after a crash (e2e)', () => {
  let dataDir: string;
  let first: Host | undefined;
  let second: Host | undefined;
  let browser: Browser;
  let restoredBanner = '';

  beforeAll(async () => {
    chromiumPath(); // fails first, and alone, on a machine without Debian's chromium
    await ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'civicdesk-e2e-draft-'));
    [first, browser] = await Promise.all([startHost(dataDir), launchBrowser()]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await first?.kill();
    await second?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('restores the interaction at the same step with its answers, text, hold and clock after SIGKILL, and finishes it once', async () => {
    // --- Before the crash -------------------------------------------------------------------
    const before = await newPage(browser);
    await openConsole(before.page, first!.url);
    await signIn(before.page, 'Ana Specialist');
    const page1 = before.page;
    await startInteraction(page1, 'p');
    await newCallerByName(page1, CALLER);
    await classify(page1, 'pothole', 'Pothole');
    await page1.keyboard.press('2'); // Dinner plate to car tire
    await page1.keyboard.press('3'); // Intersection
    await waitFocused(page1.getByLabel('How many potholes are in this spot?'), 'the pothole count');
    await page1.keyboard.press('Enter');
    await page1.keyboard.press('Enter');
    await waitFocused(page1.getByLabel('Location (address or landmark)'), 'the location');
    await page1.keyboard.type(LOCATION);
    await page1.keyboard.press('Enter');
    await waitFocused(page1.getByLabel('What the caller said'), 'the description');
    await page1.keyboard.type(DESCRIPTION);
    await waitFor('the talk clock to pass 0:01', async () => (await clockSeconds(page1, 'talk')) >= 1);
    await page1.keyboard.press('Alt+H');
    await page1.getByRole('status').filter({ hasText: 'Caller on hold' }).waitFor();

    await waitFor('the draft with every answer and the hold to reach the desk', () => completeDraft(dataDir));
    const talkBefore = await clockSeconds(page1, 'talk');
    const holdBefore = await clockSeconds(page1, 'hold');
    await screenshot(page1, 'draft-before-crash');
    expectNoProblems(before.problems, 'the page before the crash');

    // --- The crash ----------------------------------------------------------------------------
    const killedAt = Date.now();
    await first!.kill();
    expect(first!.process.signalCode).toBe('SIGKILL');
    await page1.context().close();
    expect(countRows(dataDir, 'cases')).toBe(0);
    expect(countRows(dataDir, 'intake_drafts')).toBe(1);

    // --- A new host on the same desk ----------------------------------------------------------
    second = await startHost(dataDir);
    const after = await newPage(browser);
    const page2 = after.page;
    await openConsole(page2, second.url);
    // The desk remembers who was signed in, so the call comes back without a detour; signIn only
    // goes through the profile list (Enter) when the sign-in screen shows.
    await signIn(page2, 'Ana Specialist');

    const restored = page2.getByRole('status').filter({ hasText: 'Restored the interaction in progress' });
    await restored.waitFor();
    restoredBanner = (await restored.innerText()).trim();
    const details = page2.getByRole('form', { name: 'Details for Pothole' });
    await details.waitFor();
    expect(await page2.locator('ol.trail [aria-current="step"]').innerText()).toBe('Details');
    expect(await page2.getByLabel('Location (address or landmark)').inputValue()).toBe(LOCATION);
    expect(await page2.getByLabel('What the caller said').inputValue()).toBe(DESCRIPTION);
    const size = details.getByRole('radiogroup', { name: 'How large is the pothole?' });
    expect(await size.getByRole('radio', { name: /Dinner plate to car tire/ }).getAttribute('aria-checked')).toBe('true');
    const position = details.getByRole('radiogroup', { name: 'Where on the road is it?' });
    expect(await position.getByRole('radio', { name: /Intersection/ }).getAttribute('aria-checked')).toBe('true');
    const panel = page2.getByRole('complementary', { name: 'Call' });
    expect(await panel.innerText()).toContain(CALLER);
    await panel.getByRole('status').filter({ hasText: 'Caller on hold' }).waitFor();

    // The clock kept counting through the crash: talk as it was, hold grown by the time away.
    const talkAfter = await clockSeconds(page2, 'talk');
    const holdAfter = await clockSeconds(page2, 'hold');
    expect(talkAfter).toBeGreaterThanOrEqual(talkBefore);
    expect(holdAfter).toBeGreaterThanOrEqual(holdBefore + Math.floor((Date.now() - killedAt) / 1000) - 1);
    await waitFor('the hold clock to keep running', async () => (await clockSeconds(page2, 'hold')) > holdAfter, 5_000);
    await screenshot(page2, 'draft-restored');
    // Back to the caller: the talk clock runs again.
    await page2.keyboard.press('Alt+H');
    await page2.getByRole('button', { name: /^Hold caller/ }).waitFor();
    await waitFor('the talk clock to run again', async () => (await clockSeconds(page2, 'talk')) > talkAfter, 5_000);

    // --- The call finishes as if nothing happened ----------------------------------------------
    await toReview(page2);
    const reference = await saveCase(page2);
    expect(reference).toMatch(REFERENCE);
    await endCall(page2, reference);
    await finish(page2, reference, '2');
    await waitForChannel(page2);
    await findOnCasesScreen(page2, reference);

    expect(countRows(dataDir, 'cases')).toBe(1);
    await waitFor('the draft to be discarded', () => countRows(dataDir, 'intake_drafts') === 0);
    const saved = caseByReference(dataDir, reference)!;
    expect(saved).toMatchObject({
      kind: 'service_request',
      channel: 'phone',
      service_code: 'pothole',
      status: 'open',
      disposition: 'service_request_logged',
      caller_name: CALLER,
      address_text: LOCATION,
      description: DESCRIPTION,
    });
    expect(JSON.parse(saved.answers)).toEqual({ pothole_size: 'medium', road_position: 'intersection' });
    expect(saved.talk_ms).toBeGreaterThanOrEqual(talkBefore * 1000);
    expect(saved.hold_ms).toBeGreaterThanOrEqual(holdAfter * 1000);
    expectNoProblems(after.problems, 'the page after the restart');
  }, 90_000);

  it('the "Restored" banner ends its sentence with a single period', () => {
    expect(restoredBanner).toMatch(/^Restored the interaction in progress, as it was at /);
    expect(restoredBanner).not.toMatch(/\.\.$/);
  });
});
