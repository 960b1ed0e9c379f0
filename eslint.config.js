// ESLint flat config for CivicDesk.
//
// Besides the usual recommended rules, this file enforces the layer table in
// DESIGN.md ("Layout", ../shared/DESIGN.md): which folder may import which.
// The table below (LAYERS) is the single source of truth; every restriction is
// generated from it.
//
// How an import is checked:
//   - npm package / Node builtin names (electron, node:fs, fs, pg, ...):
//     `@typescript-eslint/no-restricted-imports` (static imports, `import x = require()`,
//     type-only imports included); `civicdesk/layer-imports` covers `import('x')` and
//     `require('x')`, which that rule does not see.
//   - our own files, when the import resolves (eslint-import-resolver-typescript):
//     `import-x/no-restricted-paths`.
//   - our own files, when the import does NOT resolve (target not written yet, typo):
//     `civicdesk/layer-imports` resolves the relative path lexically, so a wrong
//     import is never silently accepted just because the resolver found nothing.
//     It stays quiet for imports that resolve, so nothing is reported twice.
//   - DOM globals in shared/: `no-restricted-globals` / `no-restricted-properties`.
//
// Run: `npm run lint` (eslint --max-warnings 0 .). Tests: test/lint/layer-rules.test.ts.

import path from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { moduleVisitor, resolve as importXResolve } from 'eslint-plugin-import-x/utils';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ROOT = import.meta.dirname;
const SEE = 'see the layer table in DESIGN.md (../shared/DESIGN.md, "Layout")';

// ---------------------------------------------------------------------------
// The layer table. `may` lists the folders of ours a layer may import besides
// itself. `runtime` decides which packages/globals are off limits:
//   portable: runs in the renderer, main and the server alike (no Node, no DOM)
//   browser:  renderer (no Node)
//   node:     Node, no Electron
//   electron: the Electron shell (the only layer that may import `electron`)
// ---------------------------------------------------------------------------
const LAYERS = [
  { dir: 'shared/domain', may: [], runtime: 'portable' },
  { dir: 'shared/workflow', may: ['shared/domain'], runtime: 'portable' },
  { dir: 'shared/contract', may: ['shared/domain'], runtime: 'portable' },
  { dir: 'shared/sync', may: ['shared/domain', 'shared/workflow'], runtime: 'portable' },
  { dir: 'main/core', may: ['shared'], runtime: 'node' },
  { dir: 'main/app', may: ['main/core', 'shared'], runtime: 'electron' },
  { dir: 'main/host', may: ['main/core', 'shared'], runtime: 'node' },
  { dir: 'main/cli', may: ['main/core', 'shared'], runtime: 'node' },
  { dir: 'renderer', may: ['shared'], runtime: 'browser' },
  { dir: 'server', may: ['shared'], runtime: 'node' },
  { dir: 'test', may: ['*'], runtime: 'node' },
];

// Top-level folders of ours, and the sub-folders that are layers of their own.
const TOP_FOLDERS = ['shared', 'main', 'renderer', 'server', 'test', 'build'];
const SUB_FOLDERS = {
  shared: ['domain', 'workflow', 'contract', 'sync'],
  main: ['core', 'app', 'host', 'cli'],
};

const CODE_EXT = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const TEST_FILES = ['**/*.{test,spec}.{ts,tsx,mts,cts}'];

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NODE_BUILTINS = [...new Set(builtinModules.map((m) => m.split('/')[0]))];
const DB_DRIVERS = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pg', '@electric-sql/pglite'];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage'];
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename'];

const packageRegex = (names) => `^(${names.map(escapeRe).join('|')})(/.*)?$`;

const isUnder = (folder, parent) => folder === parent || folder.startsWith(`${parent}/`);

/**
 * Everything one group of files may not do, derived from LAYERS.
 * @param {string} who   how messages name the importing files, e.g. "shared/domain"
 * @param {{ dir: string, may: string[], runtime: string } | null} layer
 * @param {{ test?: boolean }} opts  test files beside the code may also use Node and test/
 */
function policyFor(who, layer, { test = false } = {}) {
  // Folders of ours that may not be imported.
  const folders = [];
  if (layer && !layer.may.includes('*')) {
    const allowed = [layer.dir, ...layer.may, ...(test ? ['test'] : [])];
    const ok = (f) => allowed.some((a) => isUnder(f, a));
    for (const top of TOP_FOLDERS) {
      if (ok(top)) continue;
      const subs = (SUB_FOLDERS[top] ?? []).map((s) => `${top}/${s}`);
      const allowedSubs = subs.filter(ok);
      if (allowedSubs.length === 0) {
        folders.push({ from: top, label: `${top}/` });
        continue;
      }
      for (const sub of subs.filter((s) => !ok(s))) folders.push({ from: sub, label: `${sub}/` });
      // Anything else in the folder (a new sub-folder, a file at its top).
      folders.push({
        from: top,
        except: SUB_FOLDERS[top],
        label: `${top}/ outside ${allowedSubs.map((s) => `${s}/`).join(', ')}`,
      });
    }
  }
  for (const f of folders) f.message = `${who} may not import ${f.label}: ${SEE}.`;

  // Packages that may not be imported.
  const runtime = layer?.runtime ?? 'node';
  const packages = [];
  if (runtime !== 'electron') {
    packages.push({
      regex: packageRegex(['electron']),
      message: `${who} may not import electron (only main/app may): ${SEE}.`,
    });
  }
  if ((runtime === 'portable' || runtime === 'browser') && !test) {
    packages.push(
      {
        regex: '^node:',
        message: `${who} may not import Node builtins (node:*): ${SEE}.`,
      },
      {
        regex: packageRegex(NODE_BUILTINS),
        message: `${who} may not import Node builtins: ${SEE}.`,
      },
    );
  }
  if (runtime === 'portable' || runtime === 'browser') {
    packages.push({
      regex: packageRegex(DB_DRIVERS),
      message: `${who} may not import database drivers (${DB_DRIVERS.join(', ')}): ${SEE}.`,
    });
  }

  // Globals that may not be used.
  const globals = [];
  if (runtime === 'portable' && !test) {
    for (const name of DOM_GLOBALS) {
      globals.push({ name, message: `${who} may not use the DOM global '${name}': ${SEE}.` });
    }
    for (const name of NODE_GLOBALS) {
      globals.push({ name, message: `${who} may not use the Node global '${name}': ${SEE}.` });
    }
  }

  return { folders, packages, globals };
}

