import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1366, height: 768 } as const;

const coordinate = z.number().int().min(-1_000_000).max(1_000_000);
const length = z.number().int().min(1).max(1_000_000);

/** Where the window was when the specialist last moved it; `x`/`y`/size are the un-maximized bounds. */
export const WindowStateSchema = z.object({ x: coordinate, y: coordinate, width: length, height: length, maximized: z.boolean() });
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What to give `new BrowserWindow`: bounds inside a display that is there now, and whether to maximize. */
export interface WindowPlacement {
  bounds: Rect;
  maximized: boolean;
}

type Log = (message: string) => void;

/** The saved state, or null (use the defaults) when the text is not a state; says why in the log. */
export function parseWindowState(text: string, log: Log = () => {}): WindowState | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    log('window state: the file is not JSON; using the default size');
    return null;
  }
  const parsed = WindowStateSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(file)').join(', ');
    log(`window state: unexpected values (${fields}); using the default size`);
    return null;
  }
  return parsed.data;
}

const isMissing = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';

export function readWindowState(file: string, log: Log = () => {}): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!isMissing(error)) log(`window state: could not read ${file}: ${String(error)}`);
    return null;
  }
  return parseWindowState(text, log);
}

/** Written beside and renamed over, so a crash mid-write leaves the previous state, not half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(WindowStateSchema.parse(state))}\n`);
  renameSync(temporary, file);
}

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), Math.max(low, high));

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** No smaller than the minimum, no larger than the display (unless the display is below the minimum). */
const fitSize = (width: number, height: number, area: Rect): { width: number; height: number } => ({
  width: Math.max(MIN_WINDOW_SIZE.width, Math.min(width, area.width)),
  height: Math.max(MIN_WINDOW_SIZE.height, Math.min(height, area.height)),
});

const centredIn = (area: Rect, size: { width: number; height: number }): Rect => ({
  ...size,
  x: Math.round(area.x + Math.max(0, area.width - size.width) / 2),
  y: Math.round(area.y + Math.max(0, area.height - size.height) / 2),
});

/**
 * Where to open the window, given the displays' work areas (the primary first). The saved bounds
 * are kept on the display they overlap most, shrunk to fit and moved fully onto it; bounds on a
 * display that is gone (a laptop off its dock) come back centred on the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (!saved) return { bounds: centredIn(primary, fitSize(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height, primary)), maximized: false };
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const shared = overlap(saved, area);
    if (shared > bestOverlap) [best, bestOverlap] = [area, shared];
  }
  if (!best) return { bounds: centredIn(primary, fitSize(saved.width, saved.height, primary)), maximized: saved.maximized };
  const size = fitSize(saved.width, saved.height, best);
  return {
    bounds: {
      ...size,
      x: clamp(saved.x, best.x, best.x + best.width - size.width),
      y: clamp(saved.y, best.y, best.y + best.height - size.height),
    },
    maximized: saved.maximized,
  };
}

export interface WindowStateSaver {
  /** After a move or resize: saves once things have been still for a moment. */
  schedule(): void;
  /** On close: saves now. */
  flush(): void;
  cancel(): void;
}

/**
 * Debounces saving, so dragging a window does not write a file per pixel. `read` returns null
 * once the window is gone; a failed write is logged, never thrown into a window event.
 */
export function createWindowStateSaver(options: {
  read: () => WindowState | null;
  write: (state: WindowState) => void;
  delayMs?: number;
  log?: Log;
}): WindowStateSaver {
  const { read, write, delayMs = 500, log = () => {} } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const flush = () => {
    cancel();
    const state = read();
    if (!state) return;
    try {
      write(state);
    } catch (error) {
      log(`window state: could not save: ${String(error)}`);
    }
  };
  return {
    schedule: () => {
      cancel();
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel,
  };
}
