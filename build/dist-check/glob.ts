import { createRequire } from 'node:module';

/** The part of minimatch's Minimatch that the checks use. */
export interface GlobMatcher {
  readonly negate: boolean;
  /** partial: could a path inside this folder match? */
  match(path: string, partial?: boolean): boolean;
}

type GlobMatcherClass = new (pattern: string, options: { dot: boolean }) => GlobMatcher;

let matcherClass: GlobMatcherClass | undefined;

/**
 * A glob matcher from the very minimatch electron-builder matches `files` and `asarUnpack` with
 * (app-builder-lib's own copy; the one hoisted to node_modules/ is an older major), with the
 * options electron-builder uses.
 */
export function globMatcher(pattern: string): GlobMatcher {
  if (!matcherClass) {
    const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
    const loaded: unknown = requireFromBuilder('minimatch');
    const candidate = typeof loaded === 'object' && loaded !== null && 'Minimatch' in loaded ? loaded.Minimatch : undefined;
    if (typeof candidate !== 'function') throw new Error("app-builder-lib's minimatch has no Minimatch class");
    matcherClass = candidate as GlobMatcherClass;
  }
  return new matcherClass(pattern, { dot: true });
}
