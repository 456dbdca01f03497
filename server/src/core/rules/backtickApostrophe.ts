import type { Rule, RuleFinding } from './rule';

/** "Russia`s", "North`s", "don`t": a backtick or acute accent typed where an apostrophe belongs. */
const MARKS = ['`', '´'] as const;
const LETTER = /\p{L}/u;

/** True when a letter stands right before and right after `index` (a lookbehind tried at every character is slow). */
function betweenLetters(text: string, index: number): boolean {
  const low = text.charCodeAt(index - 1);
  const before = low >= 0xdc00 && low <= 0xdfff ? text.slice(index - 2, index) : text.charAt(index - 1);
  const after = text.codePointAt(index + 1);
  return LETTER.test(before) && after !== undefined && LETTER.test(String.fromCodePoint(after));
}

function wordAround(text: string, index: number): string {
  let start = index;
  let end = index + 1;
  while (start > 0 && /\p{L}/u.test(text[start - 1])) start--;
  while (end < text.length && /\p{L}/u.test(text[end])) end++;
  return text.slice(start, end);
}

export const backtickApostrophe: Rule = {
  code: 'backtick-apostrophe',
  defaultSeverity: 'warning',
  description: 'A backtick or accent typed instead of an apostrophe, as in "Russia`s".',
  check(article) {
    const findings: RuleFinding[] = [];
    const { text } = article;
    // Two searches for single characters run far faster over a long text than one character class.
    const next = MARKS.map((mark) => text.indexOf(mark));
    for (;;) {
      const which = next[0] < 0 ? 1 : next[1] < 0 || next[0] < next[1] ? 0 : 1;
      const start = next[which];
      if (start < 0) break;
      const mark = MARKS[which];
      next[which] = text.indexOf(mark, start + 1);
      if (!betweenLetters(text, start)) continue;
      const word = wordAround(text, start);
      findings.push({
        start,
        end: start + 1,
        message: `"${word}" has a ${mark === '`' ? 'backtick' : 'accent'} where an apostrophe belongs ("${word.replace(mark, '’')}").`,
        fixes: [
          { title: 'Replace with a typographic apostrophe (’)', start, end: start + 1, newText: '’' },
          { title: "Replace with a straight apostrophe (')", start, end: start + 1, newText: "'" },
        ],
      });
    }
    return findings;
  },
};
