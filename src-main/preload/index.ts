import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type QuireApi } from '../ipc/contract.ts';

/**
 * The whole bridge: one wrapper per contract method, each forwarding exactly its declared
 * arguments to its own channel. No generic invoke(channel, ...args): the page can reach
 * nothing the contract does not name (DESIGN §1, §3).
 */
const api: QuireApi = {
  writeClipboard: (content) => ipcRenderer.invoke(IPC_CHANNELS.writeClipboard, content),
  openExternal: (url) => ipcRenderer.invoke(IPC_CHANNELS.openExternal, url),
  getAppInfo: () => ipcRenderer.invoke(IPC_CHANNELS.getAppInfo),
  capturePage: (request) => ipcRenderer.invoke(IPC_CHANNELS.capturePage, request),
  fetchImage: (request) => ipcRenderer.invoke(IPC_CHANNELS.fetchImage, request),
  chooseFolder: () => ipcRenderer.invoke(IPC_CHANNELS.chooseFolder),
  readFolderFile: (path) => ipcRenderer.invoke(IPC_CHANNELS.readFolderFile, path),
  saveBackup: (bytes, reason) => ipcRenderer.invoke(IPC_CHANNELS.saveBackup, bytes, reason),
  listBackups: () => ipcRenderer.invoke(IPC_CHANNELS.listBackups),
  readBackup: (name) => ipcRenderer.invoke(IPC_CHANNELS.readBackup, name),
};

contextBridge.exposeInMainWorld('quire', api);
