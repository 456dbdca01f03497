import type { LexiconExtensions, Mention, Organization, Person, Span, TextStructure, Title } from '../model';
import { stageCache, type AnalysisCache } from '../paragraphCache';
import { firstStartingFrom } from '../spans';
import { linkTitleAnaphors } from './anaphora';
import { assignGenders } from './gender';
import { peopleLexicon, type PeopleLexicon } from './lexicon';
import { linkMentions, placeTitle, sortMentions, type MentionSource, type PersonDraft } from './linking';
import { analyseParagraph, type ParagraphPeople, type PlacedParagraphs, type TitleSite } from './paragraph';

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
  // One reader for every paragraph read afresh, rather than a closure per paragraph.
  let current = structure.paragraphs[0];
  const readParagraph = (own: string): ParagraphPeople => {
    // The structure splits sentences by the paragraph's text alone, so they belong with it in the cache.
    const ownSentences: Span[] = [];
    for (let k = firstStartingFrom(sentences, current.start); k < sentences.length && sentences[k].paragraphIndex === current.index; k++) {
      ownSentences.push({ start: sentences[k].start - current.start, end: sentences[k].end - current.start });
    }
    return analyseParagraph(own, ownSentences, lex, abbreviationsOf(lex));
  };
  const found: ParagraphPeople[] = [];
  for (const p of structure.paragraphs) {
    current = p;
    found.push(paragraphCache.getOwn(p.text, readParagraph));
  }
  const placed: PlacedParagraphs = { found, paragraphs: structure.paragraphs };
  const drafts = linkMentions(lex, placed);
  for (const d of drafts) {
    for (const { name, offset } of d.sources) if (name) for (const t of name.titles) d.titles.push(placeTitle(t, offset));
  }
  linkTitleAnaphors(placed, drafts);
  for (const d of drafts) {
    d.titles = uniqueTitles(d.titles);
    sortMentions(d);
  }
  const genders = assignGenders(lex, placed, drafts);
  const people: Person[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    const titles: Title[] = [];
    for (const t of d.titles) titles.push(t.title);
    const person: Person = { id: `p${k + 1}`, name: fullestName(text, d), titles, mentions: d.mentions };
    const gender = genders[k];
    if (gender) person.gender = gender;
    people.push(person);
  }
  return { people, organizations: groupOrganizations(placed) };
}

const abbreviationSets = new WeakMap<PeopleLexicon, Set<string>>();

/** Words that keep their full stop ("Mr.", "Sen."), made once per lexicon rather than per analysis. */
function abbreviationsOf(lex: PeopleLexicon): Set<string> {
  let abbreviations = abbreviationSets.get(lex);
  if (!abbreviations) {
    abbreviations = new Set([...lex.honorifics.keys(), ...lex.titleAbbreviations.keys()]);
    abbreviationSets.set(lex, abbreviations);
  }
  return abbreviations;
}

/** One title per wording (letter case aside), in text order. */
function uniqueTitles(titles: TitleSite[]): TitleSite[] {
  if (titles.length < 2) return titles;
  let inOrder = true;
  for (let k = 1; k < titles.length && inOrder; k++) inOrder = titles[k - 1].title.start <= titles[k].title.start;
  if (!inOrder) titles.sort(byTitleStart);
  // A person has few wordings: a scan is cheaper than a map.
  const unique: TitleSite[] = [];
  const wordings: string[] = [];
  for (const t of titles) {
    if (wordings.includes(t.wording)) continue;
    unique.push(t);
    wordings.push(t.wording);
  }
  return unique;
}

function byTitleStart(a: TitleSite, b: TitleSite): number {
  return a.title.start - b.title.start;
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
function groupOrganizations(placed: PlacedParagraphs): Organization[] {
  const byName = new Map<string, Organization>();
  const organizations: Organization[] = [];
  for (let index = 0; index < placed.found.length; index++) {
    const found = placed.found[index];
    const offset = placed.paragraphs[index].start;
    for (const o of found.organizations) {
      const start = o.start + offset;
      const end = o.end + offset;
      const mention: Mention = { text: o.text, start, end, kind: 'full' };
      if (o.possessive) mention.possessive = true;
      let org = byName.get(o.key);
      if (!org) {
        org = { id: `o${organizations.length + 1}`, name: mention.text, mentions: [] };
        byName.set(o.key, org);
        organizations.push(org);
      }
      org.mentions.push(mention);
    }
  }
  return organizations;
}
