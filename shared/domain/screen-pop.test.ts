import { describe, expect, it } from 'vitest';
import { describeScreenPopProblems, parseScreenPop, screenPopFromArguments, type ScreenPopResult } from './screen-pop';

const problemsOf = (result: ScreenPopResult | null) => (result && !result.ok ? result.problems : []);
const parametersOf = (result: ScreenPopResult | null) => problemsOf(result).map((problem) => problem.parameter);

describe('parseScreenPop: links', () => {
  it('reads a phone call with its number, queue and caller-ID name', () => {
    expect(parseScreenPop('civicdesk://new?channel=phone&phone=403-555-0100&queue=Utility%20Billing&name=Sam%20Ng')).toEqual({
      ok: true,
      pop: { channel: 'phone', phone: '403-555-0100', queue: 'Utility Billing', callerName: 'Sam Ng' },
    });
  });

  it('needs only the channel; empty parameters count as not given (a withheld number)', () => {
    expect(parseScreenPop('civicdesk://new?channel=chat')).toEqual({ ok: true, pop: { channel: 'chat', phone: null, queue: null, callerName: null } });
    expect(parseScreenPop('civicdesk://new?channel=phone&phone=&queue=')).toMatchObject({ ok: true, pop: { phone: null, queue: null } });
  });

  it('takes the forms Windows and macOS hand over: a slash after new, an upper-case scheme, a + for a space', () => {
    expect(parseScreenPop('civicdesk://new/?channel=walk_in')).toMatchObject({ ok: true, pop: { channel: 'walk_in' } });
    expect(parseScreenPop('CIVICDESK://new?channel=phone&queue=Utility+Billing')).toMatchObject({ ok: true, pop: { queue: 'Utility Billing' } });
    expect(parseScreenPop('civicdesk:new?channel=phone&phone=%2B1%20403%20555%200100')).toMatchObject({ ok: true, pop: { phone: '+1 403 555 0100' } });
  });

  it('names each bad parameter, with what it got where that helps fix the phone system', () => {
    const result = parseScreenPop('civicdesk://new?channel=fax&phone={CallerID}&queue=' + 'q'.repeat(61));
    expect(problemsOf(result)).toEqual([
      { parameter: 'channel', message: 'must be phone, walk_in, chat (got "fax")' },
      { parameter: 'phone', message: 'must be a phone number of 7 to 15 digits (got "{CallerID}")' },
      { parameter: 'queue', message: 'must be at most 60 characters' },
    ]);
    expect(describeScreenPopProblems(problemsOf(result))).toMatch(/^channel must be .*; phone must be .*; queue must be/);
  });

  it('requires the channel', () => {
    expect(problemsOf(parseScreenPop('civicdesk://new?phone=4035550100'))).toEqual([{ parameter: 'channel', message: 'is required: phone, walk_in, chat' }]);
  });

  it('refuses unknown and repeated parameters', () => {
    expect(parametersOf(parseScreenPop('civicdesk://new?channel=phone&agent=7&token=x'))).toEqual(['agent', 'token']);
    expect(parametersOf(parseScreenPop('civicdesk://new?channel=phone&x%0A%5Bcivicdesk%5D=1'))).toEqual(['"x\\n[civicdesk]"']);
    expect(problemsOf(parseScreenPop('civicdesk://new?channel=phone&phone=4035550100&phone=4035550101'))).toEqual([
      { parameter: 'phone', message: 'is given 2 times; give it once' },
    ]);
  });

  it('refuses other actions, other schemes, and links with user, port or fragment', () => {
    expect(problemsOf(parseScreenPop('civicdesk://case/D07-261127-0042'))).toEqual([
      { parameter: 'action', message: 'must be civicdesk://new (got "case/D07-261127-0042")' },
    ]);
    expect(parametersOf(parseScreenPop('civicdesk://new/extra?channel=phone'))).toEqual(['action']);
    expect(problemsOf(parseScreenPop('https://new?channel=phone'))[0]?.message).toMatch(/must start with civicdesk:\/\//);
    expect(parametersOf(parseScreenPop('civicdesk://ana@new?channel=phone'))).toEqual(['link']);
    expect(parametersOf(parseScreenPop('civicdesk://new?channel=phone#x'))).toEqual(['link']);
    expect(problemsOf(parseScreenPop('not a link'))[0]).toEqual({ parameter: 'link', message: 'is not a URL (got "not a link")' });
  });

  it('refuses an oversize link before reading it', () => {
    const result = parseScreenPop(`civicdesk://new?channel=phone&name=${'a'.repeat(2000)}`);
    expect(problemsOf(result)).toEqual([{ parameter: 'link', message: 'is 2035 characters long; at most 1024' }]);
  });

  it('refuses control characters, encoded or not, and text that would read backwards', () => {
    expect(problemsOf(parseScreenPop('civicdesk://new?channel=phone&name=Sam%0ANg'))).toEqual([{ parameter: 'name', message: 'must not contain control characters' }]);
    expect(parametersOf(parseScreenPop('civicdesk://new?channel=phone&queue=Bill%E2%80%AEing'))).toEqual(['queue']);
    expect(parametersOf(parseScreenPop('civicdesk://new?channel=phone\u0007'))).toEqual(['link']);
  });

  it('refuses an over-long caller name', () => {
    expect(problemsOf(parseScreenPop(new URLSearchParams({ channel: 'phone', name: 'n'.repeat(121) })))).toEqual([
      { parameter: 'name', message: 'must be at most 120 characters' },
    ]);
  });
});

describe('parseScreenPop: parameters alone', () => {
  it('reads the same parameters from a URLSearchParams', () => {
    expect(parseScreenPop(new URLSearchParams('channel=phone&phone=4035550100'))).toMatchObject({ ok: true, pop: { channel: 'phone', phone: '4035550100' } });
    expect(parametersOf(parseScreenPop(new URLSearchParams('channel=phone&x=1')))).toEqual(['x']);
  });
});

describe('screenPopFromArguments', () => {
  it('is null when the command line asks for no screen-pop, whatever Chromium added', () => {
    expect(screenPopFromArguments(['CivicDesk.exe'])).toBeNull();
    expect(screenPopFromArguments(['CivicDesk.exe', '--allow-file-access-from-files', '--original-process-start-time=1334'])).toBeNull();
  });

  it('reads --new with --flag=value switches, in any order and among Chromium’s own', () => {
    const args = ['CivicDesk.exe', '--phone=4035550100', '--allow-file-access-from-files', '--new', '--channel=phone', '--queue=Utility Billing', '--name=Sam Ng'];
    expect(screenPopFromArguments(args)).toEqual({ ok: true, pop: { channel: 'phone', phone: '4035550100', queue: 'Utility Billing', callerName: 'Sam Ng' } });
  });

  it('names the flag, as written, for each problem', () => {
    expect(problemsOf(screenPopFromArguments(['civicdesk', '--new', '--channel', 'phone']))).toEqual([
      { parameter: '--channel', message: 'needs a value: write --channel=…' },
    ]);
    expect(problemsOf(screenPopFromArguments(['civicdesk', '--new', '--channel=fax', '--phone=12']))).toEqual([
      { parameter: '--channel', message: 'must be phone, walk_in, chat (got "fax")' },
      { parameter: '--phone', message: 'must be a phone number of 7 to 15 digits (got "••")' },
    ]);
    expect(problemsOf(screenPopFromArguments(['civicdesk', '--new']))).toEqual([{ parameter: '--channel', message: 'is required: phone, walk_in, chat' }]);
  });

  it('refuses screen-pop switches without --new', () => {
    expect(parametersOf(screenPopFromArguments(['civicdesk', '--channel=phone']))).toEqual(['--new']);
  });
});
