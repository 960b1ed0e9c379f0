import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from './shortcut-table';

const guide = readFileSync(resolve(import.meta.dirname, '../../../../docs/user-guide.md'), 'utf8');
const keys = (combo: string) => combo.split('+').map((k) => `<kbd>${k}</kbd>`).join('+');

describe('the shortcut table', () => {
  it('has one action per place and keys', () => {
    const seen = SHORTCUTS.map((s) => `${s.area} ${s.combo}`);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('is the table the user guide prints', () => {
    for (const s of SHORTCUTS) expect(guide).toContain(`| ${s.area} | ${keys(s.combo)} | ${s.action} |`);
  });
});
