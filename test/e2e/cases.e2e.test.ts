/**
 * The Cases screen, end to end, on a desk seeded with 300 cases: search and filters agree with the
 * database, a case opens, a status change needs its note and is written, the lifecycle decides
 * which moves are offered, a stale page is told the case changed, and notes reach the timeline.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMatchQuery } from '../../main/core/cases/search-index';
import {
  expectNoProblems,
  newPage,
  openConsole,
  readDesk,
  screenshot,
  signIn,
  waitFor,
  type Host,
  type PageProblems,
  startSuite,
  type Suite,
} from './harness';
import { waitForChannel } from './intake-flow';

const SEEDED = 300;

interface Row {
  id: string;
  reference: string;
  status: string;
  version: number;
}

/** How many cases the desk holds for a WHERE clause (deleted ones never count). */
const countWhere = (dataDir: string, where: string, params: unknown[] = []): number =>
  readDesk(dataDir, (db) => (db.prepare(`SELECT count(*) AS n FROM cases WHERE deleted_at IS NULL AND ${where}`).get(...params) as { n: number }).n);

/** The number in "1,234 cases". */
async function shownCount(page: Page): Promise<number | null> {
  const text = (await page.getByTestId('case-count').innerText()).trim();
  return /^[\d,\s.]+ cases?$/.test(text) ? Number(text.replace(/\D/g, '')) : null;
}

async function waitForCount(page: Page, expected: number, what: string): Promise<void> {
  await waitFor(`the case count to read ${expected} (${what})`, async () => (await shownCount(page)) === expected && !(await page.getByText('Searching…').isVisible()));
}

/** References of the rows the virtual list has rendered. */
const shownReferences = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="case-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reference') ?? ''));

async function openCasesScreen(page: Page): Promise<Locator> {
  await page.keyboard.press('Alt+L');
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await waitFor('the first page of cases', async () => (await shownCount(page)) !== null);
  return page.getByRole('searchbox', { name: 'Search cases' });
}

/** Searches the reference on the Cases screen and opens it from the list with the keyboard. */
async function openCase(page: Page, reference: string): Promise<void> {
  const search = await openCasesScreen(page);
  await search.fill(reference);
  await page.locator(`[data-testid="case-row"][data-reference="${reference}"]`).waitFor();
  await waitFor(`${reference} to be the first row`, async () => (await shownReferences(page))[0] === reference && (await shownCount(page)) !== null);
  await search.press('Enter'); // on to the list
  await page.keyboard.press('Enter'); // open the highlighted (first) row
  await waitFor(`the detail of ${reference}`, async () => (await page.getByTestId('case-reference').innerText().catch(() => '')).trim() === reference);
}

const statusBadge = async (page: Page): Promise<string> => (await page.getByTestId('case-status').innerText()).trim();

/** Resolve… → the note → Confirm resolve, on an open case detail. */
async function resolveWithNote(page: Page, note: string): Promise<void> {
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Resolve case' }).waitFor();
  await dialog.getByRole('textbox', { name: 'Resolution note' }).fill(note);
  await dialog.getByRole('button', { name: 'Confirm resolve' }).click();
  await dialog.waitFor({ state: 'detached' });
  await waitFor('the status badge to read Resolved', async () => (await statusBadge(page)) === 'Resolved');
}

const openCases = (dataDir: string): Row[] =>
  readDesk(dataDir, (db) => db.prepare("SELECT id, reference, status, version FROM cases WHERE status = 'open' ORDER BY created_at DESC").all() as Row[]);

const caseRow = (dataDir: string, reference: string) =>
  readDesk(dataDir, (db) => db.prepare('SELECT id, status, resolution_note, version FROM cases WHERE reference = ?').get(reference) as {
    id: string;
    status: string;
    resolution_note: string | null;
    version: number;
  });

const statusEvents = (dataDir: string, caseId: string): number =>
  readDesk(dataDir, (db) => (db.prepare("SELECT count(*) AS n FROM case_events WHERE case_id = ? AND type = 'status_changed'").get(caseId) as { n: number }).n);

