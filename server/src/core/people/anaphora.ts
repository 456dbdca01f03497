import { placedMention, placeTitle, type PersonDraft } from './linking';
import type { PlacedParagraphs, TitleSite } from './paragraph';

/**
 * "the minister", "the senator", "the president's son": a definite title refers to the one person
 * named earlier who holds a title with that head word. Adds it as a title mention, and its wording as a title.
 */
export function linkTitleAnaphors(placed: PlacedParagraphs, drafts: PersonDraft[]): void {
  // Who holds a title with each head word ("minister", "senator", "chief"), as indices in `drafts`. Only
  // the titles a person held before this pass count: their number is kept per draft, and the titles added here come after them.
  const holdersOf = new Map<string, number[]>();
  const ownTitles = new Int32Array(drafts.length);
  for (let k = 0; k < drafts.length; k++) {
    const draft = drafts[k];
    ownTitles[k] = draft.titles.length;
    for (const t of draft.titles) {
      for (const head of t.heads) {
        const holders = holdersOf.get(head);
        if (!holders) holdersOf.set(head, [k]);
        // A person's heads are listed one after another: one entry per head word.
        else if (holders[holders.length - 1] !== k) holders.push(k);
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
    const { anaphors } = found;
    for (let n = 0; n < anaphors.length; n++) {
      const site = anaphors[n];
      if (site.start < linkedUntil) continue;
      const at = site.start + offset;
      // Every word of "the Iraqi ambassador" must be in the holder's titles: "special ambassador" is someone else.
      const holder = onlyHolder(holdersOf.get(site.head), drafts, ownTitles, site.words, at);
      if (!holder) continue;
      if (site.startsName && includes((taken ??= mentionStarts(drafts)), at)) continue;
      holder.mentions.push(placedMention(site, site.text, at, site.end + offset, 'title', site.possessive));
      holder.sites.push(site);
      holder.titles.push(placeTitle(site.title, offset));
      linkedUntil = site.end;
    }
  }
}

/**
 * The one person among the holders (indices in `drafts`) mentioned before `at` whose titles hold every one
 * of the words, if exactly one does; `ownTitles[k]` is how many of drafts[k]'s titles count.
 */
function onlyHolder(holders: number[] | undefined, drafts: PersonDraft[], ownTitles: Int32Array, words: readonly string[], at: number): PersonDraft | undefined {
  let found: PersonDraft | undefined;
  for (const k of holders ?? NO_HOLDERS) {
    const h = drafts[k];
    if (h.mentions[0].start >= at || !allIn(words, h.titles, ownTitles[k])) continue;
    if (found) return undefined;
    found = h;
  }
  return found;
}

const NO_HOLDERS: number[] = [];

/** Whether every one of the words is among those of the first `count` titles. */
function allIn(words: readonly string[], titles: readonly TitleSite[], count: number): boolean {
  for (const w of words) {
    let held = false;
    for (let t = 0; t < count && !held; t++) held = titles[t].words.includes(w);
    if (!held) return false;
  }
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
