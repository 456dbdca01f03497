import type { Mention, MentionKind, Title } from '../model';
import type { PeopleLexicon } from './lexicon';
import { NameSite, type AnaphorSite, type PlacedParagraphs, type TitleSite } from './paragraph';

/** Where a mention was found, with offsets in its paragraph: a name, or "the senator". */
export type MentionSite = NameSite | AnaphorSite;

/** A person while mentions are still being linked to them. */
export interface PersonDraft {
  /** Words of the fullest name so far, lower case. */
  words: readonly string[];
  /** Family name, lower case: the last word ("Clinton"), or the first in East Asian order ("Kim"). */
  surname: string;
  /** Given name, lower case, when the name has one ("hillary"). */
  given?: string;
  /** Known only as "King Hussein", "Pope Francis": the single name is a given name. */
  royal: boolean;
  /** Written family name first ("Kim Kye-Gwan"): the first word says nothing about gender. */
  eastAsian: boolean;
  mentions: Mention[];
  /** Where each mention was found, parallel to `mentions` (the cached sites themselves, so that linking makes no object per mention). */
  sites: MentionSite[];
  /** Titles with their offsets placed in the document. */
  titles: TitleSite[];
  /** How many of `mentions` (in text order) an earlier pass over the text found. */
  settled: number;
  /** Start of the latest mention found in the current pass over the text, or -1. */
  latest: number;
}

/** A person first mentioned by `mention`; lists start at their first item (most people are mentioned once), not empty. */
function newDraft(words: readonly string[], surname: string, given: string | undefined, royal: boolean, eastAsian: boolean, mention: Mention, site: NameSite): PersonDraft {
  return { words, surname, given, royal, eastAsian, mentions: [mention], sites: [site], titles: [], settled: 0, latest: mention.start };
}

/** Start in the document of the paragraph where the draft's mention `k` was found. */
export function paragraphStartOf(d: PersonDraft, k: number): number {
  const site = d.sites[k];
  return d.mentions[k].start - (site instanceof NameSite ? site.mentionStart : site.start);
}

/** A title found in a paragraph, with its offsets placed in the document (the very one the last analysis placed there, if any: see placedMention). */
export function placeTitle(site: TitleSite, offset: number): TitleSite {
  const { text, start, end, attachment, affiliation, former } = site.title;
  if (site.placed?.title.start === start + offset) return site.placed;
  const title: Title = { text, start: start + offset, end: end + offset, attachment };
  if (affiliation !== undefined) title.affiliation = affiliation;
  if (former !== undefined) title.former = former;
  return (site.placed = { title, heads: site.heads, words: site.words, genders: site.genders, wording: site.wording });
}

/**
 * Puts the draft's mentions (and their sources) in text order. Each pass over the text appends a
 * run already in order, so merging the two runs is the usual work; anything else is sorted.
 */
export function sortMentions(d: PersonDraft): void {
  const { mentions, sites } = d;
  let split = 1;
  while (split < mentions.length && mentions[split - 1].start < mentions[split].start) split++;
  if (split >= mentions.length) return;
  let rest = split + 1;
  while (rest < mentions.length && mentions[rest - 1].start <= mentions[rest].start) rest++;
  if (rest < mentions.length) {
    const order = mentions.map((_, k) => k).sort((a, b) => mentions[a].start - mentions[b].start);
    d.mentions = order.map((k) => mentions[k]);
    d.sites = order.map((k) => sites[k]);
    return;
  }
  // A stable merge: of two mentions starting together, the earlier run's comes first, as a stable sort puts it.
  // It fills the lists from the back, in place, so only the later run (usually the shorter) is copied out.
  const later = mentions.slice(split);
  const laterSites = sites.slice(split);
  let left = split - 1;
  let right = later.length - 1;
  for (let to = mentions.length - 1; right >= 0; to--) {
    if (left >= 0 && mentions[left].start > later[right].start) {
      mentions[to] = mentions[left];
      sites[to] = sites[left--];
    } else {
      mentions[to] = later[right];
      sites[to] = laterSites[right--];
    }
  }
}

/** True when the two names can belong to one person: same surname and no conflicting given name. */
function compatible(d: PersonDraft, surname: string, given: string | undefined): boolean {
  if (d.surname !== surname) return false;
  return !d.given || !given || d.given === given;
}

/** A mention, made in one go: a `possessive` added afterwards would take an extra allocation. */
function newMention(text: string, start: number, end: number, kind: MentionKind, possessive: boolean): Mention {
  return possessive ? { text, start, end, kind, possessive } : { text, start, end, kind };
}

/**
 * The mention of a site a paragraph's cached reading found, at `start` in the document: the very one the last
 * analysis made when it starts at the same place with the same kind (all else comes from the site), so that an
 * edit makes new mentions only where the text moved, and the garbage collector copies fewer.
 */
