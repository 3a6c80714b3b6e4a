import { describe, expect, it } from 'vitest';
import { withDescendants } from './collections.ts';

describe('withDescendants', () => {
  const all = [
    { id: 'a', parentId: null },
    { id: 'b', parentId: 'a' },
    { id: 'c', parentId: 'b' },
    { id: 'd', parentId: null },
  ];

  it('lists a collection, its children and theirs, parents first, and no siblings', () => {
    expect(withDescendants(all, 'a')).toEqual(['a', 'b', 'c']);
    expect(withDescendants(all, 'c')).toEqual(['c']);
  });

  it('ends on a cycle a broken tree may hold', () => {
    const cyclic = [
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ];
    expect(withDescendants(cyclic, 'x')).toEqual(['x', 'y']);
  });
});
