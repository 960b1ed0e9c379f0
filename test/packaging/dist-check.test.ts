import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig, validateAgainstSchema } from '../../build/dist-check/config';
import { checkFuses, loadAfterPackHook, REQUIRED_FUSES } from '../../build/dist-check/fuses';
import { checkPackedFiles, filesToPack } from '../../build/dist-check/packed-files';
import { isRecord, type Problem } from '../../build/dist-check/problems';
import { checkRequiredSettings } from '../../build/dist-check/requirements';
import { findSecretsInConfig, findSecretsInFiles } from '../../build/dist-check/secrets';
import { checkShellBundle, checkWebPreferencesSource } from '../../build/dist-check/shell-security';

const ROOT = resolve(import.meta.dirname, '../..');
const realConfig = loadBuilderConfig(join(ROOT, 'electron-builder.yml'));
const hook = await loadAfterPackHook(realConfig, ROOT);
if ('error' in hook) throw new Error(hook.error);
const hookModule = hook.module;

/** A deep copy of the real configuration, changed by `edit`. */
function configWith(edit: (config: Record<string, unknown>) => void): Record<string, unknown> {
  const copy: unknown = structuredClone(realConfig);
  if (!isRecord(copy)) throw new Error('electron-builder.yml is not a mapping');
  edit(copy);
  return copy;
}
const section = (config: Record<string, unknown>, key: string): Record<string, unknown> => {
  const value = config[key];
  if (!isRecord(value)) throw new Error(`${key} is not a mapping`);
  return value;
};
const wheres = (problems: Problem[]) => problems.map((found) => found.where);

describe('the real configuration', () => {
  it('passes every configuration check', () => {
    expect(validateAgainstSchema(realConfig)).toEqual([]);
    expect(checkRequiredSettings(realConfig, ROOT)).toEqual([]);
    expect(checkFuses(realConfig, hookModule)).toEqual([]);
    expect(findSecretsInConfig(realConfig)).toEqual([]);
  });

  it('has a window that passes the shell security check', () => {
    expect(checkWebPreferencesSource(readFileSync(join(ROOT, 'main/app/window.ts'), 'utf8'), 'main/app/window.ts')).toEqual([]);
  });
});

describe('schema validation', () => {
  it('reports a misspelt setting by its path, once', () => {
    const problems = validateAgainstSchema(configWith((c) => (section(c, 'mac')['hardenedRuntim'] = true)));
    expect(problems).toEqual([expect.objectContaining({ check: 'schema', where: 'mac.hardenedRuntim' })]);
  });

  it('reports a wrong type and a setting in the wrong place', () => {
    const problems = validateAgainstSchema(
      configWith((c) => {
        section(c, 'nsis')['perMachine'] = 'yes';
        section(c, 'win')['publisherName'] = 'City of Lethbridge 311'; // electron-builder 25's place
      }),
    );
    expect(wheres(problems).sort()).toEqual(['nsis.perMachine', 'win.publisherName']);
  });
});

describe('required settings', () => {
  it.each<[string, (c: Record<string, unknown>) => void, string]>([
    ['asarUnpack missing', (c) => delete c['asarUnpack'], 'asarUnpack'],
    ['asarUnpack not covering the driver', (c) => (c['asarUnpack'] = ['node_modules/better-sqlite3/**/*']), 'asarUnpack'],
    ['npmRebuild off', (c) => (c['npmRebuild'] = false), 'npmRebuild'],
    ['asar off', (c) => (c['asar'] = false), 'asar'],
    ['NSIS per user', (c) => (section(c, 'nsis')['perMachine'] = false), 'nsis.perMachine'],
    ['a plain MSI instead of msiWrapped', (c) => (section(c, 'win')['target'] = ['nsis', 'msi']), 'win.target'],
    ['a wrapped MSI that is not silent', (c) => (section(c, 'msiWrapped')['wrappedInstallerArgs'] = '/allusers'), 'msiWrapped.wrappedInstallerArgs'],
    ['no publisher name', (c) => delete section(c, 'win')['signtoolOptions'], 'win.signtoolOptions.publisherName'],
    ['no hardened runtime', (c) => (section(c, 'mac')['hardenedRuntime'] = false), 'mac.hardenedRuntime'],
    ['no notarization', (c) => delete section(c, 'mac')['notarize'], 'mac.notarize'],
    ['an entitlements file that does not exist', (c) => (section(c, 'mac')['entitlements'] = 'build/missing.plist'), 'mac.entitlements'],
    ['no zip for mac updates', (c) => (section(c, 'mac')['target'] = ['dmg']), 'mac.target'],
    ['no deb', (c) => (section(c, 'linux')['target'] = ['AppImage']), 'linux.target'],
    ['a GitHub feed', (c) => (c['publish'] = { provider: 'github' }), 'publish'],
  ])('reports %s', (_label, edit, where) => {
    expect(wheres(checkRequiredSettings(configWith(edit), ROOT))).toContain(where);
  });
});

