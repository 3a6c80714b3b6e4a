import { createHash } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

/**
 * The inline module script @vitejs/plugin-react injects into index.html on the dev server
 * (React Fast Refresh). A test renders the real dev index.html and checks every inline script
 * is covered, so a plugin upgrade that changes this text fails loudly instead of blanking dev.
 */
export const REACT_REFRESH_PREAMBLE = [
  'import { injectIntoGlobalHook } from "/@react-refresh";',
  'injectIntoGlobalHook(window);',
  'window.$RefreshReg$ = () => {};',
  'window.$RefreshSig$ = () => (type) => type;',
].join('\n');

export function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * The production policy, widened by exactly two things the dev server needs: the hash of the
 * Fast Refresh preamble (never 'unsafe-inline', never 'unsafe-eval') and the HMR WebSocket.
 */
export function devServerContentSecurityPolicy(devServerUrl: string): string {
  const server = new URL(devServerUrl);
  const socket = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => {
      if (directive.startsWith('script-src ')) {
        return `${directive} ${scriptHashSource(REACT_REFRESH_PREAMBLE)}`;
      }
      if (directive.startsWith('connect-src ')) return `${directive} ${socket}`;
      return directive;
    })
    .join('; ');
}
