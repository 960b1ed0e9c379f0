import { z } from 'zod';
import { PhoneSchema } from './case';
import { ChannelSchema } from './enums';

/**
 * A screen-pop: a telephony system (or a chat or walk-in queue) asks the console to open a new
 * interaction for a caller it already knows something about. It arrives as a `civicdesk://new?…`
 * link, as command-line flags, or in the browser console's own address (docs/screen-pop.md).
 */
export const SCREEN_POP_SCHEME = 'civicdesk';
export const SCREEN_POP_ACTION = 'new';
export const SCREEN_POP_PARAMETERS = ['channel', 'phone', 'queue', 'name'] as const;
type ScreenPopParameter = (typeof SCREEN_POP_PARAMETERS)[number];

/** A whole link longer than any real one is refused before it is read (a link is attacker-typed text). */
export const MAX_SCREEN_POP_LENGTH = 1024;

// C0 and C1 controls, and the bidirectional overrides that can make a name read backwards on screen.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), 'must not contain control characters');

export const ScreenPopSchema = z.object({
  channel: ChannelSchema,
  /** The caller's number as the phone system sends it; null when withheld or not a call. */
  phone: PhoneSchema.nullable(),
  /** The queue or hunt group the call came through, e.g. "Utility Billing". */
  queue: text(60).nullable(),
  /** The caller-ID name, when the phone system has one. */
  callerName: text(120).nullable(),
});
export type ScreenPop = z.infer<typeof ScreenPopSchema>;

export interface ScreenPopProblem {
  /** The parameter as it was given (`phone`, `--phone`), or `link` for the link as a whole. */
  parameter: string;
  message: string;
}
export type ScreenPopResult = { ok: true; pop: ScreenPop } | { ok: false; problems: ScreenPopProblem[] };

const shown = (value: string): string => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
const refused = (parameter: string, message: string): ScreenPopResult => ({ ok: false, problems: [{ parameter, message }] });

/** Where a parameter's name comes from, so a problem names it as the person wrote it. */
type NameOf = (parameter: string) => string;

function popFromParameters(params: URLSearchParams, nameOf: NameOf): ScreenPopResult {
  const problems: ScreenPopProblem[] = [];
  const values: Partial<Record<ScreenPopParameter, string>> = {};
  for (const key of new Set(params.keys())) {
    const given = params.getAll(key);
    if (!(SCREEN_POP_PARAMETERS as readonly string[]).includes(key)) {
      // An unknown name is the sender's text: quoted and cut short when odd, so it cannot forge log lines.
      const named = /^[\w-]{1,40}$/.test(key) ? nameOf(key) : shown(key);
      problems.push({ parameter: named, message: `is not a screen-pop parameter (known: ${SCREEN_POP_PARAMETERS.map(nameOf).join(', ')})` });
    } else if (given.length > 1) {
      problems.push({ parameter: nameOf(key), message: `is given ${given.length} times; give it once` });
    } else if (CONTROL.test(given[0]!)) {
      problems.push({ parameter: nameOf(key), message: 'must not contain control characters' });
    } else if (given[0] !== '') {
      // A phone system's template leaves a parameter empty when it has nothing (a withheld number).
      values[key as ScreenPopParameter] = given[0]!;
    }
  }
  if (values.channel === undefined && !problems.some((problem) => problem.parameter === nameOf('channel'))) {
    problems.push({ parameter: nameOf('channel'), message: `is required: ${ChannelSchema.options.join(', ')}` });
  }
  const parsed = ScreenPopSchema.safeParse({
    channel: values.channel ?? 'phone',
    phone: values.phone ?? null,
    queue: values.queue ?? null,
    callerName: values.name ?? null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      const key = field === 'callerName' ? 'name' : (field as ScreenPopParameter);
      // What was given helps whoever set up the phone system ("{CallerID}" never filled in); a
      // caller's digits stay out of the log.
      const got = key === 'channel' ? ` (got ${shown(values[key] ?? '')})` : key === 'phone' ? ` (got ${shown((values.phone ?? '').replace(/\d/g, '•'))})` : '';
      const message = key === 'channel' ? `must be ${ChannelSchema.options.join(', ')}` : issue.message;
      problems.push({ parameter: nameOf(key), message: `${message}${got}` });
    }
  }
  return problems.length > 0 || !parsed.success ? { ok: false, problems } : { ok: true, pop: parsed.data };
}

