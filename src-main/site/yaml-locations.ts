/**
 * Where a profile path (jobs[2].queue) sits in the YAML text, so that a problem found in the
 * data can send the operator to the right line of the file they are editing.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { PathSegment } from '../../shared/site/problems';

export interface TextPosition {
  line: number;
  column: number;
}

/** The position of the deepest part of the path the file has (a missing field points at its parent). */
export function positionOfPath(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[]): TextPosition | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: unknown }).range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}