export function placedMention(site: { placed?: Mention }, text: string, start: number, end: number, kind: MentionKind, possessive: boolean): Mention {
  const last = site.placed;
  if (last !== undefined && last.start === start && last.kind === kind) return last;
  return (site.placed = newMention(text, start, end, kind, possessive));
}

function nameMention(site: NameSite, offset: number, kind: MentionKind): Mention {
  return placedMention(site, site.mentionText, site.mentionStart + offset, site.end + offset, site.prefix === 'honorific' ? 'honorific' : kind, site.possessive);
}

function addMention(draft: PersonDraft, site: NameSite, offset: number, kind: MentionKind): void {
  const mention = nameMention(site, offset, kind);
  draft.mentions.push(mention);
  draft.sites.push(site);
  // Mentions are found in text order within a pass, so the one just added is the draft's latest.
  draft.latest = mention.start;
}

/** Freezes the mentions found so far (they are in text order) and starts a new pass over the text. */
function settle(drafts: PersonDraft[]): void {
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    d.settled = d.mentions.length;
    d.latest = -1;
  }
}

/** The start of the draft's last mention before `at`, or -1. */
function lastBefore(d: PersonDraft, at: number): number {
  let best = d.latest;
  const { mentions } = d;
  let lo = 0;
  let hi = d.settled;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) best = Math.max(best, mentions[lo - 1].start);
  return best < at ? best : -1;
}

/** Whether the draft can be meant by `name`; a plain function of both, so that no closure is made per lookup. */
type Accept = (d: PersonDraft, name: string) => boolean;

/** "Bush" for a person already known as (George) Bush. */
const hasSurname: Accept = (d, surname) => !d.royal && d.surname === surname;

/** "Hussein" after "King Hussein", "Francis" after "Francis Bacon". */
const knownBy: Accept = (d, word) => (d.royal && d.surname === word) || (d.words.length > 1 && d.given === word);

/** The draft among the accepted `options` mentioned last before `at` (else the first mentioned after it). */
function nearest(options: readonly PersonDraft[], accept: Accept, name: string, at: number): PersonDraft | undefined {
  let best: PersonDraft | undefined;
  let bestStart = -1;
  const from = firstCandidate(options);
  for (let k = from; k < options.length; k++) {
    const d = options[k];
    if (!accept(d, name)) continue;
    const start = lastBefore(d, at);
    if (start > bestStart) {
      best = d;
      bestStart = start;
    }
  }
  if (best) return best;
  let first: PersonDraft | undefined;
  for (let k = from; k < options.length; k++) {
    const d = options[k];
    if (accept(d, name) && (!first || d.mentions[0].start < first.mentions[0].start)) first = d;
  }
  return first;
}

/** Drafts by a key (surname or given name); entries are checked against the draft on lookup, as names grow. */
class DraftIndex {
  private map = new Map<string, PersonDraft[]>();

  add(key: string | undefined, d: PersonDraft): void {
    if (!key) return;
    const list = this.map.get(key);
    // Few people share a name, so a scan is cheaper than a set per key.
    if (!list) this.map.set(key, [d]);
    else if (!list.includes(d)) list.push(d);
  }

  /** The drafts under a key, in the order they were added; lookups start at `firstCandidate`. */
  get(key: string): readonly PersonDraft[] {
    return this.map.get(key) ?? NO_DRAFTS;
  }

  /** Adds every key to `keys`. */
  keysTo(keys: Set<string>): void {
    for (const key of this.map.keys()) keys.add(key);
  }
}

/** People linked from a document's names, and the names (surnames and given names) by which other names could join them. */
export interface LinkedDrafts {
  drafts: PersonDraft[];
  joinable: ReadonlySet<string>;
}

/** What most lookups find: one list for all of them, rather than a new empty one each time. */
const NO_DRAFTS: readonly PersonDraft[] = [];

const MAX_NAMESAKES = 32;

/** Past a few dozen people sharing one name, only the latest are candidates: where they start in the list. */
function firstCandidate(list: readonly PersonDraft[]): number {
  return list.length > MAX_NAMESAKES ? list.length - MAX_NAMESAKES : 0;
}

/** The first of the candidates with a full name that agrees with this one (`exact`: with the same given name, or the same lack of one). */
function fullNamesake(list: readonly PersonDraft[], surname: string, given: string | undefined, exact: boolean): PersonDraft | undefined {
  for (let k = firstCandidate(list); k < list.length; k++) {
    const d = list[k];
    if (d.words.length > 1 && (exact ? d.surname === surname && d.given === given : compatible(d, surname, given))) return d;
  }
  return undefined;
}

/** The first of the candidates known by this surname alone, and not as a king or pope. */
function singleNamesake(list: readonly PersonDraft[], surname: string): PersonDraft | undefined {
  for (let k = firstCandidate(list); k < list.length; k++) {
    const d = list[k];
    if (d.surname === surname && d.words.length === 1 && !d.royal) return d;
  }
  return undefined;
}

