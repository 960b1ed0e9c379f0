import type { ApiResult } from './errors';
import type { OperationInput, OperationName, OperationOutput } from './operations';

/**
 * What the Electron preload exposes as `window.civicdesk`: one named function per operation of the
 * contract table, nothing else. The browser host offers the same operations as POST /api/<name>.
 */
export type CivicDeskBridge = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<ApiResult<OperationOutput<K>>>;
};

/** The IPC channel of an operation, shared by the preload and main's handlers. */
export const ipcChannelOf = (name: OperationName): string => `civicdesk:${name}`;

/** HTTP status the browser host answers with for each outcome; the body is always an ApiResult. */
export const HTTP_STATUS_OF_ERROR = {
  invalid_input: 400,
  not_signed_in: 401,
  unauthorized: 401,
  forbidden: 403,
  offline: 503,
  not_configured: 409,
  update_required: 426,
  not_found: 404,
  conflict: 409,
  transition_refused: 409,
  locked: 423,
  unknown_operation: 404,
  internal: 500,
} as const;
