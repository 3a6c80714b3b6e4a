export type { AppInfo, ClipboardPayload, Host } from './host.ts';
export { HostProvider, useHost } from './HostContext.tsx';
export { selectHost } from './select-host.ts';
export { sha256 } from './sha256.ts';
