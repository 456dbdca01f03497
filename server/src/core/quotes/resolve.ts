import type { Gender, Organization, Person, Span } from '../model';
import type { QuoteLexicon } from './lexicon';

/**
 * Linking a speaker phrase to a Person or Organization: by an overlapping mention, by name
 * ("Kim" → Kim Kye-Gwan), by title ("the senator" → the last senator mentioned), and for
 * pronouns by gender and recency ("he" → the last man mentioned before it).
 */

interface Entry extends Span {
  id: string;
  gender?: Gender;
  organization: boolean;
}

interface Entity {
  id: string;
  organization: boolean;
  gender?: Gender;
  nameWords: Set<string>;
  titleWords: Set<string>;
}

export interface Link {
  id: string;
  /** The entity's own mention inside the speaker phrase ("Yun Byung-Se" in "Foreign Minister Yun Byung-Se"). */
  mention: Span | null;
}

export interface Resolver {
  link(text: string, mention: Span): Link | null;
}

const RECENT_MENTIONS = 200;

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w !== '');
}

export function createResolver(people: Person[], organizations: Organization[], lexicon: QuoteLexicon): Resolver {
  const entries: Entry[] = [];
  const entities = new Map<string, Entity>();
  for (const p of people) {
    entities.set(p.id, {
      id: p.id,
      organization: false,
      gender: p.gender,
      nameWords: new Set([p.name, ...p.mentions.filter((m) => m.kind !== 'pronoun' && m.kind !== 'title').map((m) => m.text)].flatMap(words)),
      titleWords: new Set(p.titles.flatMap((t) => words(t.text))),
    });
    for (const m of p.mentions) entries.push({ start: m.start, end: m.end, id: p.id, gender: p.gender, organization: false });
  }
  for (const o of organizations) {
    entities.set(o.id, { id: o.id, organization: true, nameWords: new Set([o.name, ...o.mentions.map((m) => m.text)].flatMap(words)), titleWords: new Set() });
    for (const m of o.mentions) entries.push({ start: m.start, end: m.end, id: o.id, organization: true });
  }
  entries.sort((a, b) => a.start - b.start);

  /** Index of the first entry starting at or after `at`. */
  const firstFrom = (at: number): number => {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entries[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** The most recent entry before `at` accepted by `accept`, looking back a bounded number of mentions. */
  const recent = (at: number, accept: (e: Entry) => boolean): string | null => {
    for (let i = firstFrom(at) - 1, n = 0; i >= 0 && n < RECENT_MENTIONS; i--, n++) if (accept(entries[i])) return entries[i].id;
    return null;
  };

  return {
    link(text, mention) {
      if (entries.length === 0) return null;
      const inside = (e: Entry): Span | null => (e.start >= mention.start && e.end <= mention.end ? { start: e.start, end: e.end } : null);
      for (let i = firstFrom(mention.start) - 1, n = 0; i >= 0 && n < 20; i--, n++) {
        if (entries[i].end > mention.start) return { id: entries[i].id, mention: inside(entries[i]) };
      }
      const within = firstFrom(mention.start);
      if (within < entries.length && entries[within].start < mention.end) return { id: entries[within].id, mention: inside(entries[within]) };
      const id = linkByDescription(text, mention);
      return id ? { id, mention: null } : null;
    },
  };

  function linkByDescription(text: string, mention: Span): string | null {
      const phrase = text.slice(mention.start, mention.end);
      const lower = phrase.toLowerCase();
      const pronoun = lexicon.pronounGender.get(lower);
      if (pronoun === 'male' || pronoun === 'female') return recent(mention.start, (e) => !e.organization && (e.gender === undefined || e.gender === pronoun));
      if (pronoun === 'neuter' || pronoun === 'plural') return recent(mention.start, (e) => e.organization);
      if (pronoun) return null;
      const phraseWords = words(phrase).filter((w) => !lexicon.determiners.has(w));
      // Named: every capitalised word of the phrase that names someone must belong to the entity's name.
      const capitalised = (phrase.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).map((w) => w.toLowerCase().replace(/['’]s?$/, ''));
      const byName = recent(mention.start, (e) => {
        const entity = entities.get(e.id)!;
        return capitalised.some((w) => entity.nameWords.has(w));
      });
      if (byName) return byName;
      // "the senator", "the ministry": the last entity carrying that title or name word.
      const head = phraseWords[phraseWords.length - 1];
      if (!head) return null;
      return recent(mention.start, (e) => {
        const entity = entities.get(e.id)!;
        return entity.titleWords.has(head) || (entity.organization && entity.nameWords.has(head));
      });
  }
}
