/** Collections nest by `parentId`; these walk the tree. Pure. */
export interface CollectionNode {
  id: string;
  parentId: string | null;
}

/** `id` and the ids of every collection under it, parents before children. */
export function withDescendants(all: readonly CollectionNode[], id: string): string[] {
  const ids = [id];
  const seen = new Set(ids);
  for (let i = 0; i < ids.length; i++) {
    for (const c of all) {
      if (c.parentId === ids[i] && !seen.has(c.id)) {
        seen.add(c.id);
        ids.push(c.id);
      }
    }
  }
  return ids;
}
