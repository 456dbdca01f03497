import type { Mention, MentionKind, Title } from '../model';
import type { PeopleLexicon } from './lexicon';
import type { NameSite, PlacedParagraph, TitleSite } from './paragraph';

/** Where a mention was found: a name, or the "the" of "the senator". */
export interface MentionSource {
  /** Start of the name (or of "the") in the document. */
  start: number;
  paragraph: number;
  /** Start of the paragraph in the document. */
  offset: number;
  /** Index of the sentence in its paragraph. */
  sentence: number;
  /** The name found there, with offsets in its paragraph. */
  name?: NameSite;
}

/** A person while mentions are still being linked to them. */
export interface PersonDraft {
  /** Words of the fullest name so far, lower case. */
  words: string[];
  /** Family name, lower case: the last word ("Clinton"), or the first in East Asian order ("Kim"). */
  surname: string;
  /** Given name, lower case, when the name has one ("hillary"). */
  given?: string;
  /** Known only as "King Hussein", "Pope Francis": the single name is a given name. */
  royal: boolean;
  /** Written family name first ("Kim Kye-Gwan"): the first word says nothing about gender. */
  eastAsian: boolean;
  mentions: Mention[];
  /** Where each mention was found, parallel to `mentions`. */
  sources: MentionSource[];
  /** Titles with their offsets placed in the document. */
  titles: TitleSite[];
}

/** A title found in a paragraph, with its offsets placed in the document. */
export function placeTitle(site: TitleSite, offset: number): TitleSite {
  const { text, start, end, attachment, affiliation, former } = site.title;
  const title: Title = { text, start: start + offset, end: end + offset, attachment };
  if (affiliation !== undefined) title.affiliation = affiliation;
  if (former !== undefined) title.former = former;
  return { title, heads: site.heads, words: site.words, genders: site.genders };
}

/** Puts the draft's mentions (and their sources) in text order. */
export function sortMentions(d: PersonDraft): void {
  if (d.mentions.every((m, k) => k === 0 || d.mentions[k - 1].start < m.start)) return;
  const order = d.mentions.map((_, k) => k).sort((a, b) => d.mentions[a].start - d.mentions[b].start);
  d.mentions = order.map((k) => d.mentions[k]);
  d.sources = order.map((k) => d.sources[k]);
}

/** True when the two names can belong to one person: same surname and no conflicting given name. */
function compatible(d: PersonDraft, surname: string, given: string | undefined): boolean {
  if (d.surname !== surname) return false;
  return !d.given || !given || d.given === given;
}

function addMention(draft: PersonDraft, text: string, site: NameSite, offset: number, paragraph: number, kind: MentionKind): Mention {
  const start = site.mentionStart + offset;
  const end = site.end + offset;
  const mention: Mention = { text: text.slice(start, end), start, end, kind: site.prefix?.kind === 'honorific' ? 'honorific' : kind };
  if (site.possessive) mention.possessive = true;
  draft.mentions.push(mention);
  draft.sources.push({ start: site.start + offset, paragraph, offset, sentence: site.sentence, name: site });
  return mention;
}

/** Where each draft was mentioned, for "the person of that name mentioned last" in linear time. */
class MentionIndex {
  private settled = new Map<PersonDraft, number[]>();
  private latest = new Map<PersonDraft, number>();

  /** Freezes the mentions found so far (they are in text order) and starts a new pass over the text. */
  settle(drafts: PersonDraft[]): void {
    for (const d of drafts) this.settled.set(d, d.mentions.map((m) => m.start));
    this.latest.clear();
  }

  /** Records a mention found in text order during the current pass. */
  add(d: PersonDraft, start: number): void {
    this.latest.set(d, start);
  }

  /** The start of the draft's last mention before `at`, or -1. */
  lastBefore(d: PersonDraft, at: number): number {
    let best = this.latest.get(d) ?? -1;
    const starts = this.settled.get(d);
    if (starts) {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < at) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) best = Math.max(best, starts[lo - 1]);
    }
    return best < at ? best : -1;
  }

  /** The draft among the accepted `options` mentioned last before `at` (else the first mentioned after it). */
  nearest(options: readonly PersonDraft[], accept: (d: PersonDraft) => boolean, at: number): PersonDraft | undefined {
    let best: PersonDraft | undefined;
    let bestStart = -1;
    for (const d of options) {
      if (!accept(d)) continue;
      const start = this.lastBefore(d, at);
      if (start > bestStart) {
        best = d;
        bestStart = start;
      }
    }
    if (best) return best;
    let first: PersonDraft | undefined;
    for (const d of options) if (accept(d) && (!first || d.mentions[0].start < first.mentions[0].start)) first = d;
    return first;
  }
}

/** Drafts by a key (surname or given name); entries are checked against the draft on lookup, as names grow. */
class DraftIndex {
  private map = new Map<string, { list: PersonDraft[]; members: Set<PersonDraft> }>();

