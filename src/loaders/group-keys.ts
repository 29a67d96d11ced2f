// The one way loaders split a batch: keys that can share a statement (same selection, same
// search, same limit) go together, each group with its keys and their places in the batch so
// results go back in order. Linear in the batch.
import { getOrInsert } from "../lib/maps.ts";

export interface KeyGroup<K> {
  keys: K[];
  /** Where each of `keys` is in the batch. */
  indexes: number[];
}

/** `nameOf` also gets the key's index, for callers that computed names beforehand. */
export function groupKeys<K>(keys: readonly K[], nameOf: (key: K, index: number) => string): KeyGroup<K>[] {
  const groups = new Map<string, KeyGroup<K>>();
  keys.forEach((key, index) => {
    const group = getOrInsert(groups, nameOf(key, index), () => ({ keys: [], indexes: [] }));
    group.keys.push(key);
    group.indexes.push(index);
  });
  return [...groups.values()];
}
