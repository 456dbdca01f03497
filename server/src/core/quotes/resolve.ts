import { isWhiteSpaceCode } from '../chars';
import type { Gender, Mention, Organization, Person, Sentence, Span, TextSpan } from '../model';
import { detached, type AnalysisCache } from '../paragraphCache';
import { newRadixBuffers, radixOrder, type RadixBuffers } from '../radixOrder';
import { peopleMovedFrom } from '../people';
import { firstStartingFrom } from '../spans';
import { lastEdit, movedOffset } from '../structure';
import type { QuoteLexicon } from './lexicon';

/**
 * Linking a speaker phrase to a Person or Organization: by the mention that heads the phrase
 * ("Judicial Watch president Tom Fitton" → Tom Fitton), by name ("Kim" → Kim Kye-Gwan), by title
 * ("the senator" → the last senator mentioned), and for pronouns by gender, preferring the subject
 * of the sentence or of the sentence before ("he" → the man the text is about), then recency.
 */

interface Entry extends Span {
  id: string;
  /** Its entity's place among the people, then the organisations. */
  owner: number;
  gender?: Gender;
  organization: boolean;
  possessive: boolean;
}

/** The entities (people, then organisations, numbered in that order) by the words of their names and of their titles. */
interface EntityWords {
  count: number;
  /** The entities having each word, by number, ascending. */
  byNameWord: Map<string, number[]>;
  byTitleWord: Map<string, number[]>;
}

export interface Resolver {
  /**
   * The id of the entity one speaker phrase names; call in text order, so that resolved pronouns can serve later
   * ones. `known`, when given, is the id an earlier analysis found for this phrase where all that linking it
   * reads (see READ_BEFORE) was as now: it is taken instead of searching again.
   */
  link(text: string, mention: TextSpan, known?: string | null): string | null;
  /**
   * The entity's own mention inside the phrase last linked ("Yun Byung-Se" in "Foreign Minister
   * Yun Byung-Se"), or null; valid until the next call of link.
   */
  readonly linkedMention: Span | null;
  /** Whether linking the phrase may add to what later phrases read: it is "he" or "she", which later ones may resolve to. */
  isPronoun(phrase: TextSpan): boolean;
  /**
   * Where the earliest mention lies that linking a phrase starting at `at` may read: mentions are looked back
   * over by number (RECENT_MENTIONS before a subject's place), not by distance. Linking reads none after the phrase.
   */
  mentionsReadFrom(at: number): number;
}

const RECENT_MENTIONS = 200;
/** How far back (in characters and mentions) a pronoun looks for the subject of its sentence or the one before. */
const SUBJECT_REACH = 1500;
const SUBJECT_MENTIONS = 40;

/**
 * How far before a speaker phrase and after it linking reads the text or measures a distance: up to
 * SUBJECT_REACH back for a subject, 80 more for the word before it; up to 130 after a mention for what follows
 * it. Besides, it reads only sentence bounds, mentions, quotations and the speakers resolved before.
 */
export const READ_BEFORE = SUBJECT_REACH + 200;
export const READ_AFTER = 200;

/** Words after which a name is an object, not a subject: "met with Sununu", "took on Hillary Clinton". */
const PREPOSITIONS = new Set([
  'with', 'to', 'by', 'for', 'of', 'on', 'at', 'from', 'about', 'against', 'than', 'as', 'like', 'into', 'over',
  'under', 'after', 'before', 'between', 'among', 'toward', 'towards', 'without', 'including', 'behind', 'upon', 'via',
]);

