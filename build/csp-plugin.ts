import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../src-main/security/csp.ts';

/**
 * Writes the CSP into the built index.html. Only at build time: the dev server injects an
 * inline React-refresh preamble that a strict policy would (rightly) block.
 */
export function cspMetaPlugin(policy: string = META_CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'quire-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
      return html.replace('<!-- csp -->', meta);
    },
  };
}