/** `civicdesk://new?channel=phone&phone=…&queue=…&name=…`; Windows may add a `/` after `new`. */
function popFromLink(link: string): ScreenPopResult {
  if (link.length > MAX_SCREEN_POP_LENGTH) return refused('link', `is ${link.length} characters long; at most ${MAX_SCREEN_POP_LENGTH}`);
  if (CONTROL.test(link)) return refused('link', 'must not contain control characters');
  if (!URL.canParse(link)) return refused('link', `is not a URL (got ${shown(link)})`);
  const url = new URL(link);
  if (url.protocol !== `${SCREEN_POP_SCHEME}:`) return refused('link', `must start with ${SCREEN_POP_SCHEME}:// (got ${shown(url.protocol)})`);
  if (url.username || url.password || url.port || url.hash) return refused('link', 'must have no user, password, port or #fragment');
  const action = url.host === '' ? url.pathname : `${url.host}${url.pathname}`;
  if (action.replace(/\/$/, '') !== SCREEN_POP_ACTION) {
    return refused('action', `must be ${SCREEN_POP_SCHEME}://${SCREEN_POP_ACTION} (got ${shown(action)})`);
  }
  return popFromParameters(url.searchParams, (name) => name);
}

/**
 * Parses a screen-pop: a whole `civicdesk://new?…` link, or the parameters alone (the browser
 * console's address). Every problem is named, so the log says what to fix in the phone system.
 */
export function parseScreenPop(input: string | URLSearchParams): ScreenPopResult {
  if (typeof input === 'string') return popFromLink(input);
  if (input.toString().length > MAX_SCREEN_POP_LENGTH) return refused('link', `is longer than ${MAX_SCREEN_POP_LENGTH} characters`);
  return popFromParameters(input, (name) => name);
}

const FLAG = /^--([a-z-]+)(?:=([\s\S]*))?$/i;
const NEW_FLAG = `--${SCREEN_POP_ACTION}`;

/**
 * The command-line form: `civicdesk --new --channel=phone --phone=4035551234 --queue="Utility
 * Billing" --name=…`. Only `--flag=value`: Chromium reorders a relaunch's switches and their loose
 * values, so `--phone 403…` would not survive the trip to the running desk. Null when the arguments
 * ask for no screen-pop; switches that are not ours (Chromium adds its own) are ignored.
 */
export function screenPopFromArguments(args: readonly string[]): ScreenPopResult | null {
  const params = new URLSearchParams();
  const problems: ScreenPopProblem[] = [];
  let asked = false;
  for (const arg of args) {
    const match = FLAG.exec(arg);
    if (!match) continue;
    const [, rawName, value] = match;
    const name = rawName!.toLowerCase();
    if (`--${name}` === NEW_FLAG) asked = true;
    else if (!(SCREEN_POP_PARAMETERS as readonly string[]).includes(name)) continue;
    else if (value === undefined) problems.push({ parameter: `--${name}`, message: `needs a value: write --${name}=…` });
    else params.append(name, value);
  }
  if (!asked && params.size === 0 && problems.length === 0) return null;
  if (!asked) problems.unshift({ parameter: NEW_FLAG, message: `is missing: a screen-pop starts with ${NEW_FLAG}` });
  const result = popFromParameters(params, (name) => `--${name}`);
  if (problems.length === 0) return result;
  const named = new Set(problems.map((problem) => problem.parameter));
  return { ok: false, problems: [...problems, ...(result.ok ? [] : result.problems.filter((problem) => !named.has(problem.parameter)))] };
}

/** One line for a log: every problem, each naming its parameter. */
export const describeScreenPopProblems = (problems: readonly ScreenPopProblem[]): string =>
  problems.map((problem) => `${problem.parameter} ${problem.message}`).join('; ');
