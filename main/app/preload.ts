// Runs sandboxed: it may require only `electron` (and a few Node shims), so the build bundles it,
// with the contract's operation names, into one CommonJS file.
import { contextBridge, ipcRenderer } from 'electron';
import { createContractBridge } from './contract-bridge';
import { createEventsBridge } from './screen-pop-bridge';

contextBridge.exposeInMainWorld(
  'civicdesk',
  createContractBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
// Pushed events apart from the operations: `window.civicdesk` stays exactly the contract table.
contextBridge.exposeInMainWorld('civicdeskEvents', createEventsBridge(ipcRenderer));
