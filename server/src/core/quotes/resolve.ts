import type { Gender, Mention, Organization, Person, Sentence, Span } from '../model';
import { stageCache, type AnalysisCache } from '../paragraphCache';
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
  entity: Entity;
  gender?: Gender;
  organization: boolean;
  possessive: boolean;
}

/** The words of an entity's names and titles. */
interface Entity {
  nameWords: Set<string>;
  titleWords: Set<string>;
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

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w !== '');
}

/**
 * The name and title words of every entity, people first. Kept in the cache across analyses while
 * no name or title changes, as after most edits: the key lists each entity's texts as `length:text`,
 * its names after an 'n' (each text once in a row: names recur), its titles after a 't'.
 */
function entityWords(people: Person[], organizations: Organization[], cache?: AnalysisCache): Entity[] {
  const parts: string[] = [];
  const add = (text: string): void => {
    parts.push(`${text.length}:`, text);
  };
  const names = (name: string, mentions: Mention[], named: (m: Mention) => boolean): void => {
    parts.push('n');
    add(name);
    let last = name;
    for (const m of mentions) {
      if (named(m) && m.text !== last) add((last = m.text));
    }
    parts.push('t');
  };
  for (const p of people) {
    names(p.name, p.mentions, (m) => m.kind !== 'pronoun' && m.kind !== 'title');
    for (const t of p.titles) add(t.text);
  }
  for (const o of organizations) names(o.name, o.mentions, () => true);
  return stageCache<Entity[]>(cache, 'quote speakers').get(parts.join(''), wordsOfEntities);
}

/** The entities listed in a key of entityWords, each distinct text split once. */
function wordsOfEntities(key: string): Entity[] {
  const entities: Entity[] = [];
  const wordsOfText = new Map<string, string[]>();
  let set = new Set<string>();
  for (let i = 0; i < key.length; ) {
    const marker = key[i];
    if (marker === 'n') entities.push({ nameWords: new Set(), titleWords: new Set() });
    if (marker === 'n' || marker === 't') {
      set = marker === 'n' ? entities[entities.length - 1].nameWords : entities[entities.length - 1].titleWords;
      i++;
      continue;
    }
    const colon = key.indexOf(':', i);
    const end = colon + 1 + Number(key.slice(i, colon));
    const text = key.slice(colon + 1, end);
    let split = wordsOfText.get(text);
    if (!split) wordsOfText.set(text, (split = words(text)));
    for (const w of split) set.add(w);
    i = end;
  }
  return entities;
}

/** Binary search: the span containing `at`, or null (spans sorted and disjoint). */
function containing<T extends Span>(spans: T[], at: number): T | null {
  const k = firstStartingFrom(spans, at + 1) - 1;
  return k >= 0 && spans[k].end > at ? spans[k] : null;
}

export function createResolver(
  people: Person[],
  organizations: Organization[],
  lexicon: QuoteLexicon,
  sentences: Sentence[] = [],
  quoted: Span[] = [],
  cache?: AnalysisCache,
): Resolver {
  const entries: Entry[] = [];
  const entities = entityWords(people, organizations, cache);
  people.forEach((p, k) => {
    for (const m of p.mentions) entries.push({ start: m.start, end: m.end, id: p.id, entity: entities[k], gender: p.gender, organization: false, possessive: m.possessive === true });
  });
  organizations.forEach((o, k) => {
    const entity = entities[people.length + k];
    for (const m of o.mentions) entries.push({ start: m.start, end: m.end, id: o.id, entity, organization: true, possessive: m.possessive === true });
  });
  entries.sort((a, b) => a.start - b.start);
  /** Pronoun speakers already resolved, in text order: "he said" is itself the subject of its sentence. */
  const pronouns: Entry[] = [];

  /** The most recent entry before `at` accepted by `accept`, looking back a bounded number of mentions. */
  const recent = (at: number, accept: (e: Entry) => boolean): Entry | null => {
    for (let i = firstStartingFrom(entries, at) - 1, n = 0; i >= 0 && n < RECENT_MENTIONS; i--, n++) if (accept(entries[i])) return entries[i];
    return null;
  };

  return {
    link(text, mention) {
      if (entries.length === 0) return null;
      const overlapping: Entry[] = [];
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
    return recent(mention.start, (e) => capitalised.some((w) => e.entity.nameWords.has(w)))?.id ?? null;
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
    const holder = recent(mention.start, (e) => e.entity.titleWords.has(head) || (e.organization && e.entity.nameWords.has(head)));
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
    return containing(quoted, e.start) !== null;
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
    const candidates: Entry[] = [];
    for (const list of [entries, pronouns]) {
      const first = firstStartingFrom(list, from);
      const end = firstStartingFrom(list, to);
      // Bounded either way: from the start for the first subject, back from `to` for the nearest.
      const [lo, hi] = nearest ? [Math.max(first, end - SUBJECT_MENTIONS), end] : [first, Math.min(end, first + SUBJECT_MENTIONS)];
      for (let i = nearest ? hi - 1 : lo; nearest ? i >= lo : i < hi; i += nearest ? -1 : 1) {
        if (fits(list[i]) && isSubject(text, list[i])) {
          candidates.push(list[i]);
          break;
        }
      }
    }
    let best: Entry | null = null;
    for (const c of candidates) if (!best || (nearest ? c.start > best.start : c.start < best.start)) best = c;
    // A description counts only where it comes before (or, for the nearest, after) the best mention.
    const [lo, hi] = nearest ? [Math.max(from, best?.end ?? from, to - SUBJECT_REACH), to] : [from, Math.min(best?.start ?? to, from + SUBJECT_REACH)];
    return (hi > lo && describedSubject(text, lo, hi, fits, nearest)) || best;
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
      const holder = recent(span.start, (e) => !e.organization && e.entity.titleWords.has(head));
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
      while (end > floor && /\s/.test(text[end - 1])) end--;
      let start = end;
      while (start > floor && /[\p{L}.'’-]/u.test(text[start - 1])) start--;
      if (start === end) return '';
      const word = text.slice(start, end);
      if (!/^\p{Lu}/u.test(word)) return word.toLowerCase();
      end = start;
    }
    return '';
  }
}
