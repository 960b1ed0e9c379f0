// `npm run dist`: builds the renderer and the shell, runs dist:check, then the installers for this OS (Windows: NSIS + msiWrapped; macOS: dmg + zip;
// Linux: AppImage + deb) in release/, with latest*.yml beside them. Publishes nothing.
//
// electron-builder reads electron-builder.yml itself; this script only adds what YAML cannot say
// conditionally, and passes just those additions (electron-builder merges them into the file, and
// passing the whole file again would duplicate its lists):
//   - win.azureSignOptions, when all three of these are set (they vary per city, and are not secret):
//       AZURE_TRUSTED_SIGNING_ENDPOINT              e.g. https://eus.codesigning.azure.net
//       AZURE_TRUSTED_SIGNING_ACCOUNT               the Trusted Signing account name
//       AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE   the certificate profile name
//     The credentials (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET) are read by the signing
//     tool from the environment, like CSC_LINK / CSC_KEY_PASSWORD / WIN_CSC_LINK and APPLE_*.
//   - CIVICDESK_PUBLISHER_NAME: the signing certificate's subject CN, when a city signs with its own
//     certificate (replaces win.signtoolOptions.publisherName; updates are verified against it).
//   - electronDist: the Electron runtime already on this machine (node_modules/electron/dist or the
//     Electron cache), so nothing is downloaded. Without one, the build stops with one sentence;
//     CIVICDESK_ALLOW_ELECTRON_DOWNLOAD=1 lets electron-builder download it instead.
// Extra arguments go to electron-builder's target selection: --x64, --arm64, --universal, --dir.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fail = (sentence) => {
  console.error(`npm run dist: ${sentence}`);
  process.exit(1);
};

// Read as a file: the electron package itself is main/app's to import (eslint layer rule).
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const platform = process.platform;
const arch = process.argv.includes('--arm64') ? 'arm64' : process.argv.includes('--x64') ? 'x64' : process.arch;

/** The Electron runtime for this OS, if this machine already has it; null otherwise. */
function localElectron() {
  // electron's own install script (blocked by allowScripts here) unpacks it next to path.txt.
  const unpacked = join(root, 'node_modules/electron/dist');
  if (existsSync(join(root, 'node_modules/electron/path.txt')) && existsSync(unpacked) && arch === process.arch) return unpacked;
  const zip = `electron-v${electronVersion}-${platform}-${arch}.zip`;
  const cacheRoots = [
    process.env.ELECTRON_CACHE,
    process.env.electron_config_cache,
    process.env.ELECTRON_BUILDER_CACHE,
    platform === 'darwin' ? join(homedir(), 'Library/Caches/electron') : undefined,
    platform === 'darwin' ? join(homedir(), 'Library/Caches/electron-builder') : undefined,
    platform === 'win32' && process.env.LOCALAPPDATA ? join(process.env.LOCALAPPDATA, 'electron/Cache') : undefined,
    platform === 'win32' && process.env.LOCALAPPDATA ? join(process.env.LOCALAPPDATA, 'electron-builder/Cache') : undefined,
    platform === 'linux' ? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron') : undefined,
    platform === 'linux' ? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron-builder') : undefined,
  ].filter(Boolean);
  // The caches keep each download in a folder named after a hash of its URL: look two levels down.
  const find = (dir, depth) => {
    if (!existsSync(dir)) return null;
    if (existsSync(join(dir, zip))) return join(dir, zip);
    if (depth === 0) return null;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        const found = find(path, depth - 1);
        if (found) return found;
      }
    }
    return null;
  };
  for (const cache of cacheRoots) {
    const found = find(cache, 2);
    if (found) return found;
  }
  return null;
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const additions = {};

const electronDist = localElectron();
if (electronDist) additions.electronDist = electronDist;
else if (process.env.CIVICDESK_ALLOW_ELECTRON_DOWNLOAD !== '1') {
  fail(
    `the Electron ${electronVersion} runtime for ${platform}-${arch} is not on this machine (neither node_modules/electron/dist nor electron-v${electronVersion}-${platform}-${arch}.zip in the Electron cache), ` +
      'so no installer can be built here; on a build machine that can reach GitHub, run `node node_modules/electron/install.js` once (or set CIVICDESK_ALLOW_ELECTRON_DOWNLOAD=1) and then `npm run dist`.',
  );
}

// electron-builder rebuilds the native SQLCipher driver for Electron with @electron/rebuild 4, which
// needs Node 22.12 or later (the tests themselves run on Node 20).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  fail(`building installers needs Node.js 22.12 or later (electron-builder's native rebuild requires it); this is Node ${process.versions.node}. Use Node 22 on the build machine.`);
}

const publisherName = process.env.CIVICDESK_PUBLISHER_NAME?.trim() || config?.win?.signtoolOptions?.publisherName;
if (process.env.CIVICDESK_PUBLISHER_NAME?.trim()) additions.win = { signtoolOptions: { publisherName } };

const azure = {
  endpoint: process.env.AZURE_TRUSTED_SIGNING_ENDPOINT?.trim(),
  codeSigningAccountName: process.env.AZURE_TRUSTED_SIGNING_ACCOUNT?.trim(),
  certificateProfileName: process.env.AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE?.trim(),
};
const azureSet = Object.values(azure).filter(Boolean).length;
if (azureSet === 3) {
  additions.win = { ...additions.win, azureSignOptions: { ...azure, publisherName } };
} else if (azureSet > 0) {
  fail('Azure Trusted Signing needs all of AZURE_TRUSTED_SIGNING_ENDPOINT, AZURE_TRUSTED_SIGNING_ACCOUNT and AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE; set the missing ones or none.');
}

const signing = azureSet === 3 ? 'Azure Trusted Signing' : process.env.WIN_CSC_LINK || process.env.CSC_LINK ? 'the certificate in CSC_LINK / WIN_CSC_LINK' : null;
if (!signing) console.warn('npm run dist: no signing credentials in the environment; the installers will be unsigned (fine for a trial, not for desks).');

// Build what ships, and refuse to package it unless dist:check passes (it prints its own summary).
const step = (what, command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) fail(`${what} failed (see above); nothing was packaged.`);
};
step('building the renderer', 'npm', ['run', '-s', 'build:renderer']);
step('building the shell', process.execPath, [join(root, 'build/bundle-shell.mjs')]);
step('dist:check', process.execPath, [join(root, 'build/dist-check.mjs')]);

const { build } = require('electron-builder');
const targetFlags = ['--x64', '--arm64', '--universal', '--ia32'].filter((flag) => process.argv.includes(flag));
try {
  const artifacts = await build({
    projectDir: root,
    config: additions,
    publish: 'never',
    dir: process.argv.includes('--dir'),
    ...Object.fromEntries(targetFlags.map((flag) => [flag.slice(2), true])),
  });
  console.log(`npm run dist: built ${artifacts.length} files in release/:`);
  for (const file of artifacts) console.log(`  ${file}`);
} catch (error) {
  fail(`electron-builder stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
}
