import { createContext, Suspense, use, type ReactNode } from 'react';
import { ErrorBoundary } from '../../ui/ErrorBoundary.tsx';
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

/**
 * Shows `children` once the engine is ready: a note while it loads, and the reason if it
 * failed to load ("<unavailable>: …"), in the caller's note style.
 */
export function WithCitationEngine({
  unavailable,
  noteClassName,
  errorClassName = noteClassName,
  children,
}: {
  unavailable: string;
  noteClassName: string;
  errorClassName?: string;
  children: ReactNode;
}) {
  return (
    <ErrorBoundary
      fallback={(message) => (
        <p className={errorClassName} role="alert">
          {unavailable}: {message}
        </p>
      )}
    >
      <Suspense fallback={<p className={noteClassName}>Preparing citation styles…</p>}>
        {children}
      </Suspense>
    </ErrorBoundary>
  );
}
