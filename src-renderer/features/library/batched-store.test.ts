import { describe, expect, it, vi } from 'vitest';
import { BatchedStore } from './batched-store.ts';

/** Lets the scheduled fetch (a microtask) and its answer run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A store over a map of known values; records each request's keys. */
function storeOver(data: Map<string, string>, capacity?: number) {
  const requests: string[][] = [];
  const fetchMany = vi.fn(async (keys: string[]) => {
    requests.push([...keys]);
    return new Map(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)!]));
  });
  return { store: new BatchedStore<string>(fetchMany, capacity), requests, fetchMany };
}

describe('BatchedStore', () => {
  it('answers the keys asked in one tick with one fetchMany call', async () => {
    const data = new Map([
      ['a', 'A'],
      ['b', 'B'],
      ['c', 'C'],
    ]);
    const { store, requests } = storeOver(data);
    store.get('a');
    store.get('b');
    store.get('a');
    store.get('c');
    expect(requests).toEqual([]); // nothing until the tick is over
    await settle();
    expect(requests).toEqual([['a', 'b', 'c']]);
    store.get('d');
    await settle();
    expect(requests).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('returns undefined until fetched, then the value, and notifies subscribers', async () => {
    const { store, fetchMany } = storeOver(new Map([['a', 'A']]));
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.get('a')).toBeUndefined();
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get('a')).toBe('A');
    await settle();
    expect(fetchMany).toHaveBeenCalledTimes(1); // a known value is not fetched again
  });

  it('returns null for a key that has no value, without asking again', async () => {
    const { store, fetchMany } = storeOver(new Map());
    expect(store.get('missing')).toBeUndefined();
    await settle();
    expect(store.get('missing')).toBeNull();
    await settle();
    expect(fetchMany).toHaveBeenCalledTimes(1);
  });

  it('stops notifying a listener once it unsubscribes', async () => {
    const { store } = storeOver(new Map([['a', 'A']]));
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    store.get('a');
    await settle();
    expect(listener).not.toHaveBeenCalled();
    expect(store.get('a')).toBe('A');
  });

  it('after invalidate, shows the old values until the new ones arrive', async () => {
    const data = new Map([
      ['a', 'A1'],
      ['b', 'B1'],
    ]);
    const { store, requests } = storeOver(data);
    store.get('a');
    store.get('b');
    await settle();
    data.set('a', 'A2');
    data.delete('b');
    const listener = vi.fn();
    store.subscribe(listener);
    store.invalidate();
    expect(listener).toHaveBeenCalledTimes(1); // readers are told to read again
    expect(store.get('a')).toBe('A1');
    expect(store.get('b')).toBe('B1');
    await settle();
    expect(requests).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(store.get('a')).toBe('A2');
    expect(store.get('b')).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('only refetches the stale keys that are read again', async () => {
    const { store, requests } = storeOver(
      new Map([
        ['a', 'A'],
        ['b', 'B'],
      ]),
    );
    store.get('a');
    store.get('b');
    await settle();
    store.invalidate();
    store.get('b');
    await settle();
    expect(requests).toEqual([['a', 'b'], ['b']]);
  });

  it('keeps at most `capacity` values, evicting the oldest fetched first', async () => {
    const data = new Map(['a', 'b', 'c', 'd'].map((k) => [k, k.toUpperCase()]));
    const { store, fetchMany } = storeOver(data, 2);
    store.get('a');
    await settle();
    store.get('b');
    await settle();
    store.get('c');
    await settle();
    expect(fetchMany).toHaveBeenCalledTimes(3);
    // "a" went first: it is unknown again; "b" and "c" are kept.
    expect(store.get('b')).toBe('B');
    expect(store.get('c')).toBe('C');
    expect(store.get('a')).toBeUndefined();
    await settle();
    expect(fetchMany).toHaveBeenLastCalledWith(['a']);
    expect(store.get('a')).toBe('A');
    expect(store.get('b')).toBeUndefined(); // now "b" was the oldest
  });

  it('a failed fetch leaves the key unknown and asks again on the next read', async () => {
    let fail = true;
    const fetchMany = vi.fn((keys: string[]) =>
      fail
        ? Promise.reject(new Error('offline'))
        : Promise.resolve(new Map(keys.map((k) => [k, k]))),
    );
    const store = new BatchedStore<string>(fetchMany);
    expect(store.get('a')).toBeUndefined();
    await settle();
    fail = false;
    expect(store.get('a')).toBeUndefined();
    await settle();
    expect(store.get('a')).toBe('a');
    expect(fetchMany).toHaveBeenCalledTimes(2);
  });

  it('a failed refetch after invalidate keeps showing the old value', async () => {
    let fail = false;
    const store = new BatchedStore<string>((keys) =>
      fail
        ? Promise.reject(new Error('offline'))
        : Promise.resolve(new Map(keys.map((k) => [k, `${k}1`]))),
    );
    store.get('a');
    await settle();
    fail = true;
    store.invalidate();
    expect(store.get('a')).toBe('a1');
    await settle();
    expect(store.get('a')).toBe('a1');
  });
});
