import type { Rule, RuleFinding } from './rule';

/** "Russia`s", "North`s", "don`t": a backtick or acute accent typed where an apostrophe belongs. */
const BACKTICK_BETWEEN_LETTERS = /(?<=\p{L})[`´](?=\p{L})/gu;

export const backtickApostrophe: Rule = {
  code: 'backtick-apostrophe',
  defaultSeverity: 'warning',
  description: 'A backtick or accent typed instead of an apostrophe, as in "Russia`s".',
  check(article) {
    const findings: RuleFinding[] = [];
    for (const match of article.text.matchAll(BACKTICK_BETWEEN_LETTERS)) {
      const start = match.index ?? 0;
      findings.push({
        start,
        end: start + 1,
        message: `"${match[0]}" is used as an apostrophe here; readers and search engines expect ’.`,
        fixes: [
          { title: 'Replace with a typographic apostrophe (’)', start, end: start + 1, newText: '’' },
          { title: "Replace with a straight apostrophe (')", start, end: start + 1, newText: "'" },
        ],
      });
    }
    return findings;
  },
};