// Kept as constants: the bundler turns a literal with \p{Lu} or \p{Ll} into a RegExp built on every use.
const LOWER_AFTER_SPACE = /^\s+\p{Ll}/u;
const CAPITALISED_WORD = /\p{Lu}[\p{L}'’-]*/gu;
/** Lower-case words, then a capital: "Clinton communication director Jennifer Palmieri". */
const WORDS_BEFORE_NAME = /^(?:\s+\p{Ll}[\p{L}-]*){1,3}\s+\p{Lu}/u;
const UPPER_START = /^\p{Lu}/u;
const WORD_CHAR = /[\p{L}.'’-]/u;

/** Whether `text[i]` matches /\s/; this runs for every character of the words before a subject. */
function isSpaceAt(text: string, i: number): boolean {
  return isWhiteSpaceCode(text.charCodeAt(i));
}

/** Whether `text[i]` is a letter, a full stop, an apostrophe or a hyphen; ASCII without the regex. */
function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 128) return WORD_CHAR.test(text[i]);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 46 || code === 39 || code === 45;
}

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w !== '');
}

/**
 * The name and title words of every entity, people first. Kept across analyses while no name or
 * title changes, as after most edits: the texts they were read from are kept with them, and the
 * entities' texts are compared with those as they are written again.
 */
function entityWords(people: Person[], organizations: Organization[], cache?: AnalysisCache): EntityWords {
  const last = cache?.documentValue<LastEntityWords>(ENTITY_WORDS);
  // People only moved by the edit have every text they had.
  const movedFrom = cache && peopleMovedFrom(people, cache);
  if (last && movedFrom && last.people === movedFrom) {
    last.people = people;
    return last.entities;
  }
  const writer = new TextsWriter(last?.texts);
  writeTexts(people, organizations, writer);
  if (last && writer.matchesKept()) {
    last.people = people;
    return last.entities;
  }
  // A changed name leaves the other texts as they were: their words are split once, not on every such edit.
  const wordsOfText = last?.wordsOfText ?? new Map<string, string[]>();
  const entities = wordsOfEntities(writer.written, wordsOfText);
  cache?.keepDocumentValue<LastEntityWords>(ENTITY_WORDS, { people, texts: writer.written, entities, wordsOfText: onlyTexts(wordsOfText, writer.written.texts) });
  return entities;
}

/** The entities' words of the last analysis with a cache, and the texts they were read from. */
interface LastEntityWords {
  /** The people whose texts these are. */
  people: readonly Person[];
  texts: EntityTexts;
  entities: EntityWords;
  /** The words of each text kept, split once. */
  wordsOfText: Map<string, string[]>;
}

const ENTITY_WORDS = 'quote speakers';

/**
 * Writes each entity's texts to `writer`: a marker, its names (each text once in a row: names
 * recur), a marker, its titles.
 */
function writeTexts(people: Person[], organizations: Organization[], writer: TextsWriter): void {
  // A person's pronouns and bare titles name nobody.
  const names = (name: string, mentions: Mention[], person: boolean): void => {
    writer.marker();
    writer.text(name);
    let last = name;
    for (const m of mentions) {
      if ((!person || (m.kind !== 'pronoun' && m.kind !== 'title')) && m.text !== last) writer.text((last = m.text));
    }
    writer.marker();
  };
  for (const p of people) {
    names(p.name, p.mentions, true);
    for (const t of p.titles) writer.text(t.text);
  }
  for (const o of organizations) names(o.name, o.mentions, false);
}

/** Entity texts as kept, and where each marker stood among them. */
interface EntityTexts {
  texts: string[];
  markers: number[];
}

/**
 * Keeps the texts written to it as they are (names, mentions and titles are slices of their paragraph, which
 * stays in the paragraph cache while unchanged: the next analysis then finds the very same strings), and
 * compares them with those of the last analysis, one by one.
 */
class TextsWriter {
  readonly written: EntityTexts = { texts: [], markers: [] };
  /** False once a text or marker differs from the last analysis's, or when there is none. */
  private matching: boolean;
  private readonly kept: EntityTexts;

  constructor(kept: EntityTexts | undefined) {
    this.matching = kept !== undefined;
    this.kept = kept ?? { texts: [], markers: [] };
  }

  marker(): void {
    const { markers, texts } = this.written;
    this.matching &&= this.kept.markers[markers.length] === texts.length;
    markers.push(texts.length);
  }

  text(text: string): void {
    const { texts } = this.written;
    this.matching &&= this.kept.texts[texts.length] === text;
    texts.push(text);
  }

