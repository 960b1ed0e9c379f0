/**
 * Two consoles and the central server, end to end: each desk is connected from its sign-in screen,
 * agents sign in with city accounts, a case logged at one desk appears in the other's case list
 * after sync, a lead sees a conflict the server recorded, and an agent who signed in here before
 * signs in again while the server is down and keeps working.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_SCHEMA_VERSION } from '../../shared/sync';
import { createDesk } from '../../server';
import { SERVER_START_TIMEOUT_MS, api, seedTenant, signInDesk, startTestServer, type SeededTenant, type TestServer } from '../helpers/server';
import { axeCheck, chromiumPath, ensureBuilt, expectNoProblems, launchBrowser, newPage, openConsole, screenshot, startHost, waitFor, type Host, type PageProblems } from './harness';
import { anonymousCaller, classify, endCall, finish, findOnCasesScreen, saveCase, startInteraction, toReview, waitForChannel } from './intake-flow';

interface Console {
  dataDir: string;
  host: Host;
  page: Page;
  problems: PageProblems;
}

let server: TestServer;
let tenant: SeededTenant;
let browser: Browser;
const consoles: Console[] = [];

async function openDesk(code: string): Promise<Console> {
  const dataDir = mkdtempSync(join(tmpdir(), `civicdesk-e2e-sync-${code}-`));
  const host = await startHost(dataDir, { desk: code });
  const { page, problems } = await newPage(browser);
  await openConsole(page, host.url);
  const opened = { dataDir, host, page, problems };
  consoles.push(opened);
  return opened;
}

/** From the sign-in screen: "Connect this desk to the city's server…", then the settings IT gave. */
async function connect(page: Page, deskSecret: string, options: { savedSettingsArriveLate?: boolean } = {}): Promise<void> {
  // As on a busy machine: the form's saved settings arrive only after IT has typed. What was typed must stay.
  let release = () => {};
  if (options.savedSettingsArriveLate) {
    const held = new Promise<void>((done) => {
      release = done;
    });
    await page.route('**/api/getSyncSettings', async (route) => {
      await held;
      await route.continue();
    });
  }
  await page.getByRole('button', { name: /Connect this desk to the city's server/ }).click();
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('City (tenant)').fill(tenant.tenant);
  await page.getByLabel(/^Desk secret/).fill(deskSecret);
  if (options.savedSettingsArriveLate) {
    const answered = page.waitForResponse('**/api/getSyncSettings');
    release();
    await answered;
    await page.getByRole('button', { name: 'Save sync settings' }).waitFor();
    await expect.poll(() => page.getByLabel('Server address').inputValue()).toBe(server.url);
    await expect.poll(() => page.getByLabel('City (tenant)').inputValue()).toBe(tenant.tenant);
  }
  await page.getByRole('button', { name: 'Save sync settings' }).click();
  await page.getByRole('form', { name: 'Sign in with your city account' }).waitFor();
}

async function signInCity(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
}

async function syncNowAndSettle(page: Page): Promise<void> {
  await page.keyboard.press('Alt+Y');
  await page.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await waitFor('the sync screen to say nothing is waiting and a sync succeeded', async () => {
    const text = await page.locator('.sync-screen').innerText();
    return /Synced \d\d:\d\d · nothing waiting/.test(text);
  });
}

async function logInformationRequest(page: Page): Promise<string> {
  await page.keyboard.press('Alt+N');
  await waitForChannel(page);
  await startInteraction(page, 'p');
  await anonymousCaller(page);
  await classify(page, 'bill', 'Utility Billing Inquiry', 'information');
  await toReview(page);
  const reference = await saveCase(page);
  await endCall(page, reference);
  await finish(page, reference);
  return reference;
}

describe('sync between two consoles (e2e)', () => {
  beforeAll(async () => {
    chromiumPath();
    await ensureBuilt();
    server = await startTestServer();
    tenant = await seedTenant(server, { deskCodes: ['D07', 'D08'] });
    browser = await launchBrowser();
  }, SERVER_START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const opened of consoles) {
      await opened.host.stop();
      rmSync(opened.dataDir, { recursive: true, force: true });
    }
    await server?.close();
  });

  let reference = '';

  it('connects desk D07, signs in with a city account, logs a case and syncs it', async () => {
    const { page, problems } = await openDesk('D07');
    await screenshot(page, 'sync-signin-unconnected');
    await connect(page, tenant.desks[0].secret);
    await screenshot(page, 'sync-signin-city-account');
    await axeCheck(page, 'city sign-in');

    // A wrong password is refused in words, and nobody is signed in.
    await page.getByLabel('Username').fill(tenant.specialist.username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/Wrong username or password/);
    expect(await page.getByLabel('Password').inputValue()).toBe('');

    await signInCity(page, tenant.specialist.username, tenant.specialist.password);
    expect(await page.locator('header.header').innerText()).toContain(`${tenant.specialist.user.name} · specialist`);

    reference = await logInformationRequest(page);
    expect(reference).toMatch(/^D07-\d{6}-\d{4}$/);
    await syncNowAndSettle(page);
    await screenshot(page, 'sync-screen-specialist');
    await axeCheck(page, 'sync screen');
    // A specialist sees no conflicts section and cannot change the settings.
    expect(await page.getByRole('heading', { name: 'Conflicts' }).count()).toBe(0);
    expect(await page.locator('.sync-screen').innerText()).toContain('A team lead or IT changes these settings.');

    // The server holds the case with the reference this desk gave it.
    const digest = await api<{ cases: number }>(server.url, '/sync/digest', { token: tenant.desks[0].token });
    expect(digest.body.cases).toBe(1);
    // The refused password is answered 401, which Chromium logs; nothing else may be.
    expectNoProblems(problems, 'desk D07', [/status of 401/]);
  }, 120_000);

  it('shows the case on desk D08 after its first sync, and a lead the conflicts the server recorded', async () => {
    // A third desk overwrites the case's description without having seen it: the server records a conflict.
    const d09 = await createDesk(server.server.db, tenant.tenant, { code: 'D09', team: 'north' });
    const d09Token = await signInDesk(server.url, tenant.tenant, 'D09', d09.secret);
    const pulled = await api<{ rows: { type: string; case?: { id: string; reference: string; description: string } }[] }>(server.url, '/sync/pull?cursor=0', {
      token: d09Token,
    });
    const synced = pulled.body.rows.find((row) => row.type === 'case' && row.case?.reference === reference)!.case!;
    const pushed = await api(server.url, '/sync/push', {
      token: d09Token,
      body: {
        deskCode: 'D09',
        schemaVersion: MUTATION_SCHEMA_VERSION,
        mutations: [
          {
            mutationId: 1,
            schemaVersion: MUTATION_SCHEMA_VERSION,
            createdAt: Date.now(),
            mutation: { name: 'updateCase', args: { id: synced.id, before: { description: 'an older text' }, after: { description: 'Caller asked about the November bill' } } },
            event: null,
          },
        ],
      },
    });
    expect(pushed.status).toBe(200);

    const { page, problems } = await openDesk('D08');
    await connect(page, tenant.desks[1].secret, { savedSettingsArriveLate: true });
    await signInCity(page, tenant.lead.username, tenant.lead.password);
    await syncNowAndSettle(page);

    const conflicts = page.getByRole('table');
    await conflicts.waitFor();
    const text = await conflicts.innerText();
    expect(text).toContain(reference);
    expect(text).toContain('description');
    expect(text).toContain('an older text');
    expect(text).toContain('Caller asked about the November bill');
    await screenshot(page, 'sync-screen-lead-conflicts');
    await axeCheck(page, 'sync screen with conflicts');

    // The case logged at D07 is in D08's case list, under D07's reference.
    const row = await findOnCasesScreen(page, reference);
    expect(row).toContain('Utility Billing Inquiry');
    expectNoProblems(problems, 'desk D08');
  }, 120_000);

  it('lets a lead write a knowledge-base article against the server, and the other desk answers from it after its next sync', async () => {
    const [d07, d08] = consoles;
    const lead = d08!.page;
    await lead.keyboard.press('Alt+K');
    await lead.getByRole('heading', { name: 'Knowledge base', level: 1 }).waitFor();
    // The city's starter articles came with the desk's first sync.
    await lead.getByText('48 articles.', { exact: false }).waitFor();
    await lead.keyboard.press('Alt+E');
    const editor = lead.getByRole('form', { name: 'New article' });
    await editor.waitFor();
    await editor.getByLabel('Title').fill('Snow angel volunteer program');
    await editor.getByLabel(/^Body/).fill('Residents who cannot clear their sidewalk can ask for a **snow angel** volunteer. Call 311 to register.');
    await editor.getByLabel(/^Keywords/).fill('snow, sidewalk, volunteer');
    await editor.getByLabel('Department').selectOption({ label: 'Roads & Snow' });
    await editor.getByLabel('Owner').fill('Roads & Snow — customer service lead');
    await editor.getByLabel('Review by').fill('2027-10-31');
    await screenshot(lead, 'sync-kb-editor');
    await lead.keyboard.press('Control+Enter');
    await lead.getByRole('heading', { name: 'Snow angel volunteer program' }).waitFor();

    const desk = d07!.page;
    await syncNowAndSettle(desk);
    await desk.keyboard.press('Alt+K');
    const search = desk.getByLabel(/Search articles/);
    await search.fill('snow angle'); // a typo, offline, on the other desk
    await desk.getByRole('option').filter({ hasText: 'Snow angel volunteer program' }).first().waitFor();
    expectNoProblems(d08!.problems, 'desk D08 writing an article');
  }, 120_000);

  it('signs an agent in offline with the verifier cached at the last online sign-in, and keeps the work waiting', async () => {
    const [d07] = consoles;
    const page = d07!.page;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Sign in with your city account' }).waitFor();
    await server.server.close();

    await signInCity(page, tenant.specialist.username, tenant.specialist.password);
    const offlineReference = await logInformationRequest(page);
    expect(offlineReference).toMatch(/^D07-/);
    await waitFor('the header to say a change is waiting', async () => /waiting to sync/.test(await page.locator('header.header').innerText()));
    await screenshot(page, 'sync-offline-waiting');
    // Server-down failures of the background sync are expected here; nothing else may be logged.
    expectNoProblems(d07!.problems, 'desk D07 offline', [/Failed to load resource/]);
  }, 120_000);
});
