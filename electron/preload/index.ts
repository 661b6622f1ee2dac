/**
 * The preload runs sandboxed (built as CommonJS, see electron.vite.config.ts) and gives the page one
 * thing: `window.feetrail.invoke(name, input)` for the calls of the desktop contract. No ipcRenderer,
 * no Node, nothing else crosses the context bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'feetrail',
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
