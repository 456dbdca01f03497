import type { Mention, Person } from '../model';
import { lineNumbers } from './lines';
import type { Rule, RuleFinding } from './rule';

/** The name compared without letter case, accents, hyphens, spaces or apostrophes: "Kye-Gwan" = "Kye-gwan" = "Kyegwan". */
function spellingKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Words of a mention without an honorific ("Mr. Kim" → "Kim"). */
function nameText(m: Mention): string {
  return m.kind === 'honorific' ? m.text.replace(/^\S+\s+/, '') : m.text;
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
const LAST_WORD = /\S+$/;

function surname(p: Person): string {
  return LAST_WORD.exec(p.name)?.[0] ?? p.name;
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
    const lineOf = lineNumbers(article.text);
    // A name is written the same way many times: normalise each wording once.
    const keys = new Map<string, string>();
    const keyOf = (surface: string): string => {
      let key = keys.get(surface);
      if (key === undefined) keys.set(surface, (key = spellingKey(surface)));
      return key;
    };
    for (const person of article.people) {
      const firstForm = new Map<string, Mention>();
      for (const m of person.mentions) {
        if (m.kind === 'title' || m.kind === 'pronoun') continue;
        const surface = nameText(m);
        // Headlines in capitals are no spelling of their own.
        if (surface === surface.toUpperCase()) continue;
        const key = keyOf(surface);
        const first = firstForm.get(key);
        if (!first) {
          firstForm.set(key, m);
          continue;
        }
        const expected = nameText(first);
        if (surface === expected) continue;
        const start = m.end - surface.length;
        findings.push({
          start,
          end: m.end,
          message: `"${surface}" is spelled "${expected}" on line ${lineOf(first.start)}; use one spelling for ${person.name}.`,
          fixes: [{ title: `Spell it "${expected}"`, start, end: m.end, newText: expected }],
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
      for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) {
        const a = people[i];
        const b = people[j];
        const sa = surname(a).toLowerCase();
        const sb = surname(b).toLowerCase();
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
