// Proves the layer rules in eslint.config.js fire (and that allowed imports pass).
// The layer table they enforce is in DESIGN.md ("Layout").
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { describe, it, expect } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** Rules that enforce the layer table. */
const LAYER_RULES = new Set([
  '@typescript-eslint/no-restricted-imports',
  'import-x/no-restricted-paths',
  'civicdesk/layer-imports',
  'no-restricted-globals',
  'no-restricted-properties',
]);
const RESOLVED = 'import-x/no-restricted-paths';
const UNRESOLVED = 'civicdesk/layer-imports';
const PACKAGE = '@typescript-eslint/no-restricted-imports';

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result, `no lint result for ${file}`).toBeDefined();
  return result!.messages;
}

async function expectViolation(file: string, code: string, rule: string, says: string): Promise<void> {
  const messages = await lint(file, code);
  const layer = messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId));
  // Exactly one report: the resolved and unresolved checks never both fire.
  expect(layer.map((m) => `${m.ruleId}: ${m.message}`)).toHaveLength(1);
  expect(layer[0]!.ruleId).toBe(rule);
  expect(layer[0]!.severity).toBe(2);
  expect(layer[0]!.message).toContain(says);
  expect(layer[0]!.message).toContain('DESIGN.md');
}

/** Whether a relative specifier from `file` points at a module that exists on disk now. */
function existsOnDisk(file: string, spec: string): boolean {
  const base = path.resolve(path.dirname(path.join(ROOT, file)), spec);
  const exts = ['.ts', '.tsx', '.mts', '.d.ts', '.js', '.mjs'];
  return [...exts.map((e) => base + e), ...exts.map((e) => path.join(base, `index${e}`))].some((f) => existsSync(f));
}

/**
 * A relative import of ours that crosses a layer is an error. Which rule reports it depends on
 * whether the target exists yet (other code is being written): import-x/no-restricted-paths when
 * it resolves, civicdesk/layer-imports when it does not. Either way: exactly one report.
 */
function expectImportBlocked(file: string, spec: string, says: string): Promise<void> {
  return expectViolation(file, `export * from '${spec}';`, existsOnDisk(file, spec) ? RESOLVED : UNRESOLVED, says);
}

