/** Index of the first item starting at or after `offset`, in items sorted by start (binary search). */
export function firstStartingFrom(items: ReadonlyArray<{ start: number }>, offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
