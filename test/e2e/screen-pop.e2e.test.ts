/**
 * Screen-pop in the browser console (docs/screen-pop.md): the phone system opens the console's
 * address with `pop=new&channel=…&phone=…&queue=…`. A real host on a fresh desk, Chromium, and the
 * desk database checked for drafts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, expectNoProblems, openConsole, screenshot, signIn, startSuite, waitFor, type Host, type PageProblems, type Suite } from './harness';
import {
  callerInput,
  classify,
  countRows,
  endCall,
  finish,
  newCallerByPhone,
  saveCase,
  startInteraction,
  toReview,
  waitFocused,
  waitForChannel,
} from './intake-flow';

const popUrl = (host: Host, params: string) => `${host.url}&pop=new&${params}`;

describe('screen-pop (e2e)', () => {
  let dataDir: string;
  let host: Host;
  let page: Page;
  let problems: PageProblems;
  let suite: Suite | undefined;
  const warnings: string[] = [];

  const incoming = () => page.locator('.screen-pop-banner');
  const queueBadge = () => page.locator('.queue-badge');
  const heading = () => page.getByRole('heading', { level: 1 }).first();

  /** Opens a pop address and waits for the console, as the phone system's browser tab would. */
  async function openPop(params: string): Promise<void> {
    await openConsole(page, popUrl(host, params));
  }

  async function cancelInteraction(): Promise<void> {
    await page.keyboard.press('Alt+X');
    const dialog = page.getByRole('dialog', { name: 'Cancel interaction' });
    await dialog.getByRole('button', { name: 'Cancel interaction' }).click();
  }

  beforeAll(async () => {
    suite = await startSuite('screen-pop');
    ({ dataDir, host, page, problems } = suite);
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await openConsole(page, host.url);
    await signIn(page, 'Ana Specialist');
    // Sam Ng has called before: the popped number must bring up that history.
    await startInteraction(page, 'p');
    await newCallerByPhone(page, '403-555-0100', 'Sam Ng');
    await classify(page, 'bill', 'Utility Billing Inquiry', 'information');
    await toReview(page);
    const reference = await saveCase(page);
    await endCall(page, reference);
    await finish(page, reference);
  }, 120_000);

  afterAll(async () => {
    await suite?.close();
  });

  it('(a) opens the intake on the caller step with the number filled in, the caller’s history and the queue badge', async () => {
    await openPop('channel=phone&phone=403-555-0100&queue=Utility%20Billing');
    await waitFocused(callerInput(page), 'the caller field');
    await waitFor('the popped number in the caller field', async () => (await callerInput(page).inputValue()) === '403-555-0100');
    expect(await heading().innerText()).toBe('Interaction in progress');
    expect(await queueBadge().innerText()).toBe('Queue: Utility Billing');
    const match = page.getByRole('listbox', { name: 'Matching callers' }).getByRole('option').first();
    await match.waitFor();
    expect(await match.innerText()).toMatch(/Sam Ng[\s\S]*403-555-0100[\s\S]*1 case/);
    // The pop left the address: only the host's token was there, and the console keeps that aside.
    expect(new URL(page.url()).search).toBe('');
    await waitFor('the popped interaction’s draft', () => countRows(dataDir, 'intake_drafts') === 1);
    await screenshot(page, 'screen-pop-a-caller-step');
    expectNoProblems(problems, 'the popped intake');
  }, 60_000);

  it('(b) a reload does not pop again; a pop during a call waits behind a banner, and Alt+P takes it after this one', async () => {
    await page.reload();
    await waitFocused(callerInput(page), 'the caller field of the restored interaction');
    expect(await queueBadge().innerText()).toBe('Queue: Utility Billing');
    expect(await incoming().count()).toBe(0);
    expect(countRows(dataDir, 'intake_drafts')).toBe(1);

    await openPop('channel=phone&phone=403-555-0199&queue=Transit');
    await incoming().waitFor();
    expect(await incoming().innerText()).toMatch(/^Incoming: 403-555-0199 \(Transit\) — Alt\+P to take it after this one/);
    // Undisturbed: still the first caller's interaction.
    expect(await queueBadge().innerText()).toBe('Queue: Utility Billing');
    await screenshot(page, 'screen-pop-b-incoming-banner');
    await axeCheck(page, 'screen-pop-banner');

    await page.keyboard.press('Alt+P');
    await waitFor('the banner to say when it starts', async () => /starts when this interaction ends/.test(await incoming().innerText()));
    await cancelInteraction();
    await waitFor('the waiting pop to start', async () => (await queueBadge().innerText().catch(() => '')) === 'Queue: Transit');
    await waitFor('its number in the caller field', async () => (await callerInput(page).inputValue()) === '403-555-0199');
    expect(await incoming().count()).toBe(0);
    expectNoProblems(problems, 'the waiting pop');
  }, 60_000);

  it('(c) a malformed pop opens nothing: no interaction, a clean address, a warning naming each problem', async () => {
    await cancelInteraction();
    await waitForChannel(page);
    await waitFor('the cancelled interaction’s draft to go', () => countRows(dataDir, 'intake_drafts') === 0);
    warnings.length = 0;

    await openPop('channel=fax&phone=12&agent=7');
    const warning = await waitFor('the refusal on the console', () => warnings.find((text) => text.includes('screen-pop')));
    expect(warning).toBe(
      'CivicDesk: screen-pop from the page address refused, nothing opened: agent is not a screen-pop parameter (known: channel, phone, queue, name); ' +
        'channel must be phone, walk_in, chat (got "fax"); phone must be a phone number of 7 to 15 digits (got "••")',
    );
    await waitForChannel(page);
    expect(await heading().innerText()).toBe('New interaction');
    expect(await incoming().count()).toBe(0);
    expect(await callerInput(page).count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    expect(countRows(dataDir, 'intake_drafts')).toBe(0);
    expectNoProblems(problems, 'the malformed pop');
  }, 60_000);
});