async function expectClean(file: string, code: string): Promise<void> {
  const messages = await lint(file, code);
  expect(messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`)).toEqual([]);
}

/** A module that exists now under `dir` (import specifier without extension, relative to ROOT), if any. */
function existingModule(dir: string): string | undefined {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return undefined;
  for (const name of readdirSync(abs).sort()) {
    const full = path.join(abs, name);
    if (statSync(full).isDirectory()) {
      const inner = existingModule(path.join(dir, name));
      if (inner) return inner;
    } else if (/\.(ts|tsx|mts)$/.test(name) && !/\.(d|test|spec)\.[mc]?tsx?$/.test(name)) {
      return path.join(dir, name.replace(/\.[mc]?tsx?$/, '')).split(path.sep).join('/');
    }
  }
  return undefined;
}

/** `target` (relative to ROOT) as a specifier from `file` (relative to ROOT). */
function from(file: string, target: string): string {
  const rel = path.relative(path.dirname(path.join(ROOT, file)), path.join(ROOT, target)).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

describe('shared/: no Node, no Electron, no database drivers, no DOM', () => {
  it('shared/domain importing node:fs is an error', () =>
    expectViolation('shared/domain/x.ts', "import fs from 'node:fs';\nexport default fs;", PACKAGE, 'shared/domain may not import Node builtins'));

  it('shared/domain importing fs (bare builtin) is an error', () =>
    expectViolation('shared/domain/x.ts', "export * from 'fs';", PACKAGE, 'shared/domain may not import Node builtins'));

  it('shared/sync importing crypto / path subpaths is an error', async () => {
    await expectViolation('shared/sync/x.ts', "export * from 'crypto';", PACKAGE, 'Node builtins');
    await expectViolation('shared/sync/x.ts', "export * from 'path/posix';", PACKAGE, 'Node builtins');
  });

  it('shared/domain importing electron is an error', () =>
    expectViolation('shared/domain/x.ts', "export * from 'electron';", PACKAGE, 'shared/domain may not import electron'));

  it('shared/contract importing a type from electron is an error too', () =>
    expectViolation('shared/contract/x.ts', "import type { IpcRenderer } from 'electron';\nexport type R = IpcRenderer;", PACKAGE, 'electron'));

  it('shared/workflow importing database drivers is an error', async () => {
    await expectViolation('shared/workflow/x.ts', "export * from 'better-sqlite3';", PACKAGE, 'database drivers');
    await expectViolation('shared/workflow/x.ts', "export * from 'pg';", PACKAGE, 'database drivers');
    await expectViolation('shared/workflow/x.ts', "export * from '@electric-sql/pglite';", PACKAGE, 'database drivers');
  });

  it('shared/domain using window.localStorage is an error', () =>
    expectViolation('shared/domain/x.ts', 'export const store = window.localStorage;', 'no-restricted-globals', "shared/domain may not use the DOM global 'window'"));

  it('shared/domain using document / localStorage / globalThis.navigator is an error', async () => {
    await expectViolation('shared/domain/x.ts', 'export const d = document.title;', 'no-restricted-globals', "'document'");
    await expectViolation('shared/domain/x.ts', "export const v = localStorage.getItem('k');", 'no-restricted-globals', "'localStorage'");
    await expectViolation('shared/domain/x.ts', 'export const n = globalThis.navigator;', 'no-restricted-properties', "'navigator'");
  });

  it('shared/domain importing zod and uuid (npm packages) is fine', () =>
    expectClean('shared/domain/x.ts', "export * from 'zod';\nexport * from 'uuid';"));

  it('shared/workflow importing xstate is fine', () => expectClean('shared/workflow/x.ts', "export * from 'xstate';"));
});

describe('shared/: layers of ours', () => {
  it('shared/workflow importing ../domain/enums is fine (and resolves)', () =>
    expectClean('shared/workflow/x.ts', "export * from '../domain/enums';"));

  it('shared/contract and shared/sync importing shared/domain is fine', async () => {
    await expectClean('shared/contract/x.ts', "export * from '../domain/case';");
    await expectClean('shared/sync/x.ts', "export * from '../domain/case';");
  });

  it('shared/domain importing itself is fine', () => expectClean('shared/domain/x.ts', "export * from './enums';"));

  it('an import that does not resolve is still checked (civicdesk/layer-imports)', () =>
    expectViolation('shared/domain/x.ts', "export * from '../workflow/not-written-yet';", UNRESOLVED, 'shared/domain may not import shared/workflow/'));

  it('shared/domain importing ../workflow/… is an error', () =>
    expectImportBlocked('shared/domain/x.ts', '../workflow/not-written-yet', 'shared/domain may not import shared/workflow/'));

  const workflowModule = existingModule('shared/workflow');
  it.skipIf(!workflowModule)('shared/domain importing an existing shared/workflow module is an error (resolved)', () =>
    expectViolation('shared/domain/x.ts', `export * from '${from('shared/domain/x.ts', workflowModule!)}';`, RESOLVED, 'shared/domain may not import shared/workflow/'));

  it('shared/domain importing another shared/ folder is an error', () =>
    expectImportBlocked('shared/domain/x.ts', '../util/strings', 'shared/domain may not import shared/ outside shared/domain/'));

  it('shared/workflow importing ../../main/core/… is an error', () =>
    expectImportBlocked('shared/workflow/x.ts', '../../main/core/db/connection', 'shared/workflow may not import main/'));

  it('shared/workflow importing shared/sync or shared/contract is an error', async () => {
    await expectImportBlocked('shared/workflow/x.ts', '../sync/merge', 'shared/workflow may not import shared/sync/');
    await expectImportBlocked('shared/workflow/x.ts', '../contract/api', 'shared/workflow may not import shared/contract/');
  });

  it('shared/contract importing shared/workflow is an error', () =>
    expectImportBlocked('shared/contract/x.ts', '../workflow/intake-machine', 'shared/contract may not import shared/workflow/'));

  it('shared/sync importing shared/domain and shared/workflow is fine', () =>
    expectClean('shared/sync/x.ts', "export * from '../domain/enums';\nexport * from '../workflow/anything';"));

  it('shared/ importing renderer/, server/ is an error', async () => {
    await expectImportBlocked('shared/sync/x.ts', '../../renderer/src/api/client', 'shared/sync may not import renderer/');
    await expectImportBlocked('shared/contract/x.ts', '../../server/http', 'shared/contract may not import server/');
  });

  it('shared/ importing test/ is an error (resolved through the TypeScript resolver)', () =>
    expectViolation('shared/domain/deep/x.ts', "export * from '../../../test/lint/fixtures/probe';", RESOLVED, 'shared/domain may not import test/'));

  it('dynamic import() and require() are checked too', async () => {
    await expectViolation('shared/domain/x.ts', "export const m = () => import('../../main/core/not-written-yet');", UNRESOLVED, 'may not import main/');
    await expectViolation('shared/domain/x.ts', "export const m = () => import('../../test/lint/fixtures/probe');", RESOLVED, 'may not import test/');
    await expectViolation('shared/domain/x.ts', "export const m = () => import('node:fs');", UNRESOLVED, 'Node builtins');
  });
});

describe('main/', () => {
  it('main/core importing electron is an error', () =>
    expectViolation('main/core/x.ts', "import { app } from 'electron';\nexport const a = app;", PACKAGE, 'main/core may not import electron'));

  it('main/core importing electron subpaths is an error', () =>
    expectViolation('main/core/x.ts', "export * from 'electron/main';", PACKAGE, 'main/core may not import electron'));

  it('main/app importing electron is fine', () =>
    expectClean('main/app/x.ts', "import { app } from 'electron';\nexport const a = app;"));

  it('main/app tests importing electron is fine', () => expectClean('main/app/window.test.ts', "export * from 'electron';"));

  it('main/core importing Node, shared/ and better-sqlite3 is fine', () =>
    expectClean('main/core/db/x.ts', "export * from 'node:fs';\nexport * from 'better-sqlite3';\nexport * from '../../../shared/domain/case';"));

  it('main/core importing main/app, main/host, main/cli is an error', async () => {
    await expectImportBlocked('main/core/x.ts', '../app/window', 'main/core may not import main/app/');
    await expectImportBlocked('main/core/x.ts', '../host/server', 'main/core may not import main/host/');
    await expectImportBlocked('main/core/x.ts', '../cli/index', 'main/core may not import main/cli/');
  });

  it('main/app importing main/core and shared/ is fine', () =>
    expectClean('main/app/x.ts', "export * from '../core/cases';\nexport * from '../../shared/domain/case';"));

  it('main/cli importing ../app/… is an error', () =>
    expectImportBlocked('main/cli/x.ts', '../app/window', 'main/cli may not import main/app/'));

  it('main/host importing ../app/… or electron is an error', async () => {
    await expectImportBlocked('main/host/x.ts', '../app/ipc', 'main/host may not import main/app/');
    await expectViolation('main/host/x.ts', "export * from 'electron';", PACKAGE, 'main/host may not import electron');
  });

  it('main/cli and main/host importing main/core and Node is fine', async () => {
    await expectClean('main/cli/x.ts', "export * from '../core/db';\nexport * from 'node:path';");
    await expectClean('main/host/x.ts', "export * from '../core/db';\nexport * from 'node:http';");
  });

  it('main/ importing renderer/ or server/ is an error', async () => {
    await expectImportBlocked('main/app/x.ts', '../../renderer/src/App', 'main/app may not import renderer/');
    await expectImportBlocked('main/core/x.ts', '../../server/sync', 'main/core may not import server/');
  });

  const appModule = existingModule('main/app');
  it.skipIf(!appModule)('main/cli importing an existing main/app module is an error (resolved)', () =>
    expectViolation('main/cli/x.ts', `export * from '${from('main/cli/x.ts', appModule!)}';`, RESOLVED, 'main/cli may not import main/app/'));
});

describe('renderer/', () => {
  it('renderer importing ../../main/core/… is an error', () =>
    expectImportBlocked('renderer/src/x.ts', '../../main/core/cases', 'renderer may not import main/'));

  const coreModule = existingModule('main/core');
  it.skipIf(!coreModule)('renderer importing an existing main/core module is an error (resolved)', () =>
    expectViolation('renderer/src/x.ts', `export * from '${from('renderer/src/x.ts', coreModule!)}';`, RESOLVED, 'renderer may not import main/'));

  it('renderer importing ../../shared/domain/case is fine', () =>
    expectClean('renderer/src/x.ts', "export * from '../../shared/domain/case';"));

  it('renderer importing its own src/main.tsx from a deep folder is fine (no false positive on "main")', () =>
    expectClean('renderer/src/features/intake/x.ts', "export * from '../../main';"));

  it('renderer importing electron, Node builtins or better-sqlite3 is an error', async () => {
    await expectViolation('renderer/src/api/x.ts', "export * from 'electron';", PACKAGE, 'renderer may not import electron');
    await expectViolation('renderer/src/x.ts', "export * from 'node:path';", PACKAGE, 'renderer may not import Node builtins');
    await expectViolation('renderer/src/x.ts', "export * from 'os';", PACKAGE, 'renderer may not import Node builtins');
    await expectViolation('renderer/src/x.ts', "export * from 'better-sqlite3';", PACKAGE, 'renderer may not import database drivers');
  });

  it('renderer importing server/ is an error', () =>
    expectImportBlocked('renderer/src/x.ts', '../../server/auth', 'renderer may not import server/'));
});

describe('server/', () => {
  it('server importing ../main/core/… is an error', () =>
    expectImportBlocked('server/x.ts', '../main/core/cases', 'server may not import main/'));

  it('server importing renderer/ or electron is an error', async () => {
    await expectImportBlocked('server/x.ts', '../renderer/src/App', 'server may not import renderer/');
    await expectViolation('server/x.ts', "export * from 'electron';", PACKAGE, 'server may not import electron');
  });

  it('server importing shared/, Node and pg is fine', () =>
    expectClean('server/x.ts', "export * from '../shared/domain/case';\nexport * from 'node:http';\nexport * from 'pg';"));
});

describe('test/ and everything else', () => {
  it('test/ may import anything of ours and Node', () =>
    expectClean('test/e2e/x.ts', "export * from '../../main/core/db';\nexport * from '../../renderer/src/App';\nexport * from '../../server/http';\nexport * from 'node:fs';"));

  it('test/ importing electron is an error', () =>
    expectViolation('test/e2e/x.ts', "export * from 'electron';", PACKAGE, 'test may not import electron'));

  it('root config files importing electron is an error', () =>
    expectViolation('vite.config.ts', "export * from 'electron';", PACKAGE, 'may not import electron'));

  it('tests beside shared/ code may use Node and test/ helpers, but still not other layers or electron', async () => {
    await expectClean('shared/domain/case.test.ts', "export * from 'node:fs';\nexport * from '../../test/lint/fixtures/probe';");
    await expectImportBlocked('shared/domain/case.test.ts', '../workflow/not-written-yet', 'shared/domain tests may not import shared/workflow/');
    await expectViolation('shared/domain/case.test.ts', "export * from 'electron';", PACKAGE, 'electron');
  });
});

describe('general rules', () => {
  it('any is an error; unused names prefixed with _ are allowed', async () => {
    const messages = await lint('shared/domain/x.ts', 'export function f(_unused: number, v: any): unknown {\n  const _skip = 1;\n  return v;\n}');
    expect(messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-explicit-any']);
  });
});
