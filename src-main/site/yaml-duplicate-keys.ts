/**
 * Keys written twice in one mapping, found in one pass. The `yaml` option `uniqueKeys` compares
 * each key with every earlier one: a 1 MiB mapping of 100,000 keys takes minutes.
 */
import { isCollection, isMap, isPair, isScalar, type Document } from 'yaml';

/** The offset of every key that repeats an earlier key of its mapping, in document order. */
export function duplicateKeyOffsets(doc: Document): number[] {
  const offsets: number[] = [];
  // a stack rather than recursion: the nesting is the file's to choose
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isCollection(node)) continue;
    const seen = new Set<unknown>();
    for (const item of node.items) {
      if (!isPair(item)) {
        pending.push(item);
        continue;
      }
      if (isMap(node) && isScalar(item.key)) {
        if (seen.has(item.key.value)) offsets.push(item.key.range?.[0] ?? node.range?.[0] ?? 0);
        else seen.add(item.key.value);
      }
      pending.push(item.key, item.value);
    }
  }
  return offsets.sort((a, b) => a - b);
}