/** The one person already mentioned before `at` whom the first name alone can mean (several of one full name count as one). */
function namedBefore(list: readonly PersonDraft[], word: string, at: number): PersonDraft | undefined {
  let found: PersonDraft | undefined;
  for (let k = firstCandidate(list); k < list.length; k++) {
    const d = list[k];
    if (!(d.given === word || (d.royal && d.surname === word)) || lastBefore(d, at) < 0) continue;
    if (!found) found = d;
    else if (d.words.join(' ') !== found.words.join(' ')) return undefined;
  }
  return found;
}

/**
 * Groups name candidates into people: full names and titled names first (each new full name is a new
 * person unless its surname and given name agree with one already seen), then bare surnames and given
 * names, linked to the person of that name mentioned last.
 */
export function linkMentions(lex: PeopleLexicon, placed: PlacedParagraphs): LinkedDrafts {
  const drafts: PersonDraft[] = [];
  const bySurname = new DraftIndex();
  const byGiven = new DraftIndex();
  // A draft is indexed by its names when it is made and whenever its name grows.
  const indexNames = (d: PersonDraft): void => {
    bySurname.add(d.surname, d);
    byGiven.add(d.royal ? d.surname : d.given, d);
  };
  for (let index = 0; index < placed.found.length; index++) {
    const found = placed.found[index];
    const offset = placed.paragraphs[index].start;
    const { personNames } = found;
    for (let n = 0; n < personNames.length; n++) {
      const site = personNames[n];
      const { surname, given, eastAsian, core, words, prefix } = site;
      const namesakes = bySurname.get(surname);
      // "J.K. Rowling" is a full name too.
      if (core.length >= 2 || (core.length === 1 && site.initialFirst)) {
        const draft = fullNamesake(namesakes, surname, given, false) ?? singleNamesake(namesakes, surname);
        if (!draft) {
          const made = newDraft(words, surname, given, false, eastAsian, nameMention(site, offset, 'full'), site);
          drafts.push(made);
          indexNames(made);
          continue;
        }
        if (words.length > draft.words.length || draft.words.length === 1) {
          draft.words = words;
          draft.surname = surname;
          draft.given = given;
          draft.royal = false;
          draft.eastAsian = eastAsian;
          indexNames(draft);
        }
        addMention(draft, site, offset, 'full');
        continue;
      }
      const word = core[0] ?? words[0];
      const royal = site.royal;
      const draft = royal ? nearest(byGiven.get(word), knownBy, word, site.start + offset) : nearest(namesakes, hasSurname, surname, site.start + offset);
      // "King Hussein", "Bush's son, George": a lone given name; "President Bush": a surname.
      const kind = (royal || !prefix) && lex.givenNames.has(word) ? 'given' : 'surname';
      if (draft) {
        addMention(draft, site, offset, kind);
        continue;
      }
      const made = newDraft([word], word, undefined, royal, false, nameMention(site, offset, kind), site);
      drafts.push(made);
      indexNames(made);
    }
  }
  settle(drafts);
  // The other names are looked up by these alone, and add none.
  const joinable = new Set<string>();
  bySurname.keysTo(joinable);
  byGiven.keysTo(joinable);
  // Names not judged a person's on their own join a person already named.
  for (let index = 0; index < placed.found.length; index++) {
    const found = placed.found[index];
    const offset = placed.paragraphs[index].start;
    const { otherNames } = found;
    for (let n = 0; n < otherNames.length; n++) {
      const site = otherNames[n];
      const { surname, given } = site;
      const at = site.start + offset;
      if (site.words.length > 1) {
        const draft = fullNamesake(bySurname.get(surname), surname, given, true);
        if (draft) addMention(draft, site, offset, 'full');
        continue;
      }
      const namesake = nearest(bySurname.get(surname), hasSurname, surname, at);
      if (namesake) {
        addMention(namesake, site, offset, 'surname');
        continue;
      }
      // A first name alone refers back to someone already named in full ("Hillary" after "Hillary Clinton").
      const named = namedBefore(byGiven.get(surname), surname, at);
      if (named) addMention(named, site, offset, 'given');
    }
  }
  for (let k = 0; k < drafts.length; k++) sortMentions(drafts[k]);
  return { drafts: drafts.sort(byFirstMention), joinable };
}

/** Whether an other name (see linkMentions) can join a person: one linked by a name in `joinable`. Other names that cannot are no mention of anyone. */
export function mayJoin(site: NameSite, joinable: ReadonlySet<string>): boolean {
  const { surname } = site;
  return surname !== undefined && joinable.has(surname);
}

function byFirstMention(a: PersonDraft, b: PersonDraft): number {
  return a.mentions[0].start - b.mentions[0].start;
}
