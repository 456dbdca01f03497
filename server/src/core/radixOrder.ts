/** Scratch space for radixOrder, for `size` keys; a caller sorting on every analysis keeps one. */
export interface RadixBuffers {
  order: Int32Array;
  sorted: Int32Array;
  buckets: Int32Array;
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

export function newRadixBuffers(size: number): RadixBuffers {
  return { order: new Int32Array(size), sorted: new Int32Array(size), buckets: new Int32Array(RADIX) };
}

/**
 * The indices of the first `count` keys (offsets, never negative) in ascending order of key, equal keys
 * in index order: a radix sort, some ten thousand mentions in a few passes without a comparison. Sorts
 * in the buffers' `order` and `sorted`, and returns the one holding the result.
 */
export function radixOrder(keys: Int32Array, count: number, buffers: RadixBuffers): Int32Array {
  const { buckets } = buffers;
  let { order, sorted } = buffers;
  let max = 0;
  for (let i = 0; i < count; i++) {
    order[i] = i;
    max = Math.max(max, keys[i]);
  }
  for (let shift = 0; shift < 32 && (shift === 0 || max >>> shift > 0); shift += RADIX_BITS) {
    buckets.fill(0);
    for (let i = 0; i < count; i++) buckets[(keys[order[i]] >>> shift) & (RADIX - 1)]++;
    for (let b = 0, before = 0; b < RADIX; b++) {
      const size = buckets[b];
      buckets[b] = before;
      before += size;
    }
    for (let i = 0; i < count; i++) sorted[buckets[(keys[order[i]] >>> shift) & (RADIX - 1)]++] = order[i];
    const previous = order;
    order = sorted;
    sorted = previous;
  }
  return order;
}