/** The rule settings for one group of files. */
function rulesFor(policy) {
  return {
    '@typescript-eslint/no-restricted-imports': policy.packages.length
      ? ['error', { patterns: policy.packages.map(({ regex, message }) => ({ regex, message })) }]
      : 'off',
    'import-x/no-restricted-paths': policy.folders.length
      ? [
          'error',
          {
            basePath: ROOT,
            zones: policy.folders.map(({ from, except, message }) => ({
              target: '.',
              from: `./${from}`,
              ...(except ? { except: except.map((e) => `./${e}`) } : {}),
              message,
            })),
          },
        ]
      : 'off',
    'civicdesk/layer-imports': ['error', { folders: policy.folders, packages: policy.packages }],
    'no-restricted-globals': policy.globals.length ? ['error', ...policy.globals] : 'off',
    'no-restricted-properties': policy.globals.length
      ? [
          'error',
          ...policy.globals.map(({ name, message }) => ({ object: 'globalThis', property: name, message })),
        ]
      : 'off',
  };
}

// ---------------------------------------------------------------------------
// civicdesk/layer-imports: the part no off-the-shelf rule does.
// ---------------------------------------------------------------------------
const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer table of DESIGN.md for imports the other rules cannot see.' },
    schema: [
      {
        type: 'object',
        properties: { folders: { type: 'array' }, packages: { type: 'array' } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { folders = [], packages = [] } = context.options[0] ?? {};
    const packageRules = packages.map((p) => ({ re: new RegExp(p.regex), message: p.message }));
    const fileDir = path.dirname(context.physicalFilename);

    return moduleVisitor(
      (source, importer) => {
        const spec = String(source.value).replace(/[?#].*$/, '');

        if (!spec.startsWith('.') && !path.isAbsolute(spec)) {
          // Packages: static imports are @typescript-eslint/no-restricted-imports' job.
          const dynamic = importer.type === 'ImportExpression' || importer.type === 'CallExpression';
          if (!dynamic) return;
          const hit = packageRules.find(({ re }) => re.test(spec));
          if (hit) context.report({ node: source, message: hit.message });
          return;
        }

        const target = path.relative(ROOT, path.resolve(fileDir, spec)).split(path.sep).join('/');
        if (target.startsWith('..') || path.isAbsolute(target)) return; // not ours
        const hit = folders.find(
          (f) => isUnder(target, f.from) && !(f.except ?? []).some((e) => isUnder(target, `${f.from}/${e}`)),
        );
        if (!hit) return;
        // Resolvable imports are import-x/no-restricted-paths' job.
        if (importXResolve(String(source.value), context)) return;
        context.report({ node: source, message: `Unexpected path "${source.value}". ${hit.message}` });
      },
      { commonjs: true },
    );
  },
};

// ---------------------------------------------------------------------------
// The config.
// ---------------------------------------------------------------------------
const layerBlocks = LAYERS.flatMap((layer) => [
  {
    name: `civicdesk/layer ${layer.dir}`,
    files: [`${layer.dir}/**/*.${CODE_EXT}`],
    rules: rulesFor(policyFor(layer.dir, layer)),
  },
  {
    name: `civicdesk/layer ${layer.dir} (tests)`,
    files: TEST_FILES.map((g) => `${layer.dir}/${g}`),
    rules: rulesFor(policyFor(`${layer.dir} tests`, layer, { test: true })),
  },
]);

const NODE_SCRIPT_GLOBALS = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout',
    'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask',
    'structuredClone', 'fetch', 'AbortController', 'TextEncoder', 'TextDecoder',
  ].map((g) => [g, 'readonly']),
);

export default defineConfig(
  {
    name: 'civicdesk/ignores',
    ignores: ['**/node_modules/', 'dist/', 'release/', 'coverage/', '.bench-cache/', 'test-results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'civicdesk/base',
    files: [`**/*.${CODE_EXT}`],
    plugins: {
      'import-x': importX,
      civicdesk: { rules: { 'layer-imports': layerImports } },
    },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: path.join(ROOT, 'tsconfig.json'),
          alwaysTryTypes: true,
        }),
      ],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // Files outside every layer (root config files, build/, docs/): electron is still main/app's.
      ...rulesFor(policyFor('Code outside main/app', null)),
    },
  },
  {
    name: 'civicdesk/js',
    files: ['**/*.{js,jsx,mjs,cjs}'],
    languageOptions: { globals: NODE_SCRIPT_GLOBALS },
  },
  {
    name: 'civicdesk/cjs',
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...NODE_SCRIPT_GLOBALS, require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' },
    },
  },
  ...layerBlocks,
  {
    // Tooling config beside the renderer (vite.config.ts, ...) runs in Node, not in the UI.
    name: 'civicdesk/renderer tooling',
    files: [`renderer/*.config.${CODE_EXT}`],
    rules: rulesFor(policyFor('renderer tooling config', { dir: 'renderer', may: ['*'], runtime: 'node' })),
  },
);
