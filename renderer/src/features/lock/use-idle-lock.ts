import { useEffect, useRef } from 'react';

/** What counts as someone at the desk: any key, click, touch, scroll or pointer movement. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls onIdle once after `minutes` with no input in this window (0 turns it off). The clock is
 * checked every few seconds rather than re-armed on every mouse move, which would cost a timer per
 * pixel while the specialist works.
 */
export function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  const lastActivity = useRef(Date.now());
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActivity.current >= minutes * 60_000) {
        lastActivity.current = Date.now();
        callback.current();
      }
    }, Math.min(5_000, minutes * 15_000));
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, [enabled, minutes]);
}
