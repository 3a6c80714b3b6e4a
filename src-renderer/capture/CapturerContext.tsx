import { createContext, useContext, type ReactNode } from 'react';
import type { Capturer } from './capturer.ts';

const CapturerContext = createContext<Capturer | null>(null);

export function CapturerProvider({
  capturer,
  children,
}: {
  capturer: Capturer;
  children: ReactNode;
}) {
  return <CapturerContext value={capturer}>{children}</CapturerContext>;
}

/** The app's one capture pipeline (workers unless told otherwise), chosen at startup. */
export function useCapturer(): Capturer {
  const capturer = useContext(CapturerContext);
  if (!capturer) throw new Error('useCapturer() needs a <CapturerProvider> above it');
  return capturer;
}
