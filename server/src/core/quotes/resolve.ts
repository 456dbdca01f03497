import type { Gender, Mention, Organization, Person, Sentence, Span } from '../model';
import type { AnalysisCache } from '../paragraphCache';
import { firstStartingFrom } from '../spans';
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

export interface Link {
  id: string;
  /** The entity's own mention inside the speaker phrase ("Yun Byung-Se" in "Foreign Minister Yun Byung-Se"). */
  mention: Span | null;
}

export interface Resolver {
  /** Links one speaker phrase; call in text order, so that resolved pronouns can serve later ones. */
  link(text: string, mention: Span): Link | null;
}

const RECENT_MENTIONS = 200;
/** How far back (in characters and mentions) a pronoun looks for the subject of its sentence or the one before. */
const SUBJECT_REACH = 1500;
const SUBJECT_MENTIONS = 40;

/** Words after which a name is an object, not a subject: "met with Sununu", "took on Hillary Clinton". */
const PREPOSITIONS = new Set([
  'with', 'to', 'by', 'for', 'of', 'on', 'at', 'from', 'about', 'against', 'than', 'as', 'like', 'into', 'over',
  'under', 'after', 'before', 'between', 'among', 'toward', 'towards', 'without', 'including', 'behind', 'upon', 'via',
]);

