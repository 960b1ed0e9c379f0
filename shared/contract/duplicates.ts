import type { Operation } from './operation';

/** The duplicate check's console operations (spread into consoleApi). */
export const duplicateOperations = {} as const satisfies Record<string, Operation>;
