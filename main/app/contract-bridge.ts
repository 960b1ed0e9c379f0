import type { CivicDeskBridge } from '../../shared/contract/bridge';
import { ipcChannelOf } from '../../shared/contract/bridge';
import { OPERATION_NAMES, type OperationName } from '../../shared/contract/operations';

/** Electron's `ipcRenderer.invoke`, as far as the bridge needs it. */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * `window.civicdesk`: one named function per operation of the contract table, each invoking that
 * operation's own channel with its one argument. No raw ipcRenderer, no invoke-by-name: a script
 * that reaches the page can ask for the console's operations and nothing else, and main still
 * checks the sender and parses every input.
 */
export function createContractBridge(invoke: Invoke): CivicDeskBridge {
  const entries = OPERATION_NAMES.map((name: OperationName) => [name, (input: unknown) => invoke(ipcChannelOf(name), input)] as const);
  // The reply's type is main's promise (its handlers check their output against the contract);
  // nothing in the renderer process can verify it without shipping zod into the preload.
  return Object.freeze(Object.fromEntries(entries)) as CivicDeskBridge;
}