  add(key: string | undefined, d: PersonDraft): void {
    if (!key) return;
    let entry = this.map.get(key);
    if (!entry) {
      entry = { list: [], members: new Set() };
      this.map.set(key, entry);
    }
    if (entry.members.has(d)) return;
    entry.members.add(d);
    entry.list.push(d);
  }

  /** The drafts under a key; past a few dozen people sharing one name, only the latest are candidates. */
  get(key: string): readonly PersonDraft[] {
    const list = this.map.get(key)?.list ?? NO_DRAFTS;
    return list.length > MAX_NAMESAKES ? list.slice(-MAX_NAMESAKES) : list;
  }
}

/** What most lookups find: one list for all of them, rather than a new empty one each time. */
const NO_DRAFTS: readonly PersonDraft[] = [];

const MAX_NAMESAKES = 32;

/**
 * Groups name candidates into people: full names and titled names first (each new full name is a new
 * person unless its surname and given name agree with one already seen), then bare surnames and given
 * names, linked to the person of that name mentioned last.
 */
export function linkMentions(lex: PeopleLexicon, text: string, paragraphs: PlacedParagraph[]): PersonDraft[] {
  const drafts: PersonDraft[] = [];
  const bySurname = new DraftIndex();
  const byGiven = new DraftIndex();
  const seen = new MentionIndex();
  const add = (d: PersonDraft, site: NameSite, offset: number, paragraph: number, kind: MentionKind): void => {
    const mention = addMention(d, text, site, offset, paragraph, kind);
    seen.add(d, mention.start);
  };
  // A draft is indexed by its names when it is made and whenever its name grows.
  const indexNames = (d: PersonDraft): void => {
    bySurname.add(d.surname, d);
    byGiven.add(d.royal ? d.surname : d.given, d);
  };
  for (const { found, offset, index } of paragraphs) {
    for (const site of found.names) {
      if (!site.person) continue;
      const { surname, given, eastAsian, core, words, prefix } = site;
      const namesakes = bySurname.get(surname);
      // "J.K. Rowling" is a full name too.
      if (core.length >= 2 || (core.length === 1 && site.initialFirst)) {
        let draft = namesakes.find((d) => d.surname === surname && d.words.length > 1 && compatible(d, surname, given));
        draft ??= namesakes.find((d) => d.surname === surname && d.words.length === 1 && !d.royal);
        if (!draft) {
          draft = { words, surname, given, royal: false, eastAsian, mentions: [], sources: [], titles: [] };
          drafts.push(draft);
          indexNames(draft);
        } else if (words.length > draft.words.length || draft.words.length === 1) {
          draft.words = words;
          draft.surname = surname;
          draft.given = given;
          draft.royal = false;
          draft.eastAsian = eastAsian;
          indexNames(draft);
        }
        add(draft, site, offset, index, 'full');
        continue;
      }
      const word = core[0] ?? words[0];
      const royal = prefix?.royal ?? false;
      let draft = royal
        ? seen.nearest(byGiven.get(word), (d) => (d.royal && d.surname === word) || (d.words.length > 1 && d.given === word), site.start + offset)
        : seen.nearest(namesakes, (d) => d.surname === surname && !d.royal, site.start + offset);
      if (!draft) {
        draft = { words: [word], surname: word, given: undefined, royal, eastAsian: false, mentions: [], sources: [], titles: [] };
        drafts.push(draft);
        indexNames(draft);
      }
      // "King Hussein", "Bush's son, George": a lone given name; "President Bush": a surname.
      add(draft, site, offset, index, (royal || !prefix) && lex.givenNames.has(word) ? 'given' : 'surname');
    }
  }
  seen.settle(drafts);
  // Names not judged a person's on their own join a person already named.
  for (const { found, offset, index } of paragraphs) {
    for (const site of found.names) {
      if (site.person) continue;
      const { surname, given } = site;
      const at = site.start + offset;
      if (site.words.length > 1) {
        const draft = bySurname.get(surname).find((d) => d.words.length > 1 && d.surname === surname && d.given === given);
        if (draft) add(draft, site, offset, index, 'full');
        continue;
      }
      const sameSurname = (d: PersonDraft): boolean => !d.royal && d.surname === surname;
      const namesake = seen.nearest(bySurname.get(surname), sameSurname, at);
      if (namesake) {
        add(namesake, site, offset, index, 'surname');
        continue;
      }
      // A first name alone refers back to someone already named in full ("Hillary" after "Hillary Clinton").
      const named = byGiven.get(surname).filter((d) => (d.given === surname || (d.royal && d.surname === surname)) && seen.lastBefore(d, at) >= 0);
      if (named.length === 1 || (named.length > 1 && named.every((d) => d.words.join(' ') === named[0].words.join(' ')))) {
        add(named[0], site, offset, index, 'given');
      }
    }
  }
  for (const d of drafts) sortMentions(d);
  return drafts.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
