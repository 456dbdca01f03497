import { isWhiteSpaceCode } from '../chars';
import type { Mention, MentionKind, Person } from '../model';
import { detached } from '../paragraphCache';
import { lineNumbers } from './lines';
import type { Rule, RuleFinding } from './rule';

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Spelling keys already worked out: the same few thousand names come back on every edit of a long
 * document, and a lookup costs a fraction of the regular expressions. Emptied when it grows past
 * KEYS_KEPT, so that typing names for hours does not fill memory.
 */
const knownKeys = new Map<string, string>();
const KEYS_KEPT = 50_000;

/** The name compared without letter case, accents, hyphens, spaces or apostrophes: "Kye-Gwan" = "Kye-gwan" = "Kyegwan". */
function spellingKey(name: string): string {
  let key = knownKeys.get(name);
  if (key === undefined) {
    if (knownKeys.size >= KEYS_KEPT) knownKeys.clear();
    // A copy as the key: the name may be a slice of a paragraph, which would stay in memory with it.
    knownKeys.set(detached(name), (key = keyOf(name)));
  }
  return key;
}

function keyOf(name: string): string {
  // Most names are plain ASCII, where Unicode normalisation changes nothing and is the slow part.
  if (ASCII.test(name)) return name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** True for a name in capitals ("KIM KYE-GWAN"); ASCII is checked in place, without an upper-case copy. */
function isAllCaps(surface: string): boolean {
  for (let i = 0; i < surface.length; i++) {
    const code = surface.charCodeAt(i);
    if (code >= 128) return surface === surface.toUpperCase();
    if (code >= 97 && code <= 122) return false;
  }
  return true;
}

/** One wording of a person's name, its spelling key (null for capitals), its first mention and how often it is written. */
interface Form {
  surface: string;
  key: string | null;
  first: Mention;
  count: number;
}

/** A word typed with the shift key held a letter too long: "HIllary". */
const DOUBLE_CAPITAL = /(?:^|\s)\p{Lu}{2}\p{Ll}/u;

/** Between two wordings written as often: the one without a double capital, then the earlier one. */
function tieBreak(a: Form, b: Form): number {
  const slips = Number(DOUBLE_CAPITAL.test(a.surface)) - Number(DOUBLE_CAPITAL.test(b.surface));
  return slips !== 0 ? slips : a.first.start - b.first.start;
}

/** Lists this long are searched faster by comparing strings than by hashing them. */
const SHORT_LIST = 16;

/**
 * The wordings of one person's name. A person goes by a handful, each written many times: each is
 * normalised once, and found again in a short list by comparison (hashing every mention costs more);
 * an unusually long list is indexed.
 */
class Wordings {
  readonly forms: Form[] = [];
  private bySurface: Map<string, Form> | null = null;

  find(surface: string): Form | undefined {
    return this.bySurface ? this.bySurface.get(surface) : this.forms.find((f) => f.surface === surface);
  }

  add(form: Form): Form {
    this.forms.push(form);
    if (!this.bySurface && this.forms.length > SHORT_LIST) this.bySurface = new Map(this.forms.map((f) => [f.surface, f]));
    else this.bySurface?.set(form.surface, form);
    return form;
  }

  /** Whether two wordings have one spelling key, the only way one name is spelled two ways. */
  shareAKey(): boolean {
    if (this.forms.length < 2) return false;
    const keys = new Set<string>();
    for (const { key } of this.forms) {
      if (key === null) continue;
      if (keys.has(key)) return true;
      keys.add(key);
    }
    return false;
  }

  /**
   * For each spelling key, the wording to keep: the one written most often (on a tie, see tieBreak), so that one
   * typo ("HIllary Clinton") is not the spelling the others are asked to follow.
   */
  preferred(): Map<string, Form> {
    const best = new Map<string, Form>();
    for (const form of this.forms) {
      if (form.key === null) continue;
      const current = best.get(form.key);
      if (!current || form.count > current.count || (form.count === current.count && tieBreak(form, current) < 0)) best.set(form.key, form);
    }
    return best;
  }
}

function wordingsOf(mentions: readonly Mention[]): Wordings {
  const wordings = new Wordings();
  for (const m of mentions) {
    if (m.kind === 'title' || m.kind === 'pronoun') continue;
    const surface = nameText(m);
    const form = wordings.find(surface);
    if (form) form.count++;
    // Headlines in capitals are no spelling of their own.
    else wordings.add({ surface, key: isAllCaps(surface) ? null : spellingKey(surface), first: m, count: 1 });
  }
  return wordings;
}

/** What the rule compares of one person's mentions: their kinds and texts, in order. */
interface Wording {
  kinds: readonly MentionKind[];
  texts: readonly string[];
}

/**
 * The wording of people found spelled one way, by name. Mentions moved by an edit keep their kind and text: so a
 * person whose mentions have the same kinds and texts as then is spelled one way still, and their wordings are not
 * worked out again. Names and texts are kept as copies (the table outlives every document: it must not keep a slice
 * of one), and the table is emptied when it grows past KEYS_KEPT.
 */
const spelledOneWayByName = new Map<string, Wording>();

function spelledOneWay(person: Person): boolean {
  const checked = spelledOneWayByName.get(person.name);
  const { mentions } = person;
  if (checked === undefined || checked.texts.length !== mentions.length) return false;
  for (let k = 0; k < mentions.length; k++) if (checked.kinds[k] !== mentions[k].kind || checked.texts[k] !== mentions[k].text) return false;
  return true;
}

function rememberSpelledOneWay(person: Person): void {
  if (spelledOneWayByName.size >= KEYS_KEPT) spelledOneWayByName.clear();
  const kinds = person.mentions.map((m) => m.kind);
  const texts = person.mentions.map((m) => detached(m.text));
  spelledOneWayByName.set(detached(person.name), { kinds, texts });
}

/** Words of a mention without an honorific ("Mr. Kim" → "Kim"). */
function nameText(m: Mention): string {
  const { text } = m;
  if (m.kind !== 'honorific') return text;
  let space = 0;
  while (space < text.length && !isWhiteSpaceCode(text.charCodeAt(space))) space++;
  if (space === 0 || space === text.length) return text;
  let name = space;
  while (name < text.length && isWhiteSpaceCode(text.charCodeAt(name))) name++;
  return text.slice(name);
}

/** True when a and b differ by one letter (edit distance 1), for long names only. */
function oneLetterApart(a: string, b: string): boolean {
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let ja = a.length - 1;
  let jb = b.length - 1;
  while (ja >= i && jb >= i && a[ja] === b[jb]) {
    ja--;
    jb--;
  }
  return ja - i <= 0 && jb - i <= 0;
}

const FIRST_WORD = /^\S+/;

/** Equal once every run of white space (a non-breaking or thin space too) is one plain space. */
function sameBesidesSpacing(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ');
}

/** The last word of the name (a regular expression anchored at the end would try every position). */
function surname(p: Person): string {
  const { name } = p;
  let start = name.length;
  while (start > 0 && !isWhiteSpaceCode(name.charCodeAt(start - 1))) start--;
  return start === name.length ? name : name.slice(start);
}

/**
 * One person spelled two ways: "Kim Kye-Gwan" and "Kim Kye-gwan" (same name but for case, accents or hyphens),
 * or two people with one first name whose surnames are a letter apart ("Mikhail Sytenko", "Mikhail Sitenko").
 * Plurals and possessives ("the Clintons") are not spellings.
 */
export const nameSpellingVariants: Rule = {
  code: 'name-spelling-variants',
  defaultSeverity: 'warning',
  description: 'A person\'s name spelled two different ways in one article ("Kim Kye-Gwan" / "Kim Kye-gwan").',
  check(article) {
    const findings: RuleFinding[] = [];
    const lineOf = lineNumbers(article);
    for (const person of article.people) {
      // Most people are named once: one wording cannot be spelled two ways.
      if (person.mentions.length < 2 || spelledOneWay(person)) continue;
      const wordings = wordingsOf(person.mentions);
      // Most people's wordings ("Donald Trump", "Trump", "Mr. Trump") are all spelled differently: their mentions are not read again.
      if (!wordings.shareAKey()) {
        rememberSpelledOneWay(person);
        continue;
      }
      const preferred = wordings.preferred();
      for (const m of person.mentions) {
        if (m.kind === 'title' || m.kind === 'pronoun') continue;
        const form = wordings.find(nameText(m));
        const kept = form?.key == null ? undefined : preferred.get(form.key);
        // "Donald Trump" with a non-breaking space is the same spelling
        if (!form || !kept || kept === form || sameBesidesSpacing(form.surface, kept.surface)) continue;
        const start = m.end - form.surface.length;
        findings.push({
          start,
          end: m.end,
          message: `"${form.surface}" is spelled "${kept.surface}" on line ${lineOf(kept.first.start)}; use one spelling for ${spellingKey(person.name) === kept.key ? kept.surface : person.name}.`,
          fixes: [{ title: `Spell it "${kept.surface}"`, start, end: m.end, newText: kept.surface }],
        });
      }
    }
    const byFirstName = new Map<string, Person[]>();
    for (const p of article.people) {
      if (!p.name.includes(' ')) continue;
      const first = FIRST_WORD.exec(p.name)?.[0] ?? p.name;
      const namesakes = byFirstName.get(first);
      if (namesakes) namesakes.push(p);
      else byFirstName.set(first, [p]);
    }
    for (const people of byFirstName.values()) {
      if (people.length < 2) continue;
      const surnames = people.map((p) => surname(p).toLowerCase());
      for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) {
        const a = people[i];
        const b = people[j];
        const sa = surnames[i];
        const sb = surnames[j];
        if (!oneLetterApart(sa, sb) || sa + 's' === sb || sb + 's' === sa) continue;
        const m = b.mentions.find((x) => x.kind === 'full') ?? b.mentions[0];
        findings.push({
          start: m.start,
          end: m.end,
          message: `"${b.name}" looks like "${a.name}" (line ${lineOf(a.mentions[0].start)}) spelled differently; if they are one person, use one spelling.`,
        });
      }
    }
    return findings;
  },
};
