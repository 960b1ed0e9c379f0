import { describe, expect, it } from 'vitest';
import { screenPopFromPageUrl } from './page-url';

const BASE = 'http://127.0.0.1:5311/';

describe('screenPopFromPageUrl', () => {
  it('is nothing at all for an address that asks for no pop', () => {
    expect(screenPopFromPageUrl(`${BASE}?token=abc`)).toEqual({ request: null, cleanedUrl: null });
    expect(screenPopFromPageUrl(BASE)).toEqual({ request: null, cleanedUrl: null });
  });

  it('reads the pop and leaves only the host token in the address', () => {
    const { request, cleanedUrl } = screenPopFromPageUrl(`${BASE}?token=abc&pop=new&channel=phone&phone=403-555-0100&queue=Utility%20Billing`);
    expect(request).toEqual({ ok: true, pop: { channel: 'phone', phone: '403-555-0100', queue: 'Utility Billing', callerName: null } });
    expect(cleanedUrl).toBe(`${BASE}?token=abc`);
  });

  it('works without a token (the host’s cookie signs the page in) and keeps a #hash', () => {
    const { request, cleanedUrl } = screenPopFromPageUrl(`${BASE}?pop=new&channel=chat#top`);
    expect(request).toMatchObject({ ok: true, pop: { channel: 'chat' } });
    expect(cleanedUrl).toBe(`${BASE}#top`);
  });

  it('names the problems of a malformed pop, and still clears the address so a reload does not retry it', () => {
    expect(screenPopFromPageUrl(`${BASE}?pop=new&channel=fax&utm_source=pbx`)).toEqual({
      request: {
        ok: false,
        problems: [
          { parameter: 'utm_source', message: 'is not a screen-pop parameter (known: channel, phone, queue, name)' },
          { parameter: 'channel', message: 'must be phone, walk_in, chat (got "fax")' },
        ],
      },
      cleanedUrl: BASE,
    });
  });

  it('refuses another action, or the action twice', () => {
    expect(screenPopFromPageUrl(`${BASE}?pop=case&channel=phone`).request).toEqual({
      ok: false,
      problems: [{ parameter: 'pop', message: 'must be new (got "case")' }],
    });
    expect(screenPopFromPageUrl(`${BASE}?pop=new&pop=new&channel=phone`).request).toMatchObject({ ok: false, problems: [{ parameter: 'pop' }] });
  });
});
