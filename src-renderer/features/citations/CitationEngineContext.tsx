import { createContext, use, type ReactNode } from 'react';
import type { CitationEngine } from './load-engine.ts';

const EngineContext = createContext<Promise<CitationEngine> | null>(null);

/**
 * Hands down the citation engine, loaded once at startup as its own chunk (citation-js and
 * the CSL styles are large). Readers of it suspend until it is ready.
 */
export function CitationEngineProvider({
  engine,
  children,
}: {
  engine: Promise<CitationEngine>;
  children: ReactNode;
}) {
  return <EngineContext value={engine}>{children}</EngineContext>;
}

/** Suspends until the engine is ready; call it under a <Suspense> boundary. */
export function useCitationEngine(): CitationEngine {
  const engine = use(EngineContext);
  if (!engine) throw new Error('useCitationEngine() needs a <CitationEngineProvider> above it');
  return use(engine);
}
