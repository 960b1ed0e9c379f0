/**
 * Steps of the intake as a specialist drives it, by keyboard: each helper presses the keys of the
 * keyboard model (renderer/src/features/shortcuts/shortcut-table.ts) and waits until the screen has
 * really moved on, so a test never types into a step that is not there yet.
 */
import type { Locator, Page } from 'playwright-core';
import { readDesk, waitFor } from './harness';

/** Waits until `locator` holds the keyboard focus. */
export async function waitFocused(locator: Locator, what: string): Promise<void> {
  await locator.waitFor();
  await waitFor(`focus on ${what}`, () => locator.evaluate((element) => element === document.activeElement));
}

/**
 * The channel screen, ready for a key: its first button takes focus in the same commit that installs
 * the P/W/C shortcuts, so a focused "Phone call" means a key press will be heard.
 */
export async function waitForChannel(page: Page): Promise<void> {
  await waitFocused(page.getByRole('button', { name: /^Phone call/ }), 'the Phone call button');
}

export const callerInput = (page: Page): Locator => page.getByLabel("Caller's phone number or name");
export const typeInput = (page: Page): Locator => page.getByLabel(/^What is it about\?/);

/** Presses P, W or C on the channel screen and waits for the caller step. */
export async function startInteraction(page: Page, key: 'p' | 'w' | 'c'): Promise<void> {
  await waitForChannel(page);
  await page.keyboard.press(key);
  await waitFocused(callerInput(page), 'the caller field');
}

/** Alt+A on the caller step. */
export async function anonymousCaller(page: Page): Promise<void> {
  await page.keyboard.press('Alt+A');
  await waitFocused(typeInput(page), 'the service type field');
}

/** Types a name and presses Enter: a new caller with that name (on a desk with no caller of that name). */
export async function newCallerByName(page: Page, name: string): Promise<void> {
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await waitFocused(typeInput(page), 'the service type field');
}

/** Types a phone number, Enter, then the name asked for in "New caller at … : name", Enter. */
export async function newCallerByPhone(page: Page, phone: string, name: string): Promise<void> {
  await page.keyboard.type(phone);
  await page.keyboard.press('Enter');
  await waitFocused(page.getByLabel(`New caller at ${phone}: name`), 'the new caller name field');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await waitFocused(typeInput(page), 'the service type field');
}

const KIND_KEYS = { information: 'Alt+1', service_request: 'Alt+2', feedback: 'Alt+3', transfer: 'Alt+4' } as const;

/**
 * Types `query` into the type-ahead, waits until `expectedType` is the highlighted match, sets the
 * kind with Alt+1…4 when asked, and takes the type with Enter; waits for the details form.
 */
export async function classify(page: Page, query: string, expectedType: string, kind?: keyof typeof KIND_KEYS): Promise<void> {
  await page.keyboard.type(query);
  const highlighted = page.getByRole('listbox', { name: 'Matching service types' }).locator('[role="option"][aria-selected="true"]');
  await waitFor(`"${expectedType}" to be the highlighted type for "${query}"`, async () =>
    (await highlighted.count()) === 1 && (await highlighted.locator('strong').innerText()) === expectedType,
  );
  if (kind) {
    await page.keyboard.press(KIND_KEYS[kind]);
    await waitFor(`the kind ${kind} to be checked`, async () =>
      (await page.getByRole('radiogroup', { name: 'Kind of interaction' }).locator('[aria-checked="true"]').count()) === 1,
    );
  }
  await page.keyboard.press('Enter');
  await page.getByRole('form', { name: `Details for ${expectedType}` }).waitFor();
}

/** Ctrl+Enter on the details step, expecting the review. */
export async function toReview(page: Page): Promise<void> {
  await page.keyboard.press('Control+Enter');
  await waitFocused(page.getByRole('button', { name: /^Save and get reference/ }), 'the Save button on the review');
}

/** Ctrl+Enter on the review: saves the case; returns the reference shown. */
export async function saveCase(page: Page): Promise<string> {
  await page.keyboard.press('Control+Enter');
  const reference = page.getByTestId('saved-reference');
  await waitFocused(reference, 'the saved reference');
  return (await reference.innerText()).trim();
}

/** Ctrl+Enter on the saved step: the call ends and wrap-up starts. */
export async function endCall(page: Page, reference: string): Promise<void> {
  await page.keyboard.press('Control+Enter');
  await page.getByRole('heading', { name: `Wrap-up · ${reference}` }).waitFor();
  await waitFor('a disposition radio to take focus', () =>
    page.evaluate(() => document.activeElement?.getAttribute('role') === 'radio' && document.activeElement.closest('[aria-labelledby="disposition-label"]') !== null),
  );
}

/** On wrap-up: optionally a disposition digit (1…7), then Ctrl+Enter; waits for "Logged <reference>". */
export async function finish(page: Page, reference: string, dispositionKey?: string): Promise<void> {
  if (dispositionKey) {
    await page.keyboard.press(dispositionKey);
    await waitFor(`disposition ${dispositionKey} to be checked`, async () => {
      const checked = page.getByRole('radiogroup', { name: 'Disposition' }).locator('[aria-checked="true"]');
      return (await checked.count()) === 1 && (await checked.innerText()).trim().startsWith(dispositionKey);
    });
  }
  await page.keyboard.press('Control+Enter');
  await page.getByRole('status').filter({ hasText: `Logged ${reference}` }).waitFor();
  await waitForChannel(page);
}

/**
 * Alt+L, searches the Cases screen for the reference and checks it is the one row found; returns
 * the row's text. Alt+N brings the intake back.
 */
export async function findOnCasesScreen(page: Page, reference: string): Promise<string> {
  await page.keyboard.press('Alt+L');
  const search = page.getByRole('searchbox', { name: 'Search cases' });
  await search.fill(reference);
  const row = page.locator(`[data-testid="case-row"][data-reference="${reference}"]`);
  await row.waitFor();
  await waitFor('the case count to read "1 case"', async () => (await page.getByTestId('case-count').innerText()).trim() === '1 case');
  const text = await row.innerText();
  await page.keyboard.press('Alt+N');
  await waitForChannel(page);
  return text;
}

export interface CaseRecord {
  id: string;
  reference: string;
  kind: string;
  channel: string;
  service_code: string;
  status: string;
  disposition: string | null;
  caller_anonymous: number;
  caller_name: string | null;
  caller_phone: string | null;
  address_text: string | null;
  answers: string;
  description: string;
  talk_ms: number;
  hold_ms: number;
  wrap_up_ms: number;
}

/** The case row with this reference in the desk database, or undefined. */
export function caseByReference(dataDir: string, reference: string): CaseRecord | undefined {
  return readDesk(dataDir, (db) => db.prepare('SELECT * FROM cases WHERE reference = ?').get(reference) as CaseRecord | undefined);
}

export const countRows = (dataDir: string, table: 'cases' | 'intake_drafts' | 'case_notes'): number =>
  readDesk(dataDir, (db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

/** "m:ss" from the handle-time panel, in seconds. */
export async function clockSeconds(page: Page, which: 'talk' | 'hold' | 'wrap'): Promise<number> {
  const text = (await page.getByTestId(`clock-${which}`).innerText()).trim();
  const match = /^(\d+):(\d{2})$/.exec(text);
  if (!match) throw new Error(`clock-${which} reads '${text}', not m:ss`);
  return Number(match[1]) * 60 + Number(match[2]);
}
