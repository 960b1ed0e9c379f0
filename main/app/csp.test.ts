import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REACT_ARIA_STYLE_HASHES } from '../../shared/contract/security';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './csp';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);
/** What a fetch directive falls back to when the policy does not name it. */
const effective = (name: string) => directives.get(name) ?? directives.get('default-src');

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

  it('loads no plugins, frames, workers or media (through default-src)', () => {
    for (const name of ['object-src', 'frame-src', 'child-src', 'worker-src', 'media-src', 'manifest-src']) expect(effective(name)).toEqual(["'none'"]);
  });

  it('is among the headers of every response', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

/** @doyensec/csp-evaluator (Google's CSP Evaluator, as Electronegativity uses it); it ships no types. */
interface CspFinding {
  directive: string;
  severity: number;
  description: string;
}
function evaluateCsp(policy: string): { findings: CspFinding[]; severities: Record<string, number> } {
  const evaluator: unknown = createRequire(import.meta.url)('@doyensec/csp-evaluator');
  if (typeof evaluator !== 'object' || evaluator === null) throw new Error('csp-evaluator did not load');
  const { CspParser, CspEvaluator, Version, severities } = evaluator as {
    CspParser: new (policy: string) => { csp: unknown };
    CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] };
    Version: { CSP3: unknown };
    severities: Record<string, number>;
  };
  return { findings: new CspEvaluator(new CspParser(policy).csp, Version.CSP3).evaluate(), severities };
}

describe('CONTENT_SECURITY_POLICY, judged by csp-evaluator', () => {
  it('has no high or medium finding, and nothing new to think about', () => {
    const { findings, severities } = evaluateCsp(CONTENT_SECURITY_POLICY);
    const MEDIUM_MAYBE = severities['MEDIUM_MAYBE'] ?? 50;
    expect(findings.filter((finding) => finding.severity < MEDIUM_MAYBE)).toEqual([]);
    // The one note: 'self' would matter if app:// served JSONP or user uploads. It serves only the
    // built renderer (main/app/app-protocol.ts), so the note is understood, and pinned here.
    expect(findings.map((finding) => [finding.directive, finding.severity])).toEqual([['script-src', MEDIUM_MAYBE]]);
  });

  it('would catch a weakened policy', () => {
    const { findings, severities } = evaluateCsp(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("default-src 'none'", "default-src 'self'"));
    expect(findings.some((finding) => finding.directive === 'script-src' && finding.severity === severities['HIGH'])).toBe(true);
  });
});

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT_PAGE = join(ROOT, 'dist/renderer/index.html');

describe.runIf(existsSync(BUILT_PAGE))('the built console page (dist/renderer/index.html)', () => {
  const html = existsSync(BUILT_PAGE) ? readFileSync(BUILT_PAGE, 'utf8') : '';

  it('needs nothing the policy forbids: no inline script, style or event handler', () => {
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style[\s>]/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('loads scripts and styles from its own origin only', () => {
    for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) expect(url).toMatch(/^(\/(?!\/)|\.\/|data:,$)/);
  });

  it('carries no weaker policy of its own in a meta tag', () => {
    const meta = /<meta[^>]+http-equiv="Content-Security-Policy"[^>]+content="([^"]*)"/i.exec(html);
    if (meta) expect(meta[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});
