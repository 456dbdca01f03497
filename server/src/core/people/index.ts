import type { LexiconExtensions, Mention, Organization, Person, TextStructure } from '../model';
import { stageCache, type AnalysisCache } from '../paragraphCache';
import { linkTitleAnaphors } from './anaphora';
import { assignGenders } from './gender';
import { peopleLexicon } from './lexicon';
import { linkMentions, placeTitle, sortMentions, type MentionSource, type PersonDraft } from './linking';
import { analyseParagraph, type ParagraphPeople, type PlacedParagraph, type TitleSite } from './paragraph';

export interface PeopleAnalysis {
  people: Person[];
  organizations: Organization[];
}

/**
 * Named people with their titles and linked mentions, and the organisations that are not people.
 * Each paragraph is read on its own (and kept in `cache` across edits); linking across paragraphs
 * works on what the paragraphs found, without reading the text again.
 */
export function findPeople(structure: TextStructure, lexicon: LexiconExtensions = {}, cache?: AnalysisCache): PeopleAnalysis {
  const lex = peopleLexicon(lexicon);
  const { text, sentences } = structure;
  const paragraphCache = stageCache<ParagraphPeople>(cache, 'people');
  // Words that keep their full stop ("Mr.", "Sen."), needed only when a paragraph is read afresh.
  let abbreviations: Set<string> | undefined;
  let sentence = 0;
  const paragraphs = structure.paragraphs.map((p): PlacedParagraph => {
    const first = sentence;
    while (sentence < sentences.length && sentences[sentence].paragraphIndex === p.index) sentence++;
    const last = sentence;
    const found = paragraphCache.get(p.text, (own) => {
      // The structure splits sentences by the paragraph's text alone, so they belong with it in the cache.
      const ownSentences = sentences.slice(first, last).map((s) => ({ start: s.start - p.start, end: s.end - p.start }));
      abbreviations ??= new Set([...lex.honorifics.keys(), ...lex.titleAbbreviations.keys()]);
      return analyseParagraph(own, ownSentences, lex, abbreviations);
    });
    return { found, offset: p.start, index: p.index };
  });
  const drafts = linkMentions(lex, text, paragraphs);
  for (const d of drafts) {
    for (const { name, offset } of d.sources) if (name) for (const t of name.titles) d.titles.push(placeTitle(t, offset));
  }
  linkTitleAnaphors(text, paragraphs, drafts);
  for (const d of drafts) {
    d.titles = uniqueTitles(d.titles);
    sortMentions(d);
  }
  const genders = assignGenders(lex, paragraphs, drafts);
  const people = drafts.map((d, k): Person => {
    const person: Person = { id: `p${k + 1}`, name: fullestName(text, d), titles: d.titles.map((t) => t.title), mentions: d.mentions };
    const gender = genders.get(d);
    if (gender) person.gender = gender;
    return person;
  });
  return { people, organizations: groupOrganizations(text, paragraphs) };
}

/** One title per wording (letter case aside), in text order. */
function uniqueTitles(titles: TitleSite[]): TitleSite[] {
  const seen = new Map<string, TitleSite>();
  for (const t of titles.sort((a, b) => a.title.start - b.title.start)) {
    const key = t.title.text.toLowerCase();
    if (!seen.has(key)) seen.set(key, t);
  }
  return [...seen.values()];
}

/** The longest form of the name in the article, without honorific or possessive ending. */
function fullestName(text: string, d: PersonDraft): string {
  let best: MentionSource | undefined;
  let bestLength = 0;
  let bestWords = 0;
  let bestCaps = true;
  for (const source of d.sources) {
    const { name } = source;
    if (!name) continue;
    const words = name.words.length;
    const length = name.end - name.start;
    // A headline in capitals gives the name only when the article never writes it otherwise.
    const caps = name.capsLine;
    if ((bestCaps && !caps && best) || (!(caps && !bestCaps) && (words > bestWords || (words === bestWords && length > bestLength)))) {
      bestCaps = caps;
      best = source;
      bestLength = length;
      bestWords = words;
    }
  }
  return best?.name ? text.slice(best.start, best.name.end + best.offset) : '';
}

/** Organisations grouped by name (a leading "The" aside), numbered in order of first mention. */
function groupOrganizations(text: string, paragraphs: PlacedParagraph[]): Organization[] {
  const byName = new Map<string, Organization>();
  for (const { found, offset } of paragraphs) {
    for (const o of found.organizations) {
      const start = o.start + offset;
      const end = o.end + offset;
      const mention: Mention = { text: text.slice(start, end), start, end, kind: 'full' };
      if (o.possessive) mention.possessive = true;
      let org = byName.get(o.key);
      if (!org) {
        org = { id: `o${byName.size + 1}`, name: mention.text, mentions: [] };
        byName.set(o.key, org);
      }
      org.mentions.push(mention);
    }
  }
  return [...byName.values()];
}
