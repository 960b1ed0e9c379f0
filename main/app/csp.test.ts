import { describe, expect, it } from 'vitest';
import { REACT_ARIA_STYLE_HASHES } from '../../shared/contract/security';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './csp';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows nothing inline or evaluated', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
  });

  it('starts from nothing and allows only the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'font-src', 'connect-src']) expect(directives.get(name)).toEqual(["'self'"]);
    // Styles: the app's own files, plus React Aria's two constant rules pinned by hash.
    expect(directives.get('style-src')).toEqual(["'self'", ...REACT_ARIA_STYLE_HASHES]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('closes the doors default-src does not cover', () => {
    for (const name of ['base-uri', 'form-action', 'frame-ancestors']) expect(directives.get(name)).toEqual(["'none'"]);
  });

  it('is among the headers of every response', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});