  /** Whether every text and marker written is the last analysis's, and no more and no fewer. */
  matchesKept(): boolean {
    return this.matching && this.written.texts.length === this.kept.texts.length && this.written.markers.length === this.kept.markers.length;
  }
}

/**
 * Every mention of the entities, by start; mentions starting together in the order people,
 * organisations. The mentions are read once, in their own order, and their fields kept in typed
 * arrays for sorting. The arrays and the entries are reused from the last analysis with a cache
 * (entries are rewritten in place, so no analysis may keep one), as allocating them afresh on
 * every edit is what makes the garbage collector run.
 */
function sortedEntries(people: Person[], organizations: Organization[], cache?: AnalysisCache): Entry[] {
  const kept = cache?.documentValue<EntryBuffers>(ENTRY_BUFFERS);
  const edit = cache && lastEdit(cache);
  // People only moved by the edit: their mentions keep their order, so the entries need only move too.
  const movedFrom = cache && peopleMovedFrom(people, cache);
  if (kept && edit && movedFrom && kept.people === movedFrom) {
    for (const entry of kept.entries) {
      entry.start = movedOffset(edit, entry.start);
      entry.end = movedOffset(edit, entry.end);
    }
    kept.people = people;
    return kept.entries;
  }
  const owners = people.length + organizations.length;
  let count = 0;
  for (let k = 0; k < owners; k++) count += ownerAt(people, organizations, k).mentions.length;
  let buffers = kept;
  if (!buffers || buffers.starts.length < count) {
    buffers = newEntryBuffers(count, buffers?.entries ?? []);
    cache?.keepDocumentValue(ENTRY_BUFFERS, buffers);
  }
  buffers.people = people;
  const { starts, ends, possessive, ownerOf, entries } = buffers;
  for (let k = 0, i = 0; k < owners; k++) {
    for (const m of ownerAt(people, organizations, k).mentions) {
      starts[i] = m.start;
      ends[i] = m.end;
      possessive[i] = m.possessive === true ? 1 : 0;
      ownerOf[i++] = k;
    }
  }
  const order = radixOrder(starts, count, buffers.radix);
  if (entries.length > count) entries.length = count;
  for (let j = 0; j < count; j++) {
    const i = order[j];
    const k = ownerOf[i];
    const organization = k >= people.length;
    const { id } = ownerAt(people, organizations, k);
    const gender = organization ? undefined : people[k].gender;
    const entry = entries[j];
    if (entry === undefined) {
      entries.push({ start: starts[i], end: ends[i], id, owner: k, gender, organization, possessive: possessive[i] === 1 });
      continue;
    }
    entry.start = starts[i];
    entry.end = ends[i];
    entry.id = id;
    entry.owner = k;
    entry.gender = gender;
    entry.organization = organization;
    entry.possessive = possessive[i] === 1;
  }
  return entries;
}

/** The sorting arrays of sortedEntries, at least as long as the mentions, and its entries. */
interface EntryBuffers {
  /** The people the entries were last made for. */
  people: readonly Person[] | null;
  starts: Int32Array;
  ends: Int32Array;
  possessive: Uint8Array;
  ownerOf: Int32Array;
  radix: RadixBuffers;
  entries: Entry[];
}

const ENTRY_BUFFERS = 'quote speaker entries';

/** Buffers for `count` mentions and some more, so that the few mentions an edit adds do not need new ones. */
function newEntryBuffers(count: number, entries: Entry[]): EntryBuffers {
  const size = count + (count >> 4) + 16;
  return {
    people: null,
    starts: new Int32Array(size),
    ends: new Int32Array(size),
    possessive: new Uint8Array(size),
    ownerOf: new Int32Array(size),
    radix: newRadixBuffers(size),
    entries,
  };
}

/** Entity `k`: people first, then organisations. */
function ownerAt(people: Person[], organizations: Organization[], k: number): Person | Organization {
  return k < people.length ? people[k] : organizations[k - people.length];
}

