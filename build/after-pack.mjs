// electron-builder afterPack hook: flips the Electron fuses of the packed app, after packing and
// before signing (signing covers the flipped binary). The table is exported as data so that
// `npm run dist:check` can prove it without an Electron binary; after flipping, the hook reads the
// fuse wire back and fails the build if any fuse did not take.
//
// Fuses are switches compiled into the Electron binary; flipped here, no command line, environment
// variable or script can turn them back (https://www.electronjs.org/docs/latest/tutorial/fuses).
import path from 'node:path';
import fuses from '@electron/fuses';
import builderUtil from 'builder-util';

/**
 * Every fuse @electron/fuses 1.8 knows, by its FuseV1Options name, and the value CivicDesk ships.
 * @type {Readonly<Record<string, boolean>>}
 */
export const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script.
  RunAsNode: false,
  // Cookies on disk encrypted with the OS keychain/DPAPI, as Chrome does.
  EnableCookieEncryption: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / SIGUSR1 would open a debugger on the main process, which holds the desk's key.
  EnableNodeCliInspectArguments: false,
  // The asar's hash is embedded at packing (macOS Info.plist, Windows resource) and checked on load.
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only resources/app.asar is loaded, never a loose resources/app folder dropped beside it.
  OnlyLoadAppFromAsar: true,
  // No separate V8 snapshot for the browser process: Electron's default, stated.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The console is served from app://civicdesk/, so file:// pages get no privileges beyond a browser's.
  GrantFileProtocolExtraPrivileges: false,
});

// How the fuse wire stores a state: the characters '1' and '0' (@electron/fuses' FuseState, which
// it declares but does not export).
const FUSE_ENABLED = '1'.charCodeAt(0);
const FUSE_DISABLED = '0'.charCodeAt(0);

/** Where the Electron executable is inside the packed app, per platform. */
function electronBinaryOf(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      // The Linux executable is named after executableName (lower-case by default), not productFilename.
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: no Electron binary known for platform ${electronPlatformName}`);
  }
}

/** @param {import('app-builder-lib').AfterPackContext} context */
export async function afterPack(context) {
  if (context.packager.config.electronFuses != null) {
    throw new Error('after-pack: electron-builder.yml sets electronFuses as well; the fuses are this hook\'s job, remove that key');
  }
  const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = fuses;
  const { Arch } = builderUtil;
  const binary = electronBinaryOf(context);
  /** @type {Record<number, boolean>} */
  const wire = {};
  for (const [name, value] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`after-pack: @electron/fuses has no fuse named ${name}`);
    wire[index] = value;
  }
  // An arm64 (or universal) macOS binary must carry a valid signature to start at all; flipping
  // bytes breaks the ad-hoc one, so it is redone here (the real signature comes after this hook).
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  const arm = context.arch === Arch.arm64 || context.arch === Arch.universal;
  await flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature: darwin && arm, ...wire });

  const readBack = await getCurrentFuseWire(binary);
  for (const [name, value] of Object.entries(FUSES)) {
    const state = readBack[FuseV1Options[name]];
    const expected = value ? FUSE_ENABLED : FUSE_DISABLED;
    if (state !== expected) {
      throw new Error(`after-pack: fuse ${name} of ${binary} reads ${String(state)} after flipping, expected ${value ? 'enabled' : 'disabled'}`);
    }
  }
  console.log(`  • fuses flipped and verified  binary=${binary}`);
}

export default afterPack;
