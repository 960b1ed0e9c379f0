/** One thing that would make a release unsafe or broken: which check found it, where, and what to do. */
export interface Problem {
  check: string;
  /** A setting's path (`win.signtoolOptions.publisherName`), a file, or a file and a setting. */
  where: string;
  message: string;
}

export const problem = (check: string, where: string, message: string): Problem => ({ check, where, message });

/** `a.b[2].c` from the parts of a path into the configuration. */
export function settingPath(parts: readonly (string | number)[]): string {
  return parts.reduce<string>((path, part) => (typeof part === 'number' ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted path of a parsed YAML/JSON document, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const key of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}