const SPACE = /\s/;
const WORD_CHAR = /[\p{L}.'’-]/u;

/** Whether `text[i]` matches /\s/; ASCII without the regex, as this runs for every character of the words before a subject. */
function isSpaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(text[i]);
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
 * title changes, as after most edits: the key lists each entity's texts as `length:text`, its names
 * after an 'n' (each text once in a row: names recur), its titles after a 't'. The last key is
 * checked against the entities in place, without writing the new one.
 */
function entityWords(people: Person[], organizations: Organization[], cache?: AnalysisCache): EntityWords {
  const last = cache?.documentValue<LastEntityWords>(ENTITY_WORDS);
  if (last) {
    const check = new KeyCheck(last.key);
    writeKey(people, organizations, check);
    if (check.matchesAll()) return last.entities;
  }
  const writer = new KeyWriter();
  writeKey(people, organizations, writer);
  const key = writer.parts.join('');
  const entities = wordsOfEntities(key);
  cache?.keepDocumentValue<LastEntityWords>(ENTITY_WORDS, { key, entities });
  return entities;
}

/** The entities' words of the last analysis with a cache, and the key they were read from. */
interface LastEntityWords {
  key: string;
  entities: EntityWords;
}

const ENTITY_WORDS = 'quote speakers';

interface KeySink {
  marker(marker: 'n' | 't'): void;
  text(text: string): void;
}

/** Writes the key of entityWords to `sink`, piece by piece. */
function writeKey(people: Person[], organizations: Organization[], sink: KeySink): void {
  // A person's pronouns and bare titles name nobody.
  const names = (name: string, mentions: Mention[], person: boolean): void => {
    sink.marker('n');
    sink.text(name);
    let last = name;
    for (const m of mentions) {
      if ((!person || (m.kind !== 'pronoun' && m.kind !== 'title')) && m.text !== last) sink.text((last = m.text));
    }
    sink.marker('t');
  };
  for (const p of people) {
    names(p.name, p.mentions, true);
    for (const t of p.titles) sink.text(t.text);
  }
  for (const o of organizations) names(o.name, o.mentions, false);
}

class KeyWriter implements KeySink {
  readonly parts: string[] = [];
  marker(marker: 'n' | 't'): void {
    this.parts.push(marker);
  }
  text(text: string): void {
    this.parts.push(`${text.length}:`, text);
  }
}

/** Compares the pieces written to it with a key, without building the string they make. */
class KeyCheck implements KeySink {
  private at = 0;
  private matching = true;
  constructor(private readonly key: string) {}

  marker(marker: 'n' | 't'): void {
    this.matching &&= this.key[this.at] === marker;
    this.at++;
  }

  text(text: string): void {
    if (!this.matching) return;
    const length = String(text.length);
    const from = this.at + length.length + 1;
    this.matching = this.key.startsWith(length, this.at) && this.key[from - 1] === ':' && this.key.startsWith(text, from);
    this.at = from + text.length;
  }

  matchesAll(): boolean {
    return this.matching && this.at === this.key.length;
  }
}

/**
 * Every mention of the entities, by start; mentions starting together in the order people,
 * organisations. Made in that order, so that neighbours in the list are neighbours in memory.
 */
function sortedEntries(people: Person[], organizations: Organization[]): Entry[] {
  const owners = people.length + organizations.length;
  let count = 0;
  for (let k = 0; k < owners; k++) count += ownerAt(people, organizations, k).mentions.length;
  const starts = new Int32Array(count);
  const ownerOf = new Int32Array(count);
  const mentions: Mention[] = new Array(count);
  for (let k = 0, i = 0; k < owners; k++) {
    for (const m of ownerAt(people, organizations, k).mentions) {
      starts[i] = m.start;
      ownerOf[i] = k;
      mentions[i++] = m;
    }
  }
  const order = orderByStart(starts);
  const entries: Entry[] = new Array(count);
  for (let j = 0; j < count; j++) {
    const m = mentions[order[j]];
    const k = ownerOf[order[j]];
    const organization = k >= people.length;
    const { id } = ownerAt(people, organizations, k);
    const gender = organization ? undefined : people[k].gender;
    entries[j] = { start: m.start, end: m.end, id, owner: k, gender, organization, possessive: m.possessive === true };
  }
  return entries;
}

/** Entity `k`: people first, then organisations. */
function ownerAt(people: Person[], organizations: Organization[], k: number): Person | Organization {
  return k < people.length ? people[k] : organizations[k - people.length];
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/**
 * The indices of `starts` in ascending order, equal starts in index order: a radix sort, some ten
 * thousand mentions in a few passes without a comparison.
 */
function orderByStart(starts: Int32Array): Int32Array {
  const count = starts.length;
  let order = new Int32Array(count);
  let sorted = new Int32Array(count);
  const buckets = new Int32Array(RADIX);
  let max = 0;
  for (let i = 0; i < count; i++) {
    order[i] = i;
    max = Math.max(max, starts[i]);
  }
  for (let shift = 0; shift < 32 && (shift === 0 || max >>> shift > 0); shift += RADIX_BITS) {
    buckets.fill(0);
    for (let i = 0; i < count; i++) buckets[(starts[order[i]] >>> shift) & (RADIX - 1)]++;
    for (let b = 0, before = 0; b < RADIX; b++) {
      const size = buckets[b];
      buckets[b] = before;
      before += size;
    }
    for (let i = 0; i < count; i++) sorted[buckets[(starts[order[i]] >>> shift) & (RADIX - 1)]++] = order[i];
    const previous = order;
    order = sorted;
    sorted = previous;
  }
  return order;
}

/** The entities listed in a key of entityWords, each distinct text split once. */
function wordsOfEntities(key: string): EntityWords {
  const entities: EntityWords = { count: 0, byNameWord: new Map(), byTitleWord: new Map() };
  const wordsOfText = new Map<string, string[]>();
  let index = entities.byNameWord;
  for (let i = 0; i < key.length; ) {
    const marker = key[i];
    if (marker === 'n' || marker === 't') {
      if (marker === 'n') entities.count++;
      index = marker === 'n' ? entities.byNameWord : entities.byTitleWord;
      i++;
      continue;
    }
    const colon = key.indexOf(':', i);
    const end = colon + 1 + Number(key.slice(i, colon));
    const text = key.slice(colon + 1, end);
    let split = wordsOfText.get(text);
    if (!split) wordsOfText.set(text, (split = words(text)));
    const owner = entities.count - 1;
    for (const w of split) {
      const owners = index.get(w);
      if (!owners) index.set(w, [owner]);
      else if (owners[owners.length - 1] !== owner) owners.push(owner);
    }
    i = end;
  }
  return entities;
}

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
  const entries = sortedEntries(people, organizations);
  /** The entries a speaker phrase overlaps, one list for every call of link. */
  const overlapping: Entry[] = [];
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
  const latestSought = (at: number): Entry | null => (seeking ? recent(at, (e) => sought[e.owner] === search) : null);

  return {
    link(text, mention) {
      if (entries.length === 0) return null;
      overlapping.length = 0;
      for (let i = firstStartingFrom(entries, mention.start) - 1, n = 0; i >= 0 && n < 20; i--, n++) if (entries[i].end > mention.start) overlapping.push(entries[i]);
      for (let i = firstStartingFrom(entries, mention.start); i < entries.length && entries[i].start < mention.end; i++) overlapping.push(entries[i]);
      if (overlapping.length > 0) {
        const head = headOf(text, mention, overlapping);
        if (head) return { id: head.id, mention: head.start >= mention.start && head.end <= mention.end ? { start: head.start, end: head.end } : null };
        // Only owners and modifiers are named ("Clinton's campaign", "the Clinton campaign"): not them.
        const id = linkByTitle(text, mention);
        return id ? { id, mention: null } : null;
      }
      const pronoun = lexicon.pronounGender.get(text.slice(mention.start, mention.end).toLowerCase());
      if (pronoun === 'male' || pronoun === 'female') {
        const found = resolvePronoun(text, mention.start, pronoun);
        if (found) {
          if (pronouns.length === 0 || pronouns[pronouns.length - 1].start < mention.start) pronouns.push({ ...found, start: mention.start, end: mention.end, possessive: false, gender: pronoun });
          return { id: found.id, mention: null };
        }
        return null;
      }
      if (pronoun === 'neuter' || pronoun === 'plural') {
        const id = recent(mention.start, (e) => e.organization)?.id;
        return id ? { id, mention: null } : null;
      }
      if (pronoun) return null;
      const id = linkByName(text, mention) ?? linkByTitle(text, mention);
      return id ? { id, mention: null } : null;
    },
  };

  /**
   * The entity a phrase names: a person before an organisation ("Judicial Watch president Tom Fitton"),
   * never a possessive owner ("Henry Clay's biographers") nor a name used as a modifier ("the Clinton
   * campaign"); among several, the last, which heads the phrase.
   */
  function headOf(text: string, phrase: Span, overlapping: Entry[]): Entry | null {
    let best: Entry | null = null;
    for (const e of overlapping) {
      const rest = text.slice(e.end, phrase.end);
      if (!/^(?:['’]s?)?$/.test(rest) && (e.possessive || (/^\s+\p{Ll}/u.test(rest) && !/^\s+(?:and|or)\s/.test(rest)))) continue;
      if (!best || (best.organization && !e.organization) || (best.organization === e.organization && e.start > best.start)) best = e;
    }
    return best;
  }

  function linkByName(text: string, mention: Span): string | null {
    // Named: every capitalised word of the phrase that names someone must belong to the entity's name.
    const capitalised = (text.slice(mention.start, mention.end).match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).map((w) => w.toLowerCase().replace(/['’]s?$/, ''));
    if (capitalised.length === 0) return null;
    newSearch();
    for (const w of capitalised) seek(byNameWord.get(w));
    return latestSought(mention.start)?.id ?? null;
  }

  /**
   * "the senator", "the ministry": the last entity carrying that title or name word. "the Democratic
   * front-runner", a title nobody was given: the person last named in its sentence, unless that is the
   * sentence's subject; at a sentence start, the subject of the sentence before.
   */
  function linkByTitle(text: string, mention: Span): string | null {
    const phraseWords = words(text.slice(mention.start, mention.end));
    const head = phraseWords.filter((w) => !lexicon.determiners.has(w)).pop();
    if (!head) return null;
    newSearch();
    seek(byTitleWord.get(head));
    seek(byNameWord.get(head), people.length);
    const holder = latestSought(mention.start);
    if (holder) return holder.id;
    if (phraseWords[0] !== 'the' || !lexicon.titleHeads.has(head)) return null;
    // Inside its sentence a description names someone other than the sentence's subject ("Trump took on
    // Clinton after the front-runner said …": Clinton); at a sentence start, the previous subject.
    const person = (e: Entry): boolean => !e.organization;
    const k = firstStartingFrom(sentences, mention.start + 1) - 1;
    if (k >= 0) {
      const from = Math.max(sentences[k].start, mention.start - SUBJECT_REACH);
      const subject = subjectIn(text, from, mention.start, person);
      const last = recent(mention.start, (e) => person(e) && !isQuoted(e));
      if (last && last.start >= from && last.id !== subject?.id) return last.id;
    }
    const before = sentenceBefore(mention.start);
    return (before && subjectIn(text, before.start, before.end, person)?.id) ?? null;
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
    const fits = (e: Entry): boolean => !e.organization && (e.gender === undefined || e.gender === gender);
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
      const span = { start: from + m.index, end: from + m.index + m[0].indexOf(head, 3) + head.length };
      newSearch();
      seek(byTitleWord.get(head), 0, people.length);
      const holder = latestSought(span.start);
      const entry: Entry | null = holder && { ...holder, ...span, possessive: false };
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
    const modifier = /^(?:\s+\p{Ll}[\p{L}-]*){1,3}\s+\p{Lu}/u.exec(text.slice(e.end, e.end + 60));
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
    return /^\s+\p{Ll}/u.test(text.slice(after, after + 3));
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
      if (!/^\p{Lu}/u.test(word)) return word.toLowerCase();
      end = start;
    }
    return '';
  }
}
