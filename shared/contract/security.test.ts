import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, REACT_ARIA_STYLE_HASHES } from './security';

const ariaDist = join(dirname(createRequire(import.meta.url).resolve('react-aria/package.json')), 'dist/private');

/** The text of each `style.textContent = \`…\`.trim()` React Aria injects, as the browser hashes it. */
function injectedStyles(file: string): string[] {
  const source = readFileSync(join(ariaDist, file), 'utf8');
  return [...source.matchAll(/style\.textContent = `([\s\S]*?)`\.trim\(\)/g)].map((m) =>
    m[1]!.replace(/\$\{[^}]*PRESSABLE_ATTRIBUTE\}/, 'data-react-aria-pressable').trim(),
  );
}

describe('Content-Security-Policy', () => {
  it('allows nothing inline or evaluated, nothing from elsewhere', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|http/);
  });

  it('pins exactly the styles React Aria injects today', () => {
    const texts = [...injectedStyles('interactions/usePress.mjs'), ...injectedStyles('overlays/usePreventScroll.mjs')];
    expect(texts).toHaveLength(2);
    const hashes = texts.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    expect(hashes.sort()).toEqual([...REACT_ARIA_STYLE_HASHES].sort());
  });
});
