import type { LexiconExtensions, Organization, Person, Span, TextStructure, Title } from '../model';
import { stageCache, type AnalysisCache } from '../paragraphCache';
import { firstStartingFrom } from '../spans';
import { lastEdit } from '../structure';
import { linkTitleAnaphors } from './anaphora';
import { assignGenders } from './gender';
import { peopleLexicon, type PeopleLexicon } from './lexicon';
import { linkMentions, paragraphStartOf, placedMention, placeTitle, sortMentions, type PersonDraft } from './linking';
import { movedPeople, type KeptPeople } from './moved';
import { analyseParagraph, NameSite, type ParagraphPeople, type PlacedParagraphs, type TitleSite } from './paragraph';

export interface PeopleAnalysis {
  people: Person[];
  organizations: Organization[];
}

/**
 * Named people with their titles and linked mentions, and the organisations that are not people.
 * Each paragraph is read on its own (and kept in `cache` across edits); linking across paragraphs
 * works on what the paragraphs found, without reading the text again. After an edit that left every
 * paragraph's findings as they were, only moved, the last people are moved instead (see movedPeople).
 */
export function findPeople(structure: TextStructure, lexicon: LexiconExtensions = {}, cache?: AnalysisCache): PeopleAnalysis {
  const lex = peopleLexicon(lexicon);
  const { sentences } = structure;
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
  // Loops over every paragraph, draft or mention are indexed: this phase runs once per edit, much of it
  // before it is optimised, and a for-of there makes an iterator (and a result per step).
  const found: ParagraphPeople[] = new Array(structure.paragraphs.length);
  for (let index = 0; index < found.length; index++) {
    current = structure.paragraphs[index];
    found[index] = paragraphCache.getOwn(current.text, readParagraph);
  }
  const kept = cache?.documentValue<KeptPeople>(KEPT_PEOPLE);
  const edit = cache && lastEdit(cache);
  const placed: PlacedParagraphs = { found, paragraphs: structure.paragraphs };
  const moved = kept && edit ? movedPeople(kept, found, structure.paragraphs, edit) : null;
  const organizations = moved?.organizations ?? groupOrganizations(placed);
  const { result, joinable } =
    moved?.people && kept ? { result: { people: moved.people, organizations }, joinable: kept.joinable } : linkPeople(lex, placed, organizations);
  cache?.keepDocumentValue<KeptPeople>(KEPT_PEOPLE, { found, paragraphs: structure.paragraphs, result, joinable });
  // Later stages move what they kept only when organisations moved too: they read both.
  cache?.keepDocumentValue<MovedFrom | null>(MOVED_FROM, moved?.people && moved.organizations && kept ? { people: result.people, from: kept.result.people } : null);
  return result;
}

const KEPT_PEOPLE = 'people, to move';
const MOVED_FROM = 'people moved from';

/** This analysis's people, and the last analysis's that they are, moved by the edit: what a later stage kept of `from` it may move too. */
interface MovedFrom {
  people: readonly Person[];
  from: readonly Person[];
}

/** The people `people` were moved from by the last edit (see movedPeople), or null when they were linked afresh. */
export function peopleMovedFrom(people: readonly Person[], cache: AnalysisCache): readonly Person[] | null {
  const moved = cache.documentValue<MovedFrom | null>(MOVED_FROM);
  return moved?.people === people ? moved.from : null;
}

/** People linked across the paragraphs from what each found, with the document's organisations. */
function linkPeople(lex: PeopleLexicon, placed: PlacedParagraphs, organizations: Organization[]): { result: PeopleAnalysis; joinable: ReadonlySet<string> } {
  const { drafts, joinable } = linkMentions(lex, placed);
  for (let n = 0; n < drafts.length; n++) {
    const d = drafts[n];
    for (let k = 0; k < d.sites.length; k++) {
      const site = d.sites[k];
      if (site instanceof NameSite) for (const t of site.titles) d.titles.push(placeTitle(t, paragraphStartOf(d, k)));
    }
  }
  linkTitleAnaphors(placed, drafts);
  for (let n = 0; n < drafts.length; n++) {
    uniqueTitles(drafts[n].titles);
    sortMentions(drafts[n]);
  }
  const genders = assignGenders(lex, placed, drafts);
  const people: Person[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    const id = `p${k + 1}`;
    const name = fullestName(d);
    const titles = d.titles.map(titleOf);
    const gender = genders[k];
    // Made in one go: a `gender` added afterwards would take an extra allocation.
    people.push(gender ? { id, name, titles, mentions: d.mentions, gender } : { id, name, titles, mentions: d.mentions });
  }
  return { result: { people, organizations }, joinable };
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

/** Keeps one title per wording (letter case aside), in text order, in place. */
function uniqueTitles(titles: TitleSite[]): void {
  if (titles.length < 2) return;
  let inOrder = true;
  for (let k = 1; k < titles.length && inOrder; k++) inOrder = titles[k - 1].title.start <= titles[k].title.start;
  if (!inOrder) titles.sort(byTitleStart);
  // A person has few wordings: a scan of those kept is cheaper than a map.
  let unique = 0;
  for (const t of titles) if (!hasWording(titles, unique, t.wording)) titles[unique++] = t;
  titles.length = unique;
}

/** Whether one of the first `count` titles has this wording. */
function hasWording(titles: readonly TitleSite[], count: number, wording: string): boolean {
  for (let k = 0; k < count; k++) if (titles[k].wording === wording) return true;
  return false;
}

function byTitleStart(a: TitleSite, b: TitleSite): number {
  return a.title.start - b.title.start;
}

function titleOf(site: TitleSite): Title {
  return site.title;
}

/** The longest form of the name in the article, without honorific or possessive ending. */
function fullestName(d: PersonDraft): string {
  let best: NameSite | undefined;
  let bestLength = 0;
  let bestWords = 0;
  let bestCaps = true;
  for (let k = 0; k < d.sites.length; k++) {
    const name = d.sites[k];
    if (!(name instanceof NameSite)) continue;
    const words = name.words.length;
    const length = name.end - name.start;
    // A headline in capitals gives the name only when the article never writes it otherwise.
    const caps = name.capsLine;
    if ((bestCaps && !caps && best) || (!(caps && !bestCaps) && (words > bestWords || (words === bestWords && length > bestLength)))) {
      bestCaps = caps;
      best = name;
      bestLength = length;
      bestWords = words;
    }
  }
  // Sliced from the site's own text, not the document's: people kept across edits (see movedPeople) keep no version of the document alive.
  return best ? best.mentionText.slice(best.start - best.mentionStart) : '';
}

/** Organisations grouped by name (a leading "The" aside), numbered in order of first mention. */
function groupOrganizations(placed: PlacedParagraphs): Organization[] {
  const byName = new Map<string, Organization>();
  const organizations: Organization[] = [];
  for (let index = 0; index < placed.found.length; index++) {
    const found = placed.found[index];
    const offset = placed.paragraphs[index].start;
    const { organizations: sites } = found;
    for (let n = 0; n < sites.length; n++) {
      const o = sites[n];
      const mention = placedMention(o, o.text, o.start + offset, o.end + offset, 'full', o.possessive);
      const org = byName.get(o.key);
      if (org) {
        org.mentions.push(mention);
        continue;
      }
      // Most organisations are mentioned once: a list made with its first mention holds no room for more.
      const made: Organization = { id: `o${organizations.length + 1}`, name: mention.text, mentions: [mention] };
      byName.set(o.key, made);
      organizations.push(made);
    }
  }
  return organizations;
}
