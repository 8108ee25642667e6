/**
 * Deterministic "random" numbers: every size, count and hundredth of a second the simulator makes
 * up comes from a hash of a name, so that two runs of the same profile show the same site.
 */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A whole number in [min, max], fixed for a given key. */
export function pick(key: string, min: number, max: number): number {
  return min + (hashOf(key) % (max - min + 1));
}

export const BLOCK_BYTES = 512;
export const BLOCKS_PER_GB = (1024 * 1024 * 1024) / BLOCK_BYTES;

export function gbToBlocks(gb: number): number {
  return Math.round(gb * BLOCKS_PER_GB);
}
