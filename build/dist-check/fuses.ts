import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isRecord, problem, valueAt, type Problem } from './problems';

/**
 * The fuses CivicDesk ships with (issue 7, DESIGN.md "Security"), by @electron/fuses' FuseV1Options
 * names. build/after-pack.mjs must flip exactly these; this copy is the yardstick, so weakening the
 * hook's table is caught rather than trusted.
 */
export const REQUIRED_FUSES: Readonly<Record<string, boolean>> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

/** Loads the afterPack hook the configuration names, as electron-builder would. */
export async function loadAfterPackHook(config: unknown, root: string): Promise<{ file: string; module: unknown } | { file: string | undefined; error: string }> {
  const hook = valueAt(config, 'afterPack');
  if (typeof hook !== 'string' || hook === '') return { file: undefined, error: 'afterPack is not set: nothing would flip the fuses' };
  const file = resolve(root, hook);
  if (!existsSync(file)) return { file, error: `afterPack names ${hook}, which does not exist` };
  try {
    const module: unknown = await import(pathToFileURL(file).href);
    return { file, module };
  } catch (error) {
    return { file, error: `afterPack ${hook} does not load: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The hook must export its fuse table as `FUSES` and the hook itself as `afterPack`; the table must
 * equal REQUIRED_FUSES exactly, and the configuration must not set electronFuses as well (two
 * tables, two places to forget).
 */
export function checkFuses(config: unknown, hookModule: unknown): Problem[] {
  const problems: Problem[] = [];
  const fail = (where: string, message: string) => problems.push(problem('fuses', where, message));
  if (valueAt(config, 'electronFuses') !== undefined) {
    fail('electronFuses', 'must not be set: the afterPack hook flips the fuses, and one table is the only way to know which ones ship');
  }
  if (!isRecord(hookModule)) {
    fail('afterPack', 'the hook exports nothing');
    return problems;
  }
  if (typeof hookModule['afterPack'] !== 'function') fail('afterPack', 'the hook must export its function as afterPack');
  const table = hookModule['FUSES'];
  if (!isRecord(table)) {
    fail('afterPack FUSES', 'the hook must export its fuse table as FUSES');
    return problems;
  }
  for (const [name, required] of Object.entries(REQUIRED_FUSES)) {
    if (!(name in table)) fail(`afterPack FUSES.${name}`, `is missing; it must be ${required}`);
    else if (table[name] !== required) fail(`afterPack FUSES.${name}`, `is ${JSON.stringify(table[name])}; it must be ${required}`);
  }
  for (const name of Object.keys(table).filter((name) => !(name in REQUIRED_FUSES))) {
    fail(`afterPack FUSES.${name}`, 'is not a fuse this check knows; add it to REQUIRED_FUSES (build/dist-check/fuses.ts) with the value it must have');
  }
  return problems;
}
