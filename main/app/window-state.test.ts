import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  createWindowStateSaver,
  parseWindowState,
  placeWindow,
  readWindowState,
  writeWindowState,
  type Rect,
  type WindowState,
} from './window-state';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-window-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good: WindowState = { x: 120, y: 80, width: 1400, height: 900, maximized: false };

describe('reading and writing the window state', () => {
  it('round-trips good bounds', () => {
    const file = join(dir, 'round-trip.json');
    writeWindowState(file, good);
    expect(readWindowState(file)).toEqual(good);
    writeWindowState(file, { ...good, maximized: true });
    expect(readWindowState(file)).toEqual({ ...good, maximized: true });
  });

  it('falls back to the defaults, and says why, when the file is not JSON', () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{"x": 12, "y":');
    const log = vi.fn<(message: string) => void>();
    expect(readWindowState(file, log)).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('not JSON'));
  });

  it('names the values it did not accept', () => {
    const log = vi.fn<(message: string) => void>();
    expect(parseWindowState(JSON.stringify({ ...good, width: 'wide', maximized: 'yes' }), log)).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/width.*maximized/));
    expect(parseWindowState('null', log)).toBeNull();
    expect(parseWindowState(JSON.stringify({ ...good, x: 10.5 }), log)).toBeNull();
  });

  it('is quiet when there is no file yet (the first start)', () => {
    const log = vi.fn<(message: string) => void>();
    expect(readWindowState(join(dir, 'never-written.json'), log)).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });

  it('writes a whole file or none', () => {
    const file = join(dir, 'whole.json');
    writeWindowState(file, good);
    expect(() => writeWindowState(file, { ...good, width: Number.NaN })).toThrow();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(good);
  });
});

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const small: Rect = { x: 0, y: 0, width: 1280, height: 680 };

describe('placeWindow', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(placeWindow(null, [laptop, rightMonitor])).toEqual({
      bounds: { ...DEFAULT_WINDOW_SIZE, x: (1920 - 1366) / 2, y: (1040 - 768) / 2 },
      maximized: false,
    });
  });

  it('keeps good bounds as they were', () => {
    expect(placeWindow(good, [laptop])).toEqual({ bounds: { x: 120, y: 80, width: 1400, height: 900 }, maximized: false });
  });

  it('keeps a window on the second monitor there', () => {
    const saved = { x: 2200, y: 100, width: 1600, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual({ bounds: { x: 2200, y: 100, width: 1600, height: 1000 }, maximized: true });
  });

  it('brings a window from a display that is gone back, centred on the primary', () => {
    const saved = { x: 2200, y: 100, width: 1600, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { x: 160, y: 20, width: 1600, height: 1000 }, maximized: true });
    expect(placeWindow({ ...good, x: -5000, y: -5000 }, [laptop]).bounds).toMatchObject({ x: 260, y: 70 });
  });

  it('moves a window hanging off an edge fully onto the display it mostly covers', () => {
    const saved = { x: 1000, y: -200, width: 1400, height: 900, maximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor]).bounds).toEqual({ x: 520, y: 0, width: 1400, height: 900 });
    expect(placeWindow({ ...saved, x: 1500 }, [laptop, rightMonitor]).bounds).toEqual({ x: 1920, y: 0, width: 1400, height: 900 });
  });

  it('shrinks a window larger than its display, but never below the minimum', () => {
    expect(placeWindow({ ...good, width: 5000, height: 3000 }, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    expect(placeWindow({ x: 0, y: 0, width: 400, height: 300, maximized: false }, [laptop]).bounds).toMatchObject(MIN_WINDOW_SIZE);
    expect(placeWindow(null, [small]).bounds).toEqual({ x: 0, y: 0, width: 1280, height: MIN_WINDOW_SIZE.height });
  });

  it('still answers with no display information at all', () => {
    expect(placeWindow(good, []).bounds).toMatchObject(DEFAULT_WINDOW_SIZE);
  });
});

describe('createWindowStateSaver', () => {
  afterEach(() => vi.useRealTimers());

  function saver(read: () => WindowState | null = () => good) {
    const write = vi.fn<(state: WindowState) => void>();
    const log = vi.fn<(message: string) => void>();
    return { write, log, saver: createWindowStateSaver({ read, write, delayMs: 500, log }) };
  }

  it('writes once after a drag has settled', () => {
    vi.useFakeTimers();
    const { saver: s, write } = saver();
    for (let i = 0; i < 20; i += 1) {
      s.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith(good);
  });

  it('writes at once on close, and not again when the timer would have fired', () => {
    vi.useFakeTimers();
    const { saver: s, write } = saver();
    s.schedule();
    s.flush();
    vi.advanceTimersByTime(1000);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('writes nothing once the window is gone', () => {
    const { saver: s, write } = saver(() => null);
    s.flush();
    expect(write).not.toHaveBeenCalled();
  });

  it('logs a failed write instead of throwing into a window event', () => {
    const { saver: s, write, log } = saver();
    write.mockImplementation(() => {
      throw new Error('EACCES: permission denied');
    });
    expect(() => s.flush()).not.toThrow();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('EACCES'));
  });
});