describe('fuses', () => {
  const hookWith = (fuses: Record<string, unknown>) => ({ ...(isRecord(hookModule) ? hookModule : {}), FUSES: fuses });

  it('reports a fuse turned back on, one left out and one unknown', () => {
    const { RunAsNode: _dropped, ...rest } = REQUIRED_FUSES;
    expect(wheres(checkFuses(realConfig, hookWith({ ...REQUIRED_FUSES, EnableNodeCliInspectArguments: true })))).toEqual(['afterPack FUSES.EnableNodeCliInspectArguments']);
    expect(wheres(checkFuses(realConfig, hookWith(rest)))).toEqual(['afterPack FUSES.RunAsNode']);
    expect(wheres(checkFuses(realConfig, hookWith({ ...REQUIRED_FUSES, Mystery: true })))).toEqual(['afterPack FUSES.Mystery']);
  });

  it('reports electronFuses set beside the hook, and a hook without a table', () => {
    expect(wheres(checkFuses(configWith((c) => (c['electronFuses'] = { runAsNode: false })), hookModule))).toEqual(['electronFuses']);
    expect(wheres(checkFuses(realConfig, { afterPack: () => {} }))).toEqual(['afterPack FUSES']);
  });

  it('reports a configuration without the hook', async () => {
    expect(await loadAfterPackHook(configWith((c) => delete c['afterPack']), ROOT)).toMatchObject({ error: expect.stringContaining('afterPack is not set') });
  });
});

describe('secrets', () => {
  it('reports a literal credential and accepts an ${env.X} reference', () => {
    const problems = findSecretsInConfig(
      configWith((c) => {
        section(c, 'win')['cscKeyPassword'] = 'hunter2';
        section(c, 'mac')['cscLink'] = '${env.MAC_CSC_LINK}';
      }),
    );
    expect(wheres(problems)).toEqual(['win.cscKeyPassword']);
  });

  describe('in files', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'civicdesk-secrets-'));
      writeFileSync(join(dir, 'notes.md'), ['-----BEGIN', `PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7${'A'.repeat(64)}\n`].join(' '));
      // Code that only names the header (an error message, a test of a generated key) is not key material.
      writeFileSync(join(dir, 'mentions.ts'), `throw new Error('it should start with ${['-----BEGIN', 'PRIVATE KEY-----'].join(' ')}');`);
      writeFileSync(join(dir, 'clean.md'), 'nothing to see');
      writeFileSync(join(dir, 'signing.pfx'), 'binary');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports a private key block and a certificate bundle by name', () => {
      expect(wheres(findSecretsInFiles(dir, ['notes.md', 'clean.md', 'mentions.ts', 'signing.pfx'])).sort()).toEqual(['notes.md', 'signing.pfx']);
    });
  });
});

describe('shell security', () => {
  const source = readFileSync(join(ROOT, 'main/app/window.ts'), 'utf8');

  it('reports a setting weakened in the constant', () => {
    const weakened = source.replace('sandbox: true,', 'sandbox: false,');
    expect(weakened).not.toBe(source);
    expect(wheres(checkWebPreferencesSource(weakened, 'window.ts'))).toEqual(['window.ts CONSOLE_WEB_PREFERENCES.sandbox']);
  });

  it('reports a setting left out, and a window that overrides the constant', () => {
    expect(wheres(checkWebPreferencesSource(source.replace('contextIsolation: true,', ''), 'window.ts'))).toEqual(['window.ts CONSOLE_WEB_PREFERENCES.contextIsolation']);
    const overridden = source.replace('{ ...CONSOLE_WEB_PREFERENCES, preload: preloadFile }', '{ ...CONSOLE_WEB_PREFERENCES, preload: preloadFile, nodeIntegration: true }');
    expect(overridden).not.toBe(source);
    expect(checkWebPreferencesSource(overridden, 'window.ts')).toEqual([expect.objectContaining({ message: expect.stringContaining('nothing else') })]);
  });

  it('reads the minified bundle', () => {
    const good = 'new B({webPreferences:{contextIsolation:!0,sandbox:!0,nodeIntegration:!1,preload:p}});a.enableSandbox()';
    expect(checkShellBundle(good, 'main.js')).toEqual([]);
    expect(checkShellBundle(good.replace('sandbox:!0', 'sandbox:!1'), 'main.js').map((found) => found.message)).toEqual([
      'contains sandbox turned off: "sandbox:!1"',
      'does not contain sandbox: true',
    ]);
    expect(checkShellBundle(`${good};x.loadFile("index.html")`, 'main.js')).toHaveLength(1);
  });
});

