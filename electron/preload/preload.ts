/**
 * Sandboxed preload (built as CommonJS): exposes the typed bridge as window.tallyConnect and nothing
 * else — never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopBridge } from './bridge';

contextBridge.exposeInMainWorld('tallyConnect', createDesktopBridge(ipcRenderer));
