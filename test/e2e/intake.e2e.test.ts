/**
 * The intake, end to end and by keyboard: a real host on a fresh desk, Chromium, and the desk
 * database checked afterwards. Each interaction ends on the channel screen ("Logged <reference>"),
 * is found again on the Cases screen by its reference, and is checked row by row in desk.sqlite.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REFERENCE,
  expectNoProblems,
  openConsole,
  screenshot,
  signIn,
  waitFor,
  type Host,
  type PageProblems,
  startSuite,
  type Suite,
} from './harness';
import {
  anonymousCaller,
  caseByReference,
  classify,
  clockSeconds,
  countRows,
  endCall,
  findOnCasesScreen,
  finish,
  newCallerByName,
  newCallerByPhone,
  saveCase,
  startInteraction,
  toReview,
  waitFocused,
  waitForChannel,
} from './intake-flow';

describe('intake (e2e)', () => {
  let dataDir: string;
  let host: Host;
  let page: Page;
  let problems: PageProblems;
  let suite: Suite | undefined;

  beforeAll(async () => {
    suite = await startSuite('intake');
    ({ dataDir, host, page, problems } = suite);
    await openConsole(page, host.url);
    await signIn(page, 'Ana Specialist');
    await waitForChannel(page);
  }, 90_000);

  afterAll(async () => {
    await suite?.close();
  });

  it('(a) logs a phone information request by keyboard alone', async () => {
    await startInteraction(page, 'p');
    await anonymousCaller(page);
    // "bill" highlights Utility Billing Inquiry, whose usual kind is a service request (it has an
    // SLA); Alt+1 makes this call an information request.
    await classify(page, 'bill', 'Utility Billing Inquiry', 'information');
    await toReview(page);
    const reference = await saveCase(page);
    expect(reference).toMatch(REFERENCE);
    await endCall(page, reference);
    await finish(page, reference);
    await screenshot(page, 'intake-a-logged');

    const row = await findOnCasesScreen(page, reference);
    expect(row).toContain('Utility Billing Inquiry');
    expect(caseByReference(dataDir, reference)).toMatchObject({
      kind: 'information',
      channel: 'phone',
      service_code: 'billing-inquiry',
      caller_anonymous: 1,
      disposition: 'answered',
      // Information answered on first contact is resolved at wrap-up.
      status: 'resolved',
    });
    expect(caseByReference(dataDir, reference)!.talk_ms).toBeGreaterThan(0);
    expect(countRows(dataDir, 'intake_drafts')).toBe(0);
    expectNoProblems(problems, 'the intake page');
  }, 60_000);

  it('(b) refuses an incomplete service request inline, then logs it once the details are in', async () => {
    await startInteraction(page, 'p');
    await newCallerByName(page, 'Maria Lopez');
    await classify(page, 'pothole', 'Pothole');
    const details = page.getByRole('form', { name: 'Details for Pothole' });
    expect(await details.locator('.badge').innerText()).toBe('Service request');

    // Nothing filled in: Ctrl+Enter stays on the details with a message on every required field.
    await page.keyboard.press('Control+Enter');
    const alert = details.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^3 fields need attention before review\.$/);
    const sizeGroup = details.getByRole('radiogroup', { name: 'How large is the pothole?' });
    const positionGroup = details.getByRole('radiogroup', { name: 'Where on the road is it?' });
    for (const group of [sizeGroup, positionGroup]) {
      expect(await group.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await group.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe('Required');
    }
    const location = page.getByLabel('Location (address or landmark)');
    expect(await location.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#location-error').innerText()).toBe('Required: where is it?');
    await screenshot(page, 'intake-b-required');

    // Keyboard only from here: focus is on the size question; digits answer a list and move on.
    await waitFocused(sizeGroup.getByRole('radio').first(), 'the first pothole size');
    await page.keyboard.press('2'); // Dinner plate to car tire
    await waitFocused(positionGroup.getByRole('radio').first(), 'the road position question');
    await page.keyboard.press('3'); // Intersection
    await waitFocused(page.getByLabel('How many potholes are in this spot?'), 'the pothole count');
    await page.keyboard.press('Enter'); // no count
    await waitFocused(page.getByRole('radiogroup', { name: 'Was a vehicle damaged?' }).getByRole('radio').first(), 'the vehicle damage question');
    await page.keyboard.press('Enter'); // not asked
    await waitFocused(location, 'the location');
    await page.keyboard.type('4th Ave & 12 St S');
    await page.keyboard.press('Enter');
    await waitFocused(page.getByLabel('What the caller said'), 'the description');
    await page.keyboard.type('Deep hole in the eastbound lane, cars swerving around it.');
    expect(await sizeGroup.getByRole('radio', { name: /Dinner plate to car tire/ }).getAttribute('aria-checked')).toBe('true');
    expect(await positionGroup.getByRole('radio', { name: /Intersection/ }).getAttribute('aria-checked')).toBe('true');

    await toReview(page);
    const review = page.locator('table.review');
    expect(await review.innerText()).toContain('Dinner plate to car tire');
    expect(await review.innerText()).toContain('4th Ave & 12 St S');
    const reference = await saveCase(page);
    expect(reference).toMatch(REFERENCE);
    await endCall(page, reference);
    await finish(page, reference, '2'); // Service request logged

    const row = await findOnCasesScreen(page, reference);
    expect(row).toContain('Maria Lopez');
    const saved = caseByReference(dataDir, reference)!;
    expect(saved).toMatchObject({
      kind: 'service_request',
      channel: 'phone',
      service_code: 'pothole',
      status: 'open',
      disposition: 'service_request_logged',
      caller_anonymous: 0,
      caller_name: 'Maria Lopez',
      address_text: '4th Ave & 12 St S',
      description: 'Deep hole in the eastbound lane, cars swerving around it.',
    });
    expect(JSON.parse(saved.answers)).toEqual({ pothole_size: 'medium', road_position: 'intersection' });
    expect(saved.talk_ms).toBeGreaterThan(0);
    expectNoProblems(problems, 'the intake page');
  }, 60_000);

  it('(b2) a refused Ctrl+Enter moves focus to the first field that needs attention', async () => {
    await startInteraction(page, 'p');
    try {
      await anonymousCaller(page);
      await classify(page, 'pothole', 'Pothole');
      await page.getByLabel('What the caller said').focus();
      await page.keyboard.type('Caller is not sure where exactly.');
      await page.keyboard.press('Control+Enter');
      await page.getByRole('form', { name: 'Details for Pothole' }).getByRole('alert').waitFor();
      await waitFor(
        'focus on the pothole size question',
        () => page.getByRole('radiogroup', { name: 'How large is the pothole?' }).evaluate((group) => group.contains(document.activeElement)),
        2_000,
      );
    } finally {
      await page.keyboard.press('Alt+X');
      const dialog = page.getByRole('dialog', { name: 'Cancel interaction' });
      await dialog.getByRole('button', { name: 'Cancel interaction' }).click();
      await waitForChannel(page);
    }
  }, 60_000);

  it('(c) logs a walk-in', async () => {
    await startInteraction(page, 'w');
    await newCallerByName(page, 'Chen Wei');
    await classify(page, 'collection schedule', 'Collection Schedule Information');
    await toReview(page);
    expect(await page.locator('table.review').innerText()).toMatch(/Channel\s+Walk-in/);
    const reference = await saveCase(page);
    expect(reference).toMatch(REFERENCE);
    await endCall(page, reference);
    await finish(page, reference);

    expect(await findOnCasesScreen(page, reference)).toContain('Walk-in');
    const saved = caseByReference(dataDir, reference)!;
    expect(saved).toMatchObject({
      kind: 'information',
      channel: 'walk_in',
      service_code: 'collection-day-info',
      status: 'resolved',
      disposition: 'answered',
      caller_name: 'Chen Wei',
    });
    expect(saved.talk_ms).toBeGreaterThan(0);
    expectNoProblems(problems, 'the intake page');
  }, 60_000);

  it('(d) logs a chat with a new caller found by phone number', async () => {
    await startInteraction(page, 'c');
    await newCallerByPhone(page, '403-555-0142', 'Sam Okafor');
    await classify(page, 'dog licence', 'Dog Licence');
    await toReview(page);
    expect(await page.locator('table.review').innerText()).toMatch(/Channel\s+Chat/);
    const reference = await saveCase(page);
    expect(reference).toMatch(REFERENCE);
    await endCall(page, reference);
    await finish(page, reference);

    expect(await findOnCasesScreen(page, reference)).toContain('Chat');
    const saved = caseByReference(dataDir, reference)!;
    expect(saved).toMatchObject({
      kind: 'information',
      channel: 'chat',
      service_code: 'dog-licence',
      status: 'resolved',
      disposition: 'answered',
      caller_name: 'Sam Okafor',
      caller_phone: '403-555-0142',
    });
    expect(saved.talk_ms).toBeGreaterThan(0);
    expectNoProblems(problems, 'the intake page');
  }, 60_000);

  it('(e) counts hold time: Alt+H puts the caller on hold, Alt+H again resumes', async () => {
    await startInteraction(page, 'p');
    await anonymousCaller(page);
    await page.keyboard.press('Alt+H');
    const onHold = page.getByRole('status').filter({ hasText: 'Caller on hold' });
    await onHold.waitFor();
    await page.getByRole('button', { name: /^Resume caller/ }).waitFor();
    await waitFor('the hold clock to pass 0:01', async () => (await clockSeconds(page, 'hold')) >= 1);
    await page.keyboard.press('Alt+H');
    await onHold.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Hold caller/ }).waitFor();

    await classify(page, 'general city information', 'General City Information');
    await toReview(page);
    const reference = await saveCase(page);
    await endCall(page, reference);
    await finish(page, reference);

    await findOnCasesScreen(page, reference);
    const saved = caseByReference(dataDir, reference)!;
    expect(saved).toMatchObject({ channel: 'phone', kind: 'information', status: 'resolved', disposition: 'answered' });
    expect(saved.hold_ms).toBeGreaterThanOrEqual(1000);
    expect(saved.talk_ms).toBeGreaterThan(0);
    expectNoProblems(problems, 'the intake page');
  }, 60_000);

  it('(f) Alt+X cancels from the details step: back to the channel screen, nothing written, no draft left', async () => {
    const casesBefore = countRows(dataDir, 'cases');
    await startInteraction(page, 'p');
    await anonymousCaller(page);
    await classify(page, 'pothole', 'Pothole');
    await page.keyboard.type('2');
    // The draft is on the desk while the call goes on.
    await waitFor('the intake draft to be saved', () => countRows(dataDir, 'intake_drafts') === 1);

    await page.keyboard.press('Alt+X');
    const dialog = page.getByRole('dialog', { name: 'Cancel interaction' });
    await dialog.waitFor();
    await screenshot(page, 'intake-f-cancel-dialog');
    await dialog.locator('label', { hasText: 'Wrong number' }).click();
    expect(await dialog.getByRole('radio', { name: 'Wrong number' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel interaction' }).click();
    await dialog.waitFor({ state: 'detached' });

    await waitForChannel(page);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('New interaction');
    expect(await page.getByText(/^Logged /).count()).toBe(0);
    expect(await page.getByRole('complementary', { name: 'Call' }).count()).toBe(0);
    await waitFor('the draft to be discarded', () => countRows(dataDir, 'intake_drafts') === 0);
    expect(countRows(dataDir, 'cases')).toBe(casesBefore);
    expectNoProblems(problems, 'the intake page');
  }, 60_000);

  it('(g) Ctrl+Shift+Enter on the reference ends a routine call and finishes it with the usual disposition', async () => {
    await startInteraction(page, 'p');
    await anonymousCaller(page);
    await classify(page, 'bill', 'Utility Billing Inquiry', 'information');
    await toReview(page);
    const reference = await saveCase(page);
    await page.keyboard.press('Control+Shift+Enter');
    await page.getByRole('status').filter({ hasText: `Logged ${reference}` }).waitFor();
    await waitForChannel(page);
    expect(caseByReference(dataDir, reference)).toMatchObject({ disposition: 'answered', status: 'resolved' });
    expect(countRows(dataDir, 'intake_drafts')).toBe(0);
    expectNoProblems(problems, 'the intake page');
  }, 60_000);
});
