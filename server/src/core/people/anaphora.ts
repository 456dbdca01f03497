import type { Mention } from '../model';
import { placeTitle, type PersonDraft } from './linking';
import type { PlacedParagraph } from './paragraph';

/**
 * "the minister", "the senator", "the president's son": a definite title refers to the one person
 * named earlier who holds a title with that head word. Adds it as a title mention, and its wording as a title.
 */
export function linkTitleAnaphors(text: string, paragraphs: PlacedParagraph[], drafts: PersonDraft[]): void {
  // Who holds a title with each head word ("minister", "senator", "chief"), and all the words of their titles.
  const holdersOf = new Map<string, { draft: PersonDraft; words: Set<string> }[]>();
  for (const draft of drafts) {
    if (!draft.titles.length) continue;
    const holder = { draft, words: new Set<string>() };
    const heads = new Set<string>();
    for (const t of draft.titles) {
      for (const w of t.words) holder.words.add(w);
      for (const h of t.heads) heads.add(h);
    }
    for (const head of heads) {
      const holders = holdersOf.get(head);
      if (holders) holders.push(holder);
      else holdersOf.set(head, [holder]);
    }
  }
  // Where names are mentioned: a title cannot start a mention there.
  let taken: Set<number> | undefined;
  for (const { found, offset, index } of paragraphs) {
    // The words of a linked title are not read again as the start of another one.
    let linkedUntil = 0;
    for (const site of found.anaphors) {
      if (site.start < linkedUntil) continue;
      const at = site.start + offset;
      // Every word of "the Iraqi ambassador" must be in the holder's titles: "special ambassador" is someone else.
      const holders = (holdersOf.get(site.head) ?? []).filter((h) => h.draft.mentions[0].start < at && site.words.every((w) => h.words.has(w)));
      if (holders.length !== 1) continue;
      if (site.startsName && (taken ??= mentionStarts(drafts)).has(at)) continue;
      const holder = holders[0].draft;
      const end = site.end + offset;
      const mention: Mention = { text: text.slice(at, end), start: at, end, kind: 'title' };
      if (site.possessive) mention.possessive = true;
      holder.mentions.push(mention);
      holder.sources.push({ start: at, paragraph: index, offset, sentence: site.sentence });
      holder.titles.push(placeTitle(site.title, offset));
      linkedUntil = site.end;
    }
  }
}

function mentionStarts(drafts: PersonDraft[]): Set<number> {
  const starts = new Set<number>();
  for (const d of drafts) for (const m of d.mentions) starts.add(m.start);
  return starts;
}
