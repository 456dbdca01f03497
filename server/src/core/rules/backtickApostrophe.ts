import type { Rule, RuleFinding } from './rule';

/** "Russia`s", "North`s", "don`t": a backtick or acute accent typed where an apostrophe belongs. */
const BACKTICK_BETWEEN_LETTERS = /(?<=\p{L})[`´](?=\p{L})/gu;

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
    for (const match of article.text.matchAll(BACKTICK_BETWEEN_LETTERS)) {
      const start = match.index ?? 0;
      const word = wordAround(article.text, start);
      findings.push({
        start,
        end: start + 1,
        message: `"${word}" has a ${match[0] === '`' ? 'backtick' : 'accent'} where an apostrophe belongs ("${word.replace(match[0], '’')}").`,
        fixes: [
          { title: 'Replace with a typographic apostrophe (’)', start, end: start + 1, newText: '’' },
          { title: "Replace with a straight apostrophe (')", start, end: start + 1, newText: "'" },
        ],
      });
    }
    return findings;
  },
};
