import type { ReactNode } from 'react';
import { useHost } from '../host/index.ts';

/** A link that leaves the app through the host (system browser or new tab), never in place. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const host = useHost();
  return (
    <a
      href={href}
      rel="noopener noreferrer"
      onClick={(event) => {
        event.preventDefault();
        host.openExternal(href).catch((error: unknown) => {
          console.warn(`Could not open ${href}:`, error);
        });
      }}
    >
      {children}
    </a>
  );
}
