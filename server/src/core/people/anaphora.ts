import type { Mention } from '../model';
import { placeTitle, type PersonDraft } from './linking';
import type { PlacedParagraphs } from './paragraph';

/**
 * "the minister", "the senator", "the president's son": a definite title refers to the one person
 * named earlier who holds a title with that head word. Adds it as a title mention, and its wording as a title.
 */
export function linkTitleAnaphors(placed: PlacedParagraphs, drafts: PersonDraft[]): void {
  // Who holds a title with each head word ("minister", "senator", "chief"), and all the words of their titles
  // (a handful per person: arrays rather than sets).
  const holdersOf = new Map<string, Holder[]>();
  for (const draft of drafts) {
    if (!draft.titles.length) continue;
    const holder: Holder = { draft, words: [] };
    for (const t of draft.titles) for (const w of t.words) holder.words.push(w);
    for (const t of draft.titles) {
      for (const head of t.heads) {
        const holders = holdersOf.get(head);
        if (!holders) holdersOf.set(head, [holder]);
        // A person's heads are listed one after another: one entry per head word.
        else if (holders[holders.length - 1] !== holder) holders.push(holder);
      }
    }
  }
  // Where names are mentioned: a title cannot start a mention there.
  let taken: Int32Array | undefined;
  for (let index = 0; index < placed.found.length; index++) {
    const found = placed.found[index];
    const offset = placed.paragraphs[index].start;
    // The words of a linked title are not read again as the start of another one.
    let linkedUntil = 0;
    for (const site of found.anaphors) {
      if (site.start < linkedUntil) continue;
      const at = site.start + offset;
      // Every word of "the Iraqi ambassador" must be in the holder's titles: "special ambassador" is someone else.
      const holder = onlyHolder(holdersOf.get(site.head), site.words, at);
      if (!holder) continue;
      if (site.startsName && includes((taken ??= mentionStarts(drafts)), at)) continue;
      const end = site.end + offset;
      const mention: Mention = { text: site.text, start: at, end, kind: 'title' };
      if (site.possessive) mention.possessive = true;
      holder.mentions.push(mention);
      holder.sources.push({ start: at, paragraph: index, offset, sentence: site.sentence });
      holder.titles.push(placeTitle(site.title, offset));
      linkedUntil = site.end;
    }
  }
}

interface Holder {
  draft: PersonDraft;
  words: string[];
}

/** The one person mentioned before `at` whose titles hold every one of the words, if exactly one does. */
function onlyHolder(holders: Holder[] | undefined, words: readonly string[], at: number): PersonDraft | undefined {
  let found: PersonDraft | undefined;
  for (const h of holders ?? NO_HOLDERS) {
    if (h.draft.mentions[0].start >= at || !allIn(words, h.words)) continue;
    if (found) return undefined;
    found = h.draft;
  }
  return found;
}

const NO_HOLDERS: Holder[] = [];

function allIn(words: readonly string[], pool: string[]): boolean {
  for (const w of words) if (!pool.includes(w)) return false;
  return true;
}

/** Where mentions start, sorted: a flat array is far smaller than a set of thousands of numbers. */
function mentionStarts(drafts: PersonDraft[]): Int32Array {
  let count = 0;
  for (const d of drafts) count += d.mentions.length;
  const starts = new Int32Array(count);
  let k = 0;
  for (const d of drafts) for (const m of d.mentions) starts[k++] = m.start;
  return starts.sort();
}

function includes(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === value;
}
