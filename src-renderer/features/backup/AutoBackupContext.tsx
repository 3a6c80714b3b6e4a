import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AutoBackups, AutoBackupState } from './auto-backup.ts';

const AutoBackupContext = createContext<AutoBackups | null>(null);

export function AutoBackupProvider({
  service,
  children,
}: {
  service: AutoBackups;
  children: ReactNode;
}) {
  return <AutoBackupContext value={service}>{children}</AutoBackupContext>;
}

/** The automatic backups started in main.tsx. */
export function useAutoBackups(): AutoBackups {
  const service = useContext(AutoBackupContext);
  if (!service) throw new Error('useAutoBackups() needs an <AutoBackupProvider> above it');
  return service;
}

export function useAutoBackupState(): AutoBackupState {
  const service = useAutoBackups();
  return useSyncExternalStore(service.subscribe, service.getState);
}