/** The words of the entities written to `written`, each distinct text split once (and kept in `wordsOfText`). */
function wordsOfEntities(written: EntityTexts, wordsOfText: Map<string, string[]>): EntityWords {
  const { texts, markers } = written;
  const entities: EntityWords = { count: markers.length / 2, byNameWord: new Map(), byTitleWord: new Map() };
  for (let m = 0; m < markers.length; m++) {
    // Even markers start an entity's names, odd ones its titles.
    const index = m % 2 === 0 ? entities.byNameWord : entities.byTitleWord;
    const owner = m >> 1;
    const end = m + 1 < markers.length ? markers[m + 1] : texts.length;
    for (let t = markers[m]; t < end; t++) {
      let split = wordsOfText.get(texts[t]);
      // Kept as a copy: the map outlives the paragraph the text is sliced from.
      if (!split) wordsOfText.set(detached(texts[t]), (split = words(texts[t])));
      for (const w of split) {
        const owners = index.get(w);
        if (!owners) index.set(w, [owner]);
        else if (owners[owners.length - 1] !== owner) owners.push(owner);
      }
    }
  }
  return entities;
}

/** `wordsOfText` without the texts no longer written, so that it does not grow with every name typed. */
function onlyTexts(wordsOfText: Map<string, string[]>, texts: string[]): Map<string, string[]> {
  if (wordsOfText.size <= texts.length) return wordsOfText;
  const kept = new Set(texts);
  for (const text of wordsOfText.keys()) if (!kept.has(text)) wordsOfText.delete(text);
  return wordsOfText;
}

const isPerson = (e: Entry): boolean => !e.organization;
const isOrganization = (e: Entry): boolean => e.organization;

/** Where the quotations of the text are. */
export interface Quoted {
  isQuoted(at: number): boolean;
}

