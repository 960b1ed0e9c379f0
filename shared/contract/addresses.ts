import type { Operation } from './operation';

/** The address list's console operations (spread into consoleApi). */
export const addressOperations = {} as const satisfies Record<string, Operation>;
