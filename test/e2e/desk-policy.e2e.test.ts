/**
 * IT's machine policy and the idle lock, in the browser console (docs/it-deployment.md): a policy
 * with mistakes shows a banner naming them and the desk works offline; a valid one fixes the sync
 * settings; the console locks itself after the policy's idle time and hides everything until unlocked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { callerInput, startInteraction } from './intake-flow';
import { axeCheck, expectNoProblems, openConsole, screenshot, signIn, startSuite, waitFor, type Suite } from './harness';

const BAD_POLICY = '{ "policyVersion": 1, "server": { "url": "sync.lethbridge.example", "tenant": "lethbridge" }, "updates": { "channel": "nightly", "feedUrl": "https://u.example/" } }';
const GOOD_POLICY = {
  policyVersion: 1,
  server: { url: 'https://sync.lethbridge.example', tenant: 'lethbridge' },
  deskCode: 'D07',
  idleLockMinutes: 1,
};

const policyIn = (text: string) => (dataDir: string) => {
  const file = join(dataDir, 'policy.json');
  writeFileSync(file, text);
  return file;
};

describe('machine policy and idle lock (e2e)', () => {
  const suites: Suite[] = [];
  afterAll(async () => {
    for (const suite of suites) await suite.close();
  });

  it('names each mistake of an unusable policy on screen, and the desk still works, offline', async () => {
    const suite = await startSuite('policy-bad', { policy: policyIn(BAD_POLICY) });
    suites.push(suite);
    const { page, host, problems } = suite;
    await openConsole(page, host.url);
    const banner = page.getByRole('alert').filter({ hasText: 'machine policy cannot be used' });
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain(join(suite.dataDir, 'policy.json'));
    expect(text).toContain('server.url: must be an http:// or https:// address');
    expect(text).toContain("updates.channel: must be 'latest' or 'beta'");
    await axeCheck(page, 'sign-in with a policy banner');
    await signIn(page, 'Ana Specialist');
    await expect(page.locator('.app-main').getByRole('alert').filter({ hasText: 'works offline' }).innerText()).resolves.toContain('without syncing');
    await screenshot(page, '25-policy-banner');
    expectNoProblems(problems, 'the console under a bad policy');
  });

  it('locks after the idle time, hides the console, and unlocks where the call was', async () => {
    const suite = await startSuite('policy-lock', { policy: policyIn(JSON.stringify(GOOD_POLICY)) });
    suites.push(suite);
    const page: Page = suite.page;
    await page.clock.install();
    await openConsole(page, suite.host.url);
    await signIn(page, 'Lee Lead', 'lead');

    // The sync settings the policy fixes are read-only; the desk secret stays the desk's own.
    await page.keyboard.press('Alt+Y');
    const server = page.getByRole('textbox', { name: /Server address/ });
    await waitFor('the policy server in the form', async () => (await server.inputValue()) === 'https://sync.lethbridge.example');
    expect(await server.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByText('(set by IT)').count()).toBe(3);

    // A call under way, then the desk left alone for a minute.
    await page.keyboard.press('Alt+N');
    await startInteraction(page, 'p');
    const callerField = callerInput(page);
    await callerField.fill('403-555-0177');
    await page.clock.runFor(65_000);
    const lock = page.getByRole('heading', { name: 'Desk D07 is locked' });
    await lock.waitFor();
    expect(await page.locator('.app').isHidden()).toBe(true);
    expect(await page.getByText('403-555-0177').count()).toBe(0);
    await axeCheck(page, 'lock screen');
    await screenshot(page, '26-lock-screen');

    // Keys on the lock screen do nothing to the hidden console.
    await page.keyboard.press('Alt+L');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('nav[aria-label="Screens"]').waitFor();
    expect(await callerField.inputValue()).toBe('403-555-0177');
    // The lead's Sync screen asks the policy's server for conflicts; that server does not exist here (503 offline).
    expectNoProblems(suite.problems, 'the idle lock', [/status of 503 \(Service Unavailable\)/]);
  });
});
