import { describe, expect, it } from 'vitest';
import type { ScreenPop } from '../../shared/domain/screen-pop';
import { SCREEN_POP_CHANNEL, SCREEN_POP_READY_CHANNEL } from '../../shared/contract/screen-pop';
import { createSenderCheck } from './ipc';
import { createScreenPopDelivery, listenForScreenPopReady, type ReadyEventLike } from './screen-pop';

const pop = (phone: string): ScreenPop => ({ channel: 'phone', phone, queue: 'Utility Billing', callerName: null });
const ok = (value: ScreenPop) => ({ ok: true as const, pop: value });

function setup() {
  const lines: string[] = [];
  const delivered: ScreenPop[] = [];
  const delivery = createScreenPopDelivery((line) => lines.push(line));
  return { lines, delivered, delivery, send: (value: ScreenPop) => delivered.push(value) };
}

describe('screen-pop delivery', () => {
  it('keeps pops that arrive before the console listens, and hands them over once when it does', () => {
    const { delivery, delivered, send } = setup();
    delivery.accept(ok(pop('4035550100')), 'the command line');
    expect(delivered).toEqual([]);
    delivery.ready(send);
    delivery.ready(send);
    expect(delivered).toEqual([pop('4035550100')]);
    delivery.accept(ok(pop('4035550101')), 'a second launch');
    expect(delivered).toEqual([pop('4035550100'), pop('4035550101')]);
  });

  it('keeps them again while the page reloads', () => {
    const { delivery, delivered, send } = setup();
    delivery.ready(send);
    delivery.notReady();
    delivery.accept(ok(pop('4035550102')), 'open-url');
    expect(delivered).toEqual([]);
    delivery.ready(send);
    expect(delivered).toEqual([pop('4035550102')]);
  });

  it('logs a malformed pop with every problem, and opens nothing', () => {
    const { delivery, delivered, lines, send } = setup();
    delivery.ready(send);
    delivery.accept({ ok: false, problems: [{ parameter: 'channel', message: 'is required: phone, walk_in, chat' }, { parameter: 'x', message: 'is not a screen-pop parameter' }] }, 'a second launch');
    expect(delivered).toEqual([]);
    expect(lines).toEqual(['screen-pop from a second launch refused, nothing opened: channel is required: phone, walk_in, chat; x is not a screen-pop parameter']);
  });

  it('logs a valid pop without the caller’s number, and ignores a launch that asked for none', () => {
    const { delivery, lines } = setup();
    delivery.accept(null, 'the command line');
    delivery.accept(ok(pop('4035550100')), 'the command line');
    expect(lines).toEqual(['screen-pop from the command line: new phone interaction (queue "Utility Billing")']);
    expect(lines.join('\n')).not.toContain('4035550100');
  });

  it('keeps at most five waiting, dropping the oldest', () => {
    const { delivery, delivered, lines, send } = setup();
    for (let i = 0; i < 7; i += 1) delivery.accept(ok(pop(`403555010${i}`)), 'a second launch');
    delivery.ready(send);
    expect(delivered.map((p) => p.phone)).toEqual(['4035550102', '4035550103', '4035550104', '4035550105', '4035550106']);
    expect(lines.filter((line) => line.includes('oldest is dropped'))).toHaveLength(2);
  });
});

describe('listenForScreenPopReady', () => {
  function wire() {
    const listeners = new Map<string, (event: ReadyEventLike, listening: unknown) => void>();
    const { delivery, lines } = setup();
    listenForScreenPopReady({ on: (channel, listener) => listeners.set(channel, listener) }, {
      isTrustedSender: createSenderCheck(() => 7),
      delivery,
      log: (line) => lines.push(line),
    });
    const sent: [string, unknown][] = [];
    const event = (url: string, id = 7, parent: unknown = null): ReadyEventLike => ({
      sender: { id, send: (channel, value) => sent.push([channel, value]), isDestroyed: () => false },
      senderFrame: { url, parent },
    });
    const signal = listeners.get(SCREEN_POP_READY_CHANNEL)!;
    return { delivery, lines, sent, event, signal };
  }

  it('delivers to the CivicDesk window once it says it listens, and keeps pops while it does not', () => {
    const { delivery, sent, event, signal } = wire();
    delivery.accept(ok(pop('4035550100')), 'the command line');
    signal(event('app://civicdesk/index.html'), true);
    expect(sent).toEqual([[SCREEN_POP_CHANNEL, pop('4035550100')]]);
    signal(event('app://civicdesk/index.html'), false);
    delivery.accept(ok(pop('4035550101')), 'a second launch');
    expect(sent).toHaveLength(1);
  });

  it('refuses the signal from another window or a subframe: the caller’s number goes nowhere else', () => {
    const { delivery, sent, event, signal, lines } = wire();
    delivery.accept(ok(pop('4035550100')), 'the command line');
    signal(event('app://civicdesk/index.html', 8), true);
    signal(event('https://evil.example/', 7), true);
    signal(event('app://civicdesk/index.html', 7, {}), true);
    expect(sent).toEqual([]);
    expect(lines.filter((line) => line.startsWith('screen-pop: ready signal refused'))).toHaveLength(3);
  });
});