describe('packed files', () => {
  let dir: string;
  const write = (path: string, text = 'x') => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'civicdesk-pack-'));
    for (const path of [
      'package.json',
      'dist/main/app/main.js',
      'dist/main/app/main.js.map',
      'dist/main/app/preload.cjs',
      'dist/main/app/ipc.test.js',
      'dist/main/app/window.ts',
      'dist/renderer/index.html',
      'dist/renderer/.env',
      'dist/renderer/fixtures/cases.csv',
      'dist/host/web.js',
      'main/app/main.ts',
    ]) write(path);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('packs only the built app with the real patterns', () => {
    const packed = filesToPack(dir, realConfig).map((file) => file.path);
    expect(packed).toEqual(['dist/main/app/main.js', 'dist/main/app/preload.cjs', 'dist/renderer/index.html', 'package.json']);
    expect(checkPackedFiles(dir, filesToPack(dir, realConfig), 'dist/main/app/main.js')).toEqual([]);
  });

  it('reports tests, maps, TypeScript, .env and fixtures when the patterns let them in', () => {
    const loose = configWith((c) => (c['files'] = ['dist/**/*', 'package.json']));
    expect(wheres(checkPackedFiles(dir, filesToPack(dir, loose), 'dist/main/app/main.js')).sort()).toEqual([
      'dist/main/app/ipc.test.js',
      'dist/main/app/main.js.map',
      'dist/main/app/window.ts',
      'dist/renderer/.env',
      'dist/renderer/fixtures/cases.csv',
    ]);
  });

  it('reports a required file left out', () => {
    const narrow = configWith((c) => (c['files'] = ['dist/main/app/{main.js,preload.cjs}', 'package.json']));
    expect(wheres(checkPackedFiles(dir, filesToPack(dir, narrow), 'dist/main/app/main.js'))).toEqual(['dist/renderer/index.html']);
  });
});

describe('the afterPack hook', () => {
  // A stand-in for an Electron binary: @electron/fuses finds the fuse wire after this sentinel.
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  const ELECTRON_DEFAULTS = '10110001'; // RunAsNode, -, NODE_OPTIONS, inspect on; file:// privileges on
  let dir: string;
  const afterPack = (): ((context: unknown) => Promise<void>) => {
    if (!isRecord(hookModule) || typeof hookModule['afterPack'] !== 'function') throw new Error('after-pack.mjs exports no afterPack');
    const fn = hookModule['afterPack'];
    return (context) => Promise.resolve(fn(context));
  };
  const linuxContext = (config: Record<string, unknown> = {}) => ({
    electronPlatformName: 'linux',
    appOutDir: dir,
    arch: 1,
    packager: { executableName: 'civicdesk', appInfo: { productFilename: 'CivicDesk' }, config },
  });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'civicdesk-fuses-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('flips the wire of the Linux executable to exactly the required fuses', async () => {
    const binary = join(dir, 'civicdesk');
    writeFileSync(binary, Buffer.concat([Buffer.from(`ELF...${SENTINEL}`), Buffer.from([1, 8]), Buffer.from(`${ELECTRON_DEFAULTS}...rest`)]));
    await afterPack()(linuxContext());
    const bytes = readFileSync(binary);
    const wire = bytes.subarray(bytes.indexOf(SENTINEL) + SENTINEL.length + 2, bytes.indexOf(SENTINEL) + SENTINEL.length + 10).toString();
    const expected = Object.values(REQUIRED_FUSES).map((on) => (on ? '1' : '0')).join('');
    expect(wire).toBe(expected);
    expect(wire).toBe('01001100');
  });

  it('refuses to run beside electronFuses', async () => {
    await expect(afterPack()(linuxContext({ electronFuses: { runAsNode: false } }))).rejects.toThrow(/electronFuses/);
  });
});
