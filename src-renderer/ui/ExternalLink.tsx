import type { ReactNode } from 'react';
import { useHost } from '../host/index.ts';

interface Props {
  href: string;
  children: ReactNode;
  /** Tooltip; links in article text show their address here. */
  title?: string;
}

/** A link that leaves the app through the host (system browser or new tab), never in place. */
export function ExternalLink({ href, children, title }: Props) {
  const host = useHost();
  return (
    <a
      href={href}
      title={title}
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
