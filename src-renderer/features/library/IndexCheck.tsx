import { useState } from 'react';
import { useSearch } from '../../search/SearchContext.tsx';

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'done'; message: string; problems: boolean };

interface Outcome {
  message: string;
  problems: boolean;
}

/**
 * The search index's consistency check and repair, as commands: the index must never point at
 * an article that is gone nor miss one that is there; this says whether it does and fixes it.
 */
export function IndexCheck() {
  const search = useSearch();
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function run(what: string, action: () => Promise<Outcome>) {
    setState({ kind: 'busy', what });
    try {
      setState({ kind: 'done', ...(await action()) });
    } catch (error) {
      setState({ kind: 'done', message: `Failed: ${(error as Error).message}`, problems: true });
    }
  }

  const check = () =>
    run('Checking the search index…', async () => {
      const { dangling, missing } = await search.check();
      const problems = dangling > 0 || missing > 0;
      return {
        problems,
        message: problems
          ? `The search index has ${dangling} stale entries and misses ${missing} articles.`
          : 'The search index matches the library.',
      };
    });

  const repair = () =>
    run('Repairing the search index…', async () => {
      const { dangling, missing } = await search.repair();
      return {
        problems: false,
        message: `Repaired: hid ${dangling} stale entries and indexed ${missing} articles.`,
      };
    });

  return (
    <div className="index-check" data-testid="index-check">
      {state.kind === 'idle' && (
        <button type="button" className="link-button" onClick={() => void check()}>
          Check the search index
        </button>
      )}
      {state.kind === 'busy' && <p role="status">{state.what}</p>}
      {state.kind === 'done' && (
        <p role="status">
          {state.message}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => (state.problems ? void repair() : setState({ kind: 'idle' }))}
          >
            {state.problems ? 'Repair it' : 'OK'}
          </button>
        </p>
      )}
    </div>
  );
}