describe('cases (e2e)', () => {
  let dataDir: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let suite: Suite | undefined;
  let resolvedHere = '';

  beforeAll(async () => {
    suite = await startSuite('cases', { seed: SEEDED });
    ({ dataDir, host, browser, page, problems } = suite);
    await openConsole(page, host.url);
    await signIn(page, 'Ana Specialist');
    await waitForChannel(page);
  }, 90_000);

  afterAll(async () => {
    await suite?.close();
  });

  it('searches by a caller surname and by reference, agreeing with the desk database', async () => {
    const search = await openCasesScreen(page);
    await waitForCount(page, SEEDED, 'every seeded case');

    // A surname a few seeded callers share: few enough that every match is on screen at once.
    const { surname } = readDesk(dataDir, (db) =>
      db
        .prepare(
          `SELECT substr(caller_name, instr(caller_name, ' ') + 1) AS surname, count(*) AS n FROM cases
           WHERE caller_name LIKE '% %' GROUP BY surname HAVING n BETWEEN 2 AND 8 ORDER BY n DESC, surname LIMIT 1`,
        )
        .get() as { surname: string },
    );
    const withSurname = readDesk(dataDir, (db) =>
      (db.prepare("SELECT reference FROM cases WHERE caller_name LIKE '% ' || ?").all(surname) as { reference: string }[]).map((r) => r.reference),
    );
    const matching = readDesk(dataDir, (db) =>
      (
        db.prepare('SELECT reference FROM cases WHERE deleted_at IS NULL AND seq IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ?)').all(
          toMatchQuery(surname),
        ) as { reference: string }[]
      ).map((r) => r.reference),
    );
    expect(matching.length).toBeLessThanOrEqual(15);
    expect(matching).toEqual(expect.arrayContaining(withSurname));

    await search.fill(surname);
    await waitForCount(page, matching.length, `search "${surname}"`);
    // Every match is listed, and only matches.
    const references = await shownReferences(page);
    expect([...references].sort()).toEqual([...matching].sort());
    // Each row really mentions the surname, as the start of a word, somewhere the search looks.
    const word = new RegExp(`\\b${surname}`, 'i');
    for (const reference of references) {
      const found = readDesk(dataDir, (db) =>
        db
          .prepare(
            `SELECT c.caller_name, c.address_text, c.description, (SELECT group_concat(body, ' ') FROM case_notes n WHERE n.case_id = c.id) AS notes
             FROM cases c WHERE reference = ?`,
          )
          .get(reference) as Record<string, string | null>,
      );
      expect(Object.values(found).some((value) => value !== null && word.test(value)), `${reference} matches ${surname}`).toBe(true);
    }
    await screenshot(page, 'cases-search-surname');

    // A full reference.
    const { reference } = readDesk(dataDir, (db) => db.prepare('SELECT reference FROM cases ORDER BY created_at LIMIT 1 OFFSET 17').get() as { reference: string });
    await search.fill(reference);
    const byReference = countWhere(dataDir, 'seq IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ?)', [toMatchQuery(reference)]);
    await waitForCount(page, byReference, `search "${reference}"`);
    expect(byReference).toBeGreaterThanOrEqual(1);
    expect(await shownReferences(page)).toContain(reference);
    expectNoProblems(problems, 'the cases screen');
  }, 60_000);

  it('filters by channel and status; every count matches the database', async () => {
    const search = await openCasesScreen(page);
    await search.fill('');
    await waitForCount(page, SEEDED, 'no filter');

    await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'Walk-in' });
    const walkIns = countWhere(dataDir, "channel = 'walk_in'");
    expect(walkIns).toBeGreaterThan(0);
    expect(walkIns).toBeLessThan(SEEDED);
    await waitForCount(page, walkIns, 'channel Walk-in');
    for (const row of await page.locator('[data-testid="case-row"]').all()) expect(await row.innerText()).toContain('Walk-in');

    const statusGroup = page.getByRole('group', { name: 'Status' });
    const statusBox = (label: string) => statusGroup.locator('label').filter({ has: page.getByRole('checkbox', { name: label, exact: true }) });
    await statusBox('Resolved').click();
    await waitForCount(page, countWhere(dataDir, "channel = 'walk_in' AND status = 'resolved'"), 'walk-in, resolved');
    await statusBox('Closed').click();
    await waitForCount(page, countWhere(dataDir, "channel = 'walk_in' AND status IN ('resolved', 'closed')"), 'walk-in, resolved or closed');
    await screenshot(page, 'cases-filtered');

    await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'All channels' });
    const resolvedOrClosed = countWhere(dataDir, "status IN ('resolved', 'closed')");
    await waitForCount(page, resolvedOrClosed, 'resolved or closed');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForCount(page, SEEDED, 'filters cleared');
    expect(await statusGroup.getByRole('checkbox', { checked: true }).count()).toBe(0);
    expectNoProblems(problems, 'the cases screen');
  }, 60_000);

  it('opens a case and resolves it with a resolution note; a specialist is not offered Close', async () => {
    const target = openCases(dataDir)[0]!;
    await openCase(page, target.reference);
    expect(await statusBadge(page)).toBe('Open');
    await screenshot(page, 'case-detail-open');

    // A resolution without a note is refused in the dialog itself.
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Confirm resolve' }).click();
    await dialog.getByText('Write a resolution note before you confirm.').waitFor();
    expect(await statusBadge(page)).toBe('Open');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const note = 'Crew filled the hole on Tuesday; caller told by phone.';
    await resolveWithNote(page, note);
    await page.getByRole('status').filter({ hasText: `Case ${target.reference} is now resolved.` }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Status Open → Resolved').waitFor();
    expect(await timeline.innerText()).toContain(`Resolution: ${note}`);
    expect(caseRow(dataDir, target.reference)).toMatchObject({ status: 'resolved', resolution_note: note, version: target.version + 1 });

    // The lifecycle: from resolved, a specialist may reopen, not close.
    const actions = page.getByRole('region', { name: 'Status' });
    expect(await actions.getByRole('button', { name: 'Close', exact: true }).count()).toBe(0);
    expect(await actions.getByRole('button', { name: 'Reopen', exact: true }).count()).toBe(1);
    expect(await actions.getByRole('button', { name: 'Resolve', exact: true }).count()).toBe(0);
    await screenshot(page, 'case-detail-resolved');
    resolvedHere = target.reference;
    expectNoProblems(problems, 'the case detail');
  }, 60_000);

  it('adds a note and shows it in the timeline', async () => {
    expect(resolvedHere).not.toBe('');
    const { id } = caseRow(dataDir, resolvedHere);
    const noteBox = page.getByRole('textbox', { name: 'New note' });

    // An empty note is refused with a message, and nothing is written.
    await page.getByRole('button', { name: /^Add note/ }).click();
    await page.getByRole('alert').filter({ hasText: 'Write the note first.' }).waitFor();

    const body = 'Caller phoned back: thanks the crew, no further action.';
    await noteBox.fill(body);
    await noteBox.press('Control+Enter');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.locator('.timeline-note').filter({ hasText: body }).waitFor();
    await waitFor('the note box to empty', async () => (await noteBox.inputValue()) === '');
    const notes = readDesk(dataDir, (db) => db.prepare('SELECT body FROM case_notes WHERE case_id = ?').all(id) as { body: string }[]);
    expect(notes).toEqual([{ body }]);
    expectNoProblems(problems, 'the case detail');
  }, 60_000);

  it('tells a page that acts on a stale case that the case changed, and writes nothing', async () => {
    const target = openCases(dataDir)[0]!;
    const other = await newPage(browser);
    try {
      await openConsole(other.page, host.url);
      await signIn(other.page, 'Ana Specialist'); // the desk remembers her: nothing to do
      await openCase(other.page, target.reference);
      await openCase(page, target.reference);
      expect(await statusBadge(other.page)).toBe('Open');

      await resolveWithNote(page, 'Duplicate of an earlier report; fixed already.');
      const eventsAfterResolve = statusEvents(dataDir, target.id);

      // The other page still shows the case as open and offers Start work: the desk refuses it.
      expect(await statusBadge(other.page)).toBe('Open');
      await other.page.getByRole('button', { name: 'Start work', exact: true }).click();
      const banner = other.page.getByRole('alert');
      await banner.waitFor();
      expect(await banner.innerText()).toContain('The case changed before yours; it has been reloaded.');
      await screenshot(other.page, 'case-detail-conflict');
      // …and shows the case as it now is, with what a specialist may do from there.
      await waitFor('the stale page to reload the case', async () => (await statusBadge(other.page)) === 'Resolved');
      const actions = other.page.getByRole('region', { name: 'Status' });
      expect(await actions.getByRole('button', { name: 'Start work', exact: true }).count()).toBe(0);
      expect(await actions.getByRole('button', { name: 'Close', exact: true }).count()).toBe(0);

      expect(caseRow(dataDir, target.reference).status).toBe('resolved');
      expect(statusEvents(dataDir, target.id)).toBe(eventsAfterResolve);
      // The refusal itself is the one console error: Chromium reports the 409 the desk answered.
      expectNoProblems(other.problems, 'the second page', [/status of 409 \(Conflict\)/]);
    } finally {
      await other.page.context().close();
    }
    expectNoProblems(problems, 'the case detail');
  }, 60_000);

  it('offers Close to a team lead, and the profile list signs the specialist back in with Enter', async () => {
    expect(resolvedHere).not.toBe('');
    await signIn(page, 'Lee Lead', 'lead');
    await openCase(page, resolvedHere);
    expect(await statusBadge(page)).toBe('Resolved');
    await page.getByRole('region', { name: 'Status' }).getByRole('button', { name: 'Close', exact: true }).click();
    await waitFor('the status badge to read Closed', async () => (await statusBadge(page)) === 'Closed');
    expect(caseRow(dataDir, resolvedHere).status).toBe('closed');

    // Back to the specialist: her profile is in the list, Enter signs her in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    const profiles = page.getByRole('listbox', { name: 'Agent profiles on this desk' });
    await profiles.waitFor();
    expect(await profiles.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Ana Specialist'), expect.stringContaining('Lee Lead')]);
    await signIn(page, 'Ana Specialist');
    expectNoProblems(problems, 'the console');
  }, 60_000);
});
