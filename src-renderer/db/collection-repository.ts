import { cleanTag } from '../../src-core/library/tags.ts';
import { withDescendants } from '../../src-core/library/collections.ts';
import type { QuireDatabase } from './database.ts';
import type { ArticleRepository, CollectionRecord } from './records.ts';

export interface CollectionRepository {
  /** Every collection (the tree is built from parentId). */
  list(): Promise<CollectionRecord[]>;
  /** A new collection under `parentId` (null: at the top). */
  create(name: string, parentId: string | null): Promise<CollectionRecord>;
  rename(id: string, name: string): Promise<void>;
  /** Moves a collection under another; refuses to put it inside itself. */
  move(id: string, parentId: string | null): Promise<void>;
  /**
   * Deletes a collection and those nested in it; their articles stay in the library, out of
   * them. Returns the ids deleted.
   */
  remove(id: string): Promise<string[]>;
}

function checkName(name: string): string {
  const clean = cleanTag(name);
  if (!clean) throw new Error('A collection needs a name');
  return clean;
}

export function createCollectionRepository(
  db: QuireDatabase,
  articles: ArticleRepository,
  now: () => number,
): CollectionRepository {
  const descendants = async (id: string) => withDescendants(await db.collections.toArray(), id);
  /** Throws when `id` names no collection (null: the top level, always there). */
  const checkParent = async (id: string | null) => {
    if (id !== null && !(await db.collections.get(id))) {
      throw new Error('That collection is no longer in the library');
    }
  };
  return {
    list: () => db.collections.orderBy('id').toArray(),

    async create(name, parentId) {
      const record: CollectionRecord = {
        id: crypto.randomUUID(),
        name: checkName(name),
        parentId,
        addedAt: now(),
      };
      await db.transaction('rw', db.collections, async () => {
        await checkParent(parentId);
        await db.collections.add(record);
      });
      return record;
    },

    async rename(id, name) {
      const clean = checkName(name);
      if (!(await db.collections.update(id, { name: clean }))) {
        throw new Error('That collection is no longer in the library');
      }
    },

    async move(id, parentId) {
      await db.transaction('rw', db.collections, async () => {
        await checkParent(id);
        await checkParent(parentId);
        if (parentId !== null && (await descendants(id)).includes(parentId)) {
          throw new Error('A collection cannot go inside itself');
        }
        await db.collections.update(id, { parentId });
      });
    },

    async remove(id) {
      await checkParent(id);
      const ids = await descendants(id);
      const members = await db.summaries.where('collections').anyOf(ids).primaryKeys();
      await articles.setCollections([...new Set(members)], { remove: ids });
      await db.collections.bulkDelete(ids);
      return ids;
    },
  };
}
