export type {
  AppInfo,
  BackupStore,
  ClipboardPayload,
  FetchedPage,
  FolderAccess,
  FolderListing,
  Host,
  ImageResult,
} from './host.ts';
export { UserFacingError } from './host.ts';
export { HostProvider, useHost } from './HostContext.tsx';
export { importDeps } from './import-deps.ts';
export { parseHtml } from './parse-html.ts';
export { selectHost } from './select-host.ts';
export { sha256 } from './sha256.ts';
