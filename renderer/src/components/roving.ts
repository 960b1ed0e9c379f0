import type { KeyboardEvent } from 'react';

/**
 * Arrow keys move focus between the options of a radio or checkbox group; only one option is in
 * the Tab order, so Tab goes to the next field instead of walking every option.
 */
export function moveFocusWithArrows(event: KeyboardEvent<HTMLElement>): boolean {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (!step) return false;
  const options = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"], [role="checkbox"]')];
  const index = options.indexOf(document.activeElement as HTMLElement);
  if (index === -1) return false;
  event.preventDefault();
  options[(index + step + options.length) % options.length]?.focus();
  return true;
}

/** The option that takes Tab focus: the first selected one, or the first. */
export const tabStopOf = (selected: readonly boolean[]): number => Math.max(0, selected.indexOf(true));
