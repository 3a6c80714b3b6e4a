import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('quire', {});
