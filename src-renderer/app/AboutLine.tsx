import { useEffect, useState } from 'react';
import { useHost, type AppInfo } from '../host/index.ts';

/** "Quire 0.1.0 · web" at the foot of the sidebar: which build and shell this is. */
export function AboutLine() {
  const host = useHost();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let current = true;
    host.appInfo().then(
      (value) => current && setInfo(value),
      () => undefined, // purely informative: say nothing rather than an error
    );
    return () => {
      current = false;
    };
  }, [host]);

  if (!info) return null;
  const shell = info.electron ? `Electron ${info.electron} · ${info.platform}` : 'web';
  return (
    <p className="about-line" data-testid="about-line">
      {info.name} {info.version} · {shell}
    </p>
  );
}
