import type { PeopleLexicon } from './lexicon';
import type { PersonDraft } from './linking';
import { titlePhrase } from './titles';
import type { Token } from './tokens';
import { firstStartingFrom } from '../spans';

function contentWords(title: string): string[] {
  return title.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w && w !== 'of' && w !== 'the');
}

/** The head words of a person's titles ("minister", "senator", "chief"). */
function headWords(lex: PeopleLexicon, tokens: Token[], d: PersonDraft): Set<string> {
  const heads = new Set<string>();
  for (const title of d.titles) {
    for (let i = firstStartingFrom(tokens, title.start); i < tokens.length && tokens[i].start < title.end; i++) {
      const t = tokens[i];
      if (lex.titleHeads.has(t.lower)) heads.add(t.lower);
      const full = lex.titleAbbreviations.get(t.lower);
      if (full && t.text.endsWith('.')) heads.add(full);
    }
  }
  return heads;
}

/**
 * "the minister", "the senator", "the president's son": a definite title refers to the one person
 * named earlier who holds a title with that head word. Adds it as a title mention, and its wording as a title.
 */
export function linkTitleAnaphors(lex: PeopleLexicon, text: string, tokens: Token[], drafts: PersonDraft[]): void {
  const heads = drafts.map((d) => headWords(lex, tokens, d));
  // "Sen." stands for "senator": abbreviations count as the words they abbreviate.
  const expand = (w: string): string[] => [w, ...(lex.titleAbbreviations.get(w)?.split(' ') ?? [])];
  const titleWords = drafts.map((d) => new Set(d.titles.flatMap((t) => contentWords(t.text).flatMap(expand))));
  const holdersOf = new Map<string, number[]>();
  heads.forEach((set, k) => {
    for (const head of set) holdersOf.set(head, [...(holdersOf.get(head) ?? []), k]);
  });
  const taken = new Set<number>();
  for (const d of drafts) for (const m of d.mentions) taken.add(m.start);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].lower !== 'the') continue;
    const found = titlePhrase(lex, text, tokens, i, 'apposition');
    if (!found || tokens.slice(i + 1, found.head).some((t) => t.possessive)) continue;
    const head = tokens[found.head].lower;
    if (!lex.titleHeads.has(head) || tokens[found.head].cap) continue;
    const at = tokens[i].start;
    // Every word of "the Iraqi ambassador" must be in the holder's titles: "special ambassador" is someone else.
    const words = contentWords(found.title.text);
    const holders = (holdersOf.get(head) ?? []).filter((k) => drafts[k].mentions[0].start < at && words.every((w) => titleWords[k].has(w))).map((k) => drafts[k]);
    if (holders.length !== 1 || taken.has(at)) continue;
    const holder = holders[0];
    const last = tokens[found.last];
    holder.mentions.push({ text: text.slice(at, last.end), start: at, end: last.end, kind: 'title', ...(last.possessive ? { possessive: true } : {}) });
    holder.ranges.push({ first: i, last: found.last });
    holder.titles.push(found.title);
    i = found.last;
  }
}