export function createResolver(
  people: Person[],
  organizations: Organization[],
  lexicon: QuoteLexicon,
  sentences: Sentence[],
  quoted: Quoted,
  cache?: AnalysisCache,
): Resolver {
  const { count, byNameWord, byTitleWord } = entityWords(people, organizations, cache);
  const entries = sortedEntries(people, organizations, cache);
  /** The entries a speaker phrase overlaps, the first `overlapCount` of one list for every call of link. */
  const overlapping: Entry[] = [];
  let overlapCount = 0;
  /** Pronoun speakers already resolved, in text order: "he said" is itself the subject of its sentence. */
  const pronouns: Entry[] = [];

  /** The most recent entry before `at` accepted by `accept`, looking back a bounded number of mentions. */
  const recent = (at: number, accept: (e: Entry) => boolean): Entry | null => {
    for (let i = firstStartingFrom(entries, at) - 1, n = 0; i >= 0 && n < RECENT_MENTIONS; i--, n++) if (accept(entries[i])) return entries[i];
    return null;
  };
  // A search for the latest mention of any of some entities: newSearch, seek them, then latestSought.
  /** The entities sought, marked with the number of the search. */
  const sought = new Int32Array(count);
  let search = 0;
  let seeking = false;
  const newSearch = (): void => {
    search++;
    seeking = false;
  };
  /** Seeks the entities of `owners` numbered in [from, to): all, people only, or organisations only. */
  const seek = (owners: number[] | undefined, from = 0, to = count): void => {
    if (!owners) return;
    for (const k of owners) {
      if (k >= from && k < to) {
        sought[k] = search;
        seeking = true;
      }
    }
  };
  /** The most recent entry before `at` of an entity sought, looking back as far as recent does. */
  const isSought = (e: Entry): boolean => sought[e.owner] === search;
  const latestSought = (at: number): Entry | null => (seeking ? recent(at, isSought) : null);
  // The tests entries are searched with, made once rather than for every speaker.
  const isUnquotedPerson = (e: Entry): boolean => isPerson(e) && !isQuoted(e);
  const fitsMale = (e: Entry): boolean => isPerson(e) && (e.gender === undefined || e.gender === 'male');
  const fitsFemale = (e: Entry): boolean => isPerson(e) && (e.gender === undefined || e.gender === 'female');

  let linkedMention: Span | null = null;
  return {
    get linkedMention() {
      return linkedMention;
    },
    isPronoun(phrase) {
      const gender = lexicon.pronounGender.get(phrase.text.toLowerCase());
      return gender === 'male' || gender === 'female';
    },
    mentionsReadFrom(at) {
      const first = firstStartingFrom(entries, at - READ_BEFORE) - RECENT_MENTIONS;
      return first > 0 ? entries[first].start : 0;
    },
    link(text, mention, known) {
      linkedMention = null;
      if (entries.length === 0) return null;
      overlapCount = 0;
      const after = firstStartingFrom(entries, mention.start);
      for (let i = after - 1, n = 0; i >= 0 && n < 20; i--, n++) if (entries[i].end > mention.start) overlapping[overlapCount++] = entries[i];
      for (let i = after; i < entries.length && entries[i].start < mention.end; i++) overlapping[overlapCount++] = entries[i];
      if (overlapCount > 0) {
        const head = headOf(text, mention);
        if (head) {
          if (head.start >= mention.start && head.end <= mention.end) linkedMention = head;
          return head.id;
        }
        // Only owners and modifiers are named ("Clinton's campaign", "the Clinton campaign"): not them.
        return known !== undefined ? known : linkByTitle(text, mention);
      }
      const pronoun = lexicon.pronounGender.get(mention.text.toLowerCase());
      if (pronoun === 'male' || pronoun === 'female') {
        const found = known === undefined ? resolvePronoun(text, mention.start, pronoun) : known === null ? null : entityEntry(known);
        if (found) {
          if (pronouns.length === 0 || pronouns[pronouns.length - 1].start < mention.start) pronouns.push({ start: mention.start, end: mention.end, id: found.id, owner: found.owner, gender: pronoun, organization: found.organization, possessive: false });
          return found.id;
        }
        return null;
      }
      if (pronoun === 'neuter' || pronoun === 'plural') return recent(mention.start, isOrganization)?.id ?? null;
      if (pronoun) return null;
      return known !== undefined ? known : (linkByName(mention) ?? linkByTitle(text, mention));
    },
  };

  /** An entry standing for the entity `id` (its place and kind, not a mention of it), for a pronoun resolved to it before. */
  function entityEntry(id: string): Entry {
    // Ids number people and organisations in order ("p1", "o1"): the entity is found without a search.
    const organization = id.startsWith('o');
    const owner = (organization ? people.length : 0) + Number(id.slice(1)) - 1;
    if (ownerAt(people, organizations, owner)?.id !== id) throw new Error(`no entity ${id} to credit a pronoun to`);
    return { start: 0, end: 0, id, owner, gender: organization ? undefined : people[owner].gender, organization, possessive: false };
  }

  /**
   * The entity a phrase names: a person before an organisation ("Judicial Watch president Tom Fitton"),
   * never a possessive owner ("Henry Clay's biographers") nor a name used as a modifier ("the Clinton
   * campaign"); among several, the last, which heads the phrase.
   */
  function headOf(text: string, phrase: Span): Entry | null {
    let best: Entry | null = null;
    for (let k = 0; k < overlapCount; k++) {
      const e = overlapping[k];
      const rest = text.slice(e.end, phrase.end);
      if (!/^(?:['’]s?)?$/.test(rest) && (e.possessive || (LOWER_AFTER_SPACE.test(rest) && !/^\s+(?:and|or)\s/.test(rest)))) continue;
      if (!best || (best.organization && !e.organization) || (best.organization === e.organization && e.start > best.start)) best = e;
    }
    return best;
  }

  function linkByName(mention: TextSpan): string | null {
    // Named: every capitalised word of the phrase that names someone must belong to the entity's name.
    const capitalised = mention.text.match(CAPITALISED_WORD);
    if (!capitalised) return null;
    newSearch();
    for (const w of capitalised) seek(byNameWord.get(w.toLowerCase().replace(/['’]s?$/, '')));
    return latestSought(mention.start)?.id ?? null;
  }

  /**
   * "the senator", "the ministry": the last entity carrying that title or name word. "the Democratic
   * front-runner", a title nobody was given: the person last named in its sentence, unless that is the
   * sentence's subject; at a sentence start, the subject of the sentence before.
   */
  function linkByTitle(text: string, mention: TextSpan): string | null {
    const phraseWords = words(mention.text);
    let last = phraseWords.length - 1;
    while (last >= 0 && lexicon.determiners.has(phraseWords[last])) last--;
    if (last < 0) return null;
    const head = phraseWords[last];
    newSearch();
    seek(byTitleWord.get(head));
    seek(byNameWord.get(head), people.length);
    const holder = latestSought(mention.start);
    if (holder) return holder.id;
    if (phraseWords[0] !== 'the' || !lexicon.titleHeads.has(head)) return null;
    // Inside its sentence a description names someone other than the sentence's subject ("Trump took on
    // Clinton after the front-runner said …": Clinton); at a sentence start, the previous subject.
    const k = firstStartingFrom(sentences, mention.start + 1) - 1;
    if (k >= 0) {
      const from = Math.max(sentences[k].start, mention.start - SUBJECT_REACH);
      const subject = subjectIn(text, from, mention.start, isPerson);
      const last = recent(mention.start, isUnquotedPerson);
      if (last && last.start >= from && last.id !== subject?.id) return last.id;
    }
    const before = sentenceBefore(mention.start);
    return (before && subjectIn(text, before.start, before.end, isPerson)?.id) ?? null;
  }

  function isQuoted(e: Span): boolean {
    return quoted.isQuoted(e.start);
  }

  /** The sentence before the one holding `at`, when near enough. */
  function sentenceBefore(at: number): Sentence | null {
    const k = firstStartingFrom(sentences, at + 1) - 1;
    return k >= 1 && at - sentences[k - 1].start <= SUBJECT_REACH ? sentences[k - 1] : null;
  }

  /**
   * "he" / "she": the nearest person of that gender in subject position before it in its own sentence
   * ("Flynn said Trump was right when he said …": Trump), else the first in the sentence before (its
   * subject), else the last person of that gender mentioned.
   */
  function resolvePronoun(text: string, at: number, gender: Gender): Entry | null {
    const fits = gender === 'male' ? fitsMale : fitsFemale;
    const k = firstStartingFrom(sentences, at + 1) - 1;
    if (k >= 0) {
      const own = subjectIn(text, Math.max(sentences[k].start, at - SUBJECT_REACH), at, fits, true);
      if (own) return own;
      const before = sentenceBefore(at);
      const previous = before && subjectIn(text, before.start, before.end, fits);
      if (previous) return previous;
    }
    const named = recent(at, fits);
    let said: Entry | null = null;
    for (let i = firstStartingFrom(pronouns, at) - 1, n = 0; i >= 0 && n < RECENT_MENTIONS && !said; i--, n++) if (fits(pronouns[i])) said = pronouns[i];
    return said && (!named || said.start > named.start) ? said : named;
  }

  /**
   * The first (or, with `nearest`, the last) entry in [from, to) that reads as the subject of its clause:
   * a mention, a resolved pronoun, or a description by title ("The president denounced …") of the last
   * person who holds that title.
   */
  function subjectIn(text: string, from: number, to: number, fits: (e: Entry) => boolean, nearest = false): Entry | null {
    let best = subjectAmong(entries, text, from, to, fits, nearest);
    const pronoun = subjectAmong(pronouns, text, from, to, fits, nearest);
    if (pronoun && (!best || (nearest ? pronoun.start > best.start : pronoun.start < best.start))) best = pronoun;
    // A description counts only where it comes before (or, for the nearest, after) the best mention.
    const lo = nearest ? Math.max(from, best?.end ?? from, to - SUBJECT_REACH) : from;
    const hi = nearest ? to : Math.min(best?.start ?? to, from + SUBJECT_REACH);
    return (hi > lo && describedSubject(text, lo, hi, fits, nearest)) || best;
  }

  /** The first (or, with `nearest`, the last) entry of `list` in [from, to) in subject position, looking at a bounded number. */
  function subjectAmong(list: Entry[], text: string, from: number, to: number, fits: (e: Entry) => boolean, nearest: boolean): Entry | null {
    const first = firstStartingFrom(list, from);
    const end = firstStartingFrom(list, to);
    if (nearest) {
      for (let i = end - 1; i >= Math.max(first, end - SUBJECT_MENTIONS); i--) if (fits(list[i]) && isSubject(text, list[i])) return list[i];
    } else {
      for (let i = first; i < Math.min(end, first + SUBJECT_MENTIONS); i++) if (fits(list[i]) && isSubject(text, list[i])) return list[i];
    }
    return null;
  }

  /** "the president", "The Republican nominee": a definite title in subject position, by its holder. */
  function describedSubject(text: string, from: number, to: number, fits: (e: Entry) => boolean, nearest: boolean): Entry | null {
    const window = text.slice(from, to);
    // "the" and up to three words, one of them a title head in lower case: "the Republican nominee".
    const description = /\b[Tt]he((?:\s+[\p{L}'’-]+){1,3})/gu;
    let found: Entry | null = null;
    for (let m = description.exec(window); m; m = description.exec(window)) {
      const head = m[1].trim().split(/\s+/).find((w) => lexicon.titleHeads.has(w));
      if (!head) continue;
      const start = from + m.index;
      newSearch();
      seek(byTitleWord.get(head), 0, people.length);
      const holder = latestSought(start);
      const end = start + m[0].indexOf(head, 3) + head.length;
      const entry: Entry | null = holder && { start, end, id: holder.id, owner: holder.owner, gender: holder.gender, organization: holder.organization, possessive: false };
      if (entry && fits(entry) && isSubject(text, entry)) {
        found = entry;
        if (!nearest) break;
      }
    }
    return found;
  }

  /**
   * A mention in subject position: outside quotations, not a possessive, not after a preposition, and
   * followed by a verb-like lower-case word, directly or after an aside ("Hassan, the king's brother, was").
   */
  function isSubject(text: string, e: Entry): boolean {
    if (e.possessive || isQuoted(e)) return false;
    if (PREPOSITIONS.has(wordBefore(text, e.start))) return false;
    // "Clinton communication director Jennifer Palmieri": a name before a title and another name is an affiliation.
    const modifier = WORDS_BEFORE_NAME.exec(text.slice(e.end, e.end + 60));
    if (modifier) {
      const words = modifier[0].trim().split(/\s+/);
      if (lexicon.titleHeads.has(words[words.length - 2])) return false;
    }
    let after = e.end;
    const opener = /^\s*(,|\(|—|–|--)/.exec(text.slice(after, after + 4));
    if (opener) {
      const closer = opener[1] === '(' ? ')' : opener[1];
      const from = after + opener[0].length;
      const aside = text.slice(from, from + 120);
      const close = aside.indexOf(closer);
      const stop = aside.search(/[;!?"“”]|[.:]\s/);
      if (close < 0 || (stop >= 0 && stop < close && closer !== ')')) return false;
      after = from + close + closer.length;
    }
    return LOWER_AFTER_SPACE.test(text.slice(after, after + 3));
  }

  /** The lower-case word before `at`, skipping capitalised title words ("with Foreign Minister Yun"). */
  function wordBefore(text: string, at: number): string {
    const floor = Math.max(0, at - 80);
    let end = at;
    for (let words = 0; words < 5; words++) {
      while (end > floor && isSpaceAt(text, end - 1)) end--;
      let start = end;
      while (start > floor && isWordCharAt(text, start - 1)) start--;
      if (start === end) return '';
      const word = text.slice(start, end);
      if (!UPPER_START.test(word)) return word.toLowerCase();
      end = start;
    }
    return '';
  }
}
