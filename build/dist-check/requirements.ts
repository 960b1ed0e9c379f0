import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { globMatcher } from './glob';
import { isRecord, problem, valueAt, type Problem } from './problems';

/** The native SQLite driver: rebuilt for Electron and kept outside the asar. */
export const NATIVE_MODULE = 'better-sqlite3-multiple-ciphers';
/** A file inside it that must end up unpacked (the compiled addon). */
const NATIVE_ADDON = `node_modules/${NATIVE_MODULE}/build/Release/better_sqlite3.node`;

/** The names of a platform's targets, whether written as strings, objects or a list of either. */
export function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : target === undefined ? [] : [target];
  return list.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    if (isRecord(entry) && typeof entry['target'] === 'string') return [entry['target']];
    return [];
  });
}

const asStrings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string');

/**
 * What CivicDesk's installers must be, beyond being a valid configuration: per-machine and silent
 * on Windows with an MSI that still updates, hardened and notarized on macOS, AppImage and deb on
 * Linux, the native driver rebuilt and unpacked, a publisher to verify updates against, and a
 * generic update feed.
 */
export function checkRequiredSettings(config: unknown, root: string): Problem[] {
  const problems: Problem[] = [];
  const require = (where: string, ok: boolean, message: string) => {
    if (!ok) problems.push(problem('required setting', where, message));
  };
  const at = (path: string) => valueAt(config, path);

  require('asar', at('asar') === true, 'must be true: the app ships as an asar (integrity validation and OnlyLoadAppFromAsar depend on it)');
  require('npmRebuild', at('npmRebuild') === true, `must be true: ${NATIVE_MODULE} must be rebuilt for Electron's ABI`);
  const unpack = asStrings(at('asarUnpack')).map((pattern) => globMatcher(pattern));
  require(
    'asarUnpack',
    unpack.some((pattern) => pattern.match(NATIVE_ADDON)),
    `must cover ${NATIVE_ADDON} (e.g. node_modules/${NATIVE_MODULE}/**/*): a native module cannot be loaded from inside the asar`,
  );

  const win = targetNames(at('win.target'));
  require('win.target', win.includes('nsis'), 'must include nsis: the per-machine installer that electron-updater can update');
  require('win.target', win.includes('msiWrapped'), 'must include msiWrapped: the MSI for IT, wrapping the NSIS installer so updates keep working');
  require('win.target', !win.includes('msi'), 'must not include msi: electron-updater cannot update a plain MSI install (use msiWrapped)');
  require('nsis.perMachine', at('nsis.perMachine') === true, 'must be true: one installation for every user of the desk');
  if (at('nsis.oneClick') === false) {
    require('nsis.allowElevation', at('nsis.allowElevation') !== false, 'must not be false: a per-machine install elevates');
  }
  require('msiWrapped.perMachine', at('msiWrapped.perMachine') === true, 'must be true, like the NSIS installer it wraps');
  const wrappedArgs = at('msiWrapped.wrappedInstallerArgs');
  require(
    'msiWrapped.wrappedInstallerArgs',
    typeof wrappedArgs === 'string' && /(^|\s)\/S(\s|$)/.test(wrappedArgs),
    'must contain /S: msiexec /qn must not open the NSIS wizard',
  );
  const publisher = at('win.signtoolOptions.publisherName');
  require(
    'win.signtoolOptions.publisherName',
    (typeof publisher === 'string' && publisher.trim() !== '') || (Array.isArray(publisher) && publisher.length > 0),
    'must name the signing certificate\'s subject: without it electron-updater skips the update signature check',
  );
  require('win.verifyUpdateCodeSignature', at('win.verifyUpdateCodeSignature') !== false, 'must not be false: updates are verified against publisherName');

  const mac = targetNames(at('mac.target'));
  require('mac.target', mac.includes('dmg') && mac.includes('zip'), 'must include dmg (first install) and zip (what electron-updater downloads)');
  require('mac.hardenedRuntime', at('mac.hardenedRuntime') === true, 'must be true: notarization requires the hardened runtime');
  require('mac.notarize', at('mac.notarize') === true, 'must be true (credentials come from APPLE_* environment variables)');
  for (const key of ['mac.entitlements', 'mac.entitlementsInherit']) {
    const file = at(key);
    require(key, typeof file === 'string' && existsSync(join(root, file)), `must name an entitlements file that exists (got ${JSON.stringify(file)})`);
  }

  const linux = targetNames(at('linux.target'));
  require('linux.target', linux.includes('AppImage') && linux.includes('deb'), 'must include AppImage and deb');

  const publish = at('publish');
  const feeds = Array.isArray(publish) ? publish : [publish];
  const generic = feeds.find((feed) => isRecord(feed) && feed['provider'] === 'generic');
  require('publish', generic !== undefined, 'must have a generic provider: electron-updater\'s feed (latest.yml) is set from the machine policy at run time');
  if (isRecord(generic)) {
    require('publish.url', typeof generic['url'] === 'string' && generic['url'] !== '', 'must be set (a placeholder; the real feed comes from the machine policy)');
    require('publish.channel', generic['channel'] === undefined || generic['channel'] === 'latest', 'must be latest: IT stages rollouts in latest.yml');
  }
  return problems;
}
