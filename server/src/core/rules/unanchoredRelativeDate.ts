import type { Rule, RuleFinding } from './rule';

/** Relative dates ("Tuesday", "last month") in an article with no dateline: readers cannot tell which day is meant. */
export const unanchoredRelativeDate: Rule = {
  code: 'unanchored-relative-date',
  defaultSeverity: 'information',
  description: 'A relative date such as "Tuesday" or "last month" in an article that has no dateline to anchor it.',
  check(article) {
    const findings: RuleFinding[] = [];
    if (article.dct) return findings;
    for (const date of article.dates) {
      // Durations and vague references ("three years", "recently") need no anchor.
      if (!date.relative || date.type === 'DURATION' || date.type === 'SET') continue;
      findings.push({
        start: date.start,
        end: date.end,
        message:
          findings.length === 0
            ? `"${date.text}" cannot be pinned to a calendar date: the article has no dateline. Add one (for example "Updated: Jul 02, 2013") or write the date out.`
            : `"${date.text}" cannot be pinned to a calendar date without a dateline.`,
      });
    }
    return findings;
  },
};
