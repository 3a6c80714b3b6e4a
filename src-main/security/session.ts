import type { Session } from 'electron';
import { carriesContentSecurityPolicy, withContentSecurityPolicy } from './csp-header.ts';

type GuardedSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'webRequest'
>;

/**
 * Quire needs no browser permission: the clipboard goes through IPC, nothing uses camera,
 * location, notifications, USB... Denying every request and check means a hostile page
 * fragment that slipped through sanitizing still cannot ask for anything.
 * The CSP is also sent as a header because the dev server's index.html has no meta tag.
 */
export function hardenSession(session: GuardedSession, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!carriesContentSecurityPolicy(details.url)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: withContentSecurityPolicy(details.responseHeaders, contentSecurityPolicy),
    });
  });
}
