import { useEffect, useRef } from 'react';

/** Shortcut strings: "Alt+A", "Ctrl+Enter", "?", "P". Letters are matched case-insensitively. */
export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

export function comboOf(event: KeyboardEvent): string {
  const parts = [];
  if (event.ctrlKey || event.metaKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && event.key.length > 1) parts.push('Shift');
  // With Alt held, macOS and some layouts change event.key; event.code still names the key.
  const key = event.altKey && /^Key[A-Z]$|^Digit\d$/.test(event.code) ? event.code.slice(-1) : event.key;
  parts.push(key.length === 1 ? key.toUpperCase() : key);
  return parts.join('+');
}

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Focus is in a field where keys type text (a checkbox or a button is not one). */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    (target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type)));

/**
 * Window-level shortcuts. Plain keys (no Ctrl/Alt) fire only when focus is not in a text field, so
 * typing a caller's words never triggers an action; chords fire everywhere.
 */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const current = useRef(map);
  current.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const combo = comboOf(event);
      const handler = current.current[combo];
      if (!handler) return;
      const chord = event.ctrlKey || event.metaKey || event.altKey;
      if (!chord && isTyping(event.target)) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
