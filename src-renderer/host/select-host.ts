import { createElectronHost, electronBridge } from './electron-host.ts';
import type { Host } from './host.ts';
import { createWebHost } from './web-host.ts';

/** Called once at startup: the Electron preload's bridge when present, else the plain browser. */
export function selectHost(): Host {
  const bridge = electronBridge();
  return bridge ? createElectronHost(bridge) : createWebHost();
}
