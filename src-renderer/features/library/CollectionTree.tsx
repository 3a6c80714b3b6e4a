import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CollectionRecord, Library } from '../../db/index.ts';
import { InlineEditForm } from '../../ui/InlineEditForm.tsx';

interface Props {
  library: Library;
  /** The collection on show; null: the whole library. */
  current: string | null;
  onCurrent(id: string | null): void;
  onError(message: string): void;
}

interface Node {
  collection: CollectionRecord;
  depth: number;
}

/** Depth-first, names A to Z at each level. */
export function flattenTree(collections: readonly CollectionRecord[]): Node[] {
  const byParent = new Map<string | null, CollectionRecord[]>();
  const ids = new Set(collections.map((c) => c.id));
  for (const c of collections) {
    // A parent that is gone puts its children at the top rather than hiding them.
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const out: Node[] = [];
  const visit = (parent: string | null, depth: number) => {
    const children = [...(byParent.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const collection of children) {
      out.push({ collection, depth });
      if (depth < 32) visit(collection.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

type Editing = { kind: 'new' } | { kind: 'rename'; id: string } | null;

/** Collections as a nested list: choosing one shows its articles (and those of its children). */
export function CollectionTree({ library, current, onCurrent, onError }: Props) {
  const [editing, setEditing] = useState<Editing>(null);
  const data = useLiveQuery(async () => {
    const collections = await library.collections.list();
    const counts = await Promise.all(
      collections.map((c) => library.db.summaries.where('collections').equals(c.id).count()),
    );
    return {
      nodes: flattenTree(collections),
      counts: new Map(collections.map((c, i) => [c.id, counts[i]!])),
    };
  }, [library]);
  const nodes = data?.nodes ?? [];
  const currentNode = nodes.find((n) => n.collection.id === current);
  return (
    <section className="collections" aria-labelledby="collections-heading">
      <h3 id="collections-heading" className="collections__heading">
        Collections
      </h3>
      <ul className="collections__list" data-testid="collections">
        <li>
          <button
            type="button"
            className="collections__item"
            aria-pressed={current === null}
            onClick={() => onCurrent(null)}
          >
            All articles
          </button>
        </li>
        {nodes.map(({ collection, depth }) => (
          <li key={collection.id} style={{ paddingLeft: `${depth * 14}px` }}>
            <button
              type="button"
              className="collections__item"
              aria-pressed={current === collection.id}
              data-testid="collection"
              onClick={() => onCurrent(collection.id)}
            >
              <span className="collections__name">{collection.name}</span>
              <span className="collections__count">{data?.counts.get(collection.id) ?? ''}</span>
            </button>
          </li>
        ))}
      </ul>
      {editing ? (
        <InlineEditForm
          className="collections__form"
          label={
            editing.kind === 'new'
              ? currentNode
                ? `New collection in “${currentNode.collection.name}”`
                : 'New collection'
              : 'Rename collection'
          }
          initial={editing.kind === 'rename' ? (currentNode?.collection.name ?? '') : ''}
          saveLabel={editing.kind === 'new' ? 'Create' : 'Rename'}
          onSave={async (name) => {
            if (editing.kind === 'rename') return library.collections.rename(editing.id, name);
            const created = await library.collections.create(name, current);
            onCurrent(created.id);
          }}
          onDone={() => setEditing(null)}
        />
      ) : (
        <div className="collections__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => setEditing({ kind: 'new' })}
          >
            New collection
          </button>
          {currentNode && (
            <>
              <button
                type="button"
                className="button button--small"
                onClick={() => setEditing({ kind: 'rename', id: currentNode.collection.id })}
              >
                Rename
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={async () => {
                  const { name, id } = currentNode.collection;
                  if (
                    !confirm(`Delete the collection “${name}”? Its articles stay in the library.`)
                  )
                    return;
                  try {
                    await library.collections.remove(id);
                    onCurrent(null);
                  } catch (error) {
                    onError(`Could not delete “${name}”: ${(error as Error).message}`);
                  }
                }}
              >
                Delete
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
