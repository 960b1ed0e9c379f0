import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, parseAccepted, type Finding } from '../../build/dist-check/electronegativity';

const ROOT = resolve(import.meta.dirname, '../..');
const finding = (check: string, file: string, severity = 'MEDIUM', line = 10): Finding => ({ check, severity, confidence: 'CERTAIN', file, line, manualReview: false });
const accepted = [{ check: 'PROTOCOL_HANDLER_JS_CHECK', file: 'main/app/main.js', why: 'Reviewed: links are parsed with zod and only pre-fill an intake.' }];

describe('the Electronegativity gate', () => {
  it('blocks a high or medium finding nobody explained', () => {
    const verdict = judge([finding('SANDBOX_JS_CHECK', 'main/app/main.js', 'HIGH'), finding('PROTOCOL_HANDLER_JS_CHECK', 'main/app/main.js')], accepted);
    expect(verdict.blocking.map((f) => f.check)).toEqual(['SANDBOX_JS_CHECK']);
    expect(verdict.accepted.map(({ finding: f }) => f.check)).toEqual(['PROTOCOL_HANDLER_JS_CHECK']);
  });

  it('matches an explanation by check and file, whatever the line, and not in another file', () => {
    expect(judge([finding('PROTOCOL_HANDLER_JS_CHECK', 'main/app/main.js', 'MEDIUM', 99_999)], accepted).blocking).toEqual([]);
    expect(judge([finding('PROTOCOL_HANDLER_JS_CHECK', 'main/app/preload.cjs')], accepted).blocking).toHaveLength(1);
  });

  it('reports an explanation that no longer matches anything, and never blocks on low findings', () => {
    const verdict = judge([finding('AUXCLICK_JS_CHECK', 'renderer/index.html', 'LOW')], accepted);
    expect(verdict.stale).toEqual(accepted);
    expect(verdict.blocking).toEqual([]);
    expect(verdict.minor).toHaveLength(1);
  });

  it('refuses an accepted finding without a real explanation', () => {
    expect(() => parseAccepted({ accepted: [{ check: 'CSP_GLOBAL_CHECK', file: 'N/A', why: 'fine' }] })).toThrow(/accepted\[0\]\.why/);
    expect(() => parseAccepted({ accepted: [{ check: '', file: 'N/A', why: 'x'.repeat(50) }] })).toThrow(/accepted\[0\]\.check/);
  });

  it('reads the real accepted-findings file', () => {
    const entries = parseAccepted(JSON.parse(readFileSync(join(ROOT, 'build/electronegativity-accepted.json'), 'utf8')));
    expect(entries.map((entry) => entry.check).sort()).toEqual(['CSP_GLOBAL_CHECK', 'PROTOCOL_HANDLER_JS_CHECK']);
  });
});
