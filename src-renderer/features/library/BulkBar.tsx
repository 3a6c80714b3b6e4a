import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { parseTagList } from '../../../src-core/library/tags.ts';
import type { Library } from '../../db/index.ts';
import { flattenTree } from './CollectionTree.tsx';

interface Props {
  library: Library;
  checked: ReadonlySet<string>;
  /** Everything the list shows, for "Select all". */
  total: number;
  /** The collection on show, if any: "Move" takes articles out of it. */
  collection: string | null;
  onSelectAll(): void;
  onClear(): void;
  onExport(ids: string[]): void;
  onDelete(ids: string[]): void;
  onStatus(message: string): void;
}

type Mode = null | 'tag' | 'move';

const plural = (n: number, one: string) => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`;

/** Actions on the checked articles: tag, move, export, delete (with undo). */
export function BulkBar(props: Props) {
  const { library, checked, total, collection, onStatus } = props;
  const [mode, setMode] = useState<Mode>(null);
  const [tags, setTags] = useState('');
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const collections = useLiveQuery(() => library.collections.list(), [library]);
  const ids = [...checked];

  async function run(action: () => Promise<string>) {
    setBusy(true);
    try {
      onStatus(await action());
      setMode(null);
    } catch (error) {
      onStatus(`That did not work: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  const tagAction = (remove: boolean) =>
    run(async () => {
      const list = parseTagList(tags);
      if (!list.length) throw new Error('type a tag first');
      const changed = await library.articles.setTags(
        ids,
        remove ? { remove: list } : { add: list },
      );
      setTags('');
      return `${remove ? 'Untagged' : 'Tagged'} ${plural(changed, 'article')}.`;
    });

  return (
    <div className="bulk-bar" role="region" aria-label="Selected articles" data-testid="bulk-bar">
      <p className="bulk-bar__count" aria-live="polite">
        {plural(checked.size, 'article')} selected
        {checked.size < total && (
          <button type="button" className="link-button" onClick={props.onSelectAll}>
            Select all {total.toLocaleString()}
          </button>
        )}
        <button type="button" className="link-button" onClick={props.onClear}>
          Clear
        </button>
      </p>
      <div className="bulk-bar__actions">
        <button
          type="button"
          className="button button--small"
          aria-expanded={mode === 'tag'}
          disabled={busy || !checked.size}
          onClick={() => setMode(mode === 'tag' ? null : 'tag')}
        >
          Tag…
        </button>
        <button
          type="button"
          className="button button--small"
          aria-expanded={mode === 'move'}
          disabled={busy || !checked.size}
          onClick={() => setMode(mode === 'move' ? null : 'move')}
        >
          Move…
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={busy || !checked.size}
          onClick={() => props.onExport(ids)}
        >
          Export…
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          disabled={busy || !checked.size}
          onClick={() => props.onDelete(ids)}
        >
          Delete
        </button>
      </div>
      {mode === 'tag' && (
        <form
          className="bulk-bar__form"
          onSubmit={(event) => {
            event.preventDefault();
            void tagAction(false);
          }}
        >
          <label htmlFor={`${id}-tags`}>Tags (separate with commas)</label>
          <input
            id={`${id}-tags`}
            type="text"
            value={tags}
            autoFocus
            onChange={(e) => setTags(e.target.value)}
          />
          <div className="bulk-bar__row">
            <button type="submit" className="button button--small button--primary" disabled={busy}>
              Add tags
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void tagAction(true)}
            >
              Remove tags
            </button>
          </div>
        </form>
      )}
      {mode === 'move' && (
        <form
          className="bulk-bar__form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              if (!target) throw new Error('choose a collection');
              const remove = collection && collection !== target ? [collection] : [];
              const changed = await library.articles.setCollections(ids, { add: [target], remove });
              return `Moved ${plural(changed, 'article')}.`;
            });
          }}
        >
          <label htmlFor={`${id}-target`}>Move to collection</label>
          <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose…</option>
            {flattenTree(collections ?? []).map(({ collection: c, depth }) => (
              <option key={c.id} value={c.id}>
                {'\u2003'.repeat(depth)}
                {c.name}
              </option>
            ))}
          </select>
          <div className="bulk-bar__row">
            <button type="submit" className="button button--small button--primary" disabled={busy}>
              Move
            </button>
            {collection && (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    const changed = await library.articles.setCollections(ids, {
                      remove: [collection],
                    });
                    return `Took ${plural(changed, 'article')} out of this collection.`;
                  })
                }
              >
                Take out of this collection
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
