import type { Article } from '../model';

type Analysed = Pick<Article, 'text'>;

/** Line starts per analysed article: every rule that names lines shares one index. */
const lineStarts = new WeakMap<Analysed, number[]>();

function startsOf(article: Analysed): number[] {
  let starts = lineStarts.get(article);
  if (!starts) {
    const { text } = article;
    // One pass: small integers in a plain list take as little room as a typed array.
    starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(article, starts);
  }
  return starts;
}

/**
 * 1-based line numbers of offsets, for messages ("on line 12"). Line starts are found on the first
 * question (once per article, whichever rule asks first) and each answer is a binary search, so a
 * rule can name lines for every finding.
 */
export function lineNumbers(article: Analysed): (offset: number) => number {
  return (offset) => {
    const starts = startsOf(article);
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
