import type { Rule, RuleFinding } from './rule';

/** Opening marks: a curly opener, or a straight mark with a word right after it. */
function isOpening(text: string, at: number): boolean {
  const ch = text[at];
  if ('“‘„«'.includes(ch)) return true;
  if ('”’»'.includes(ch)) return false;
  const after = text[at + (text[at + 1] === ch ? 2 : 1)];
  return after !== undefined && !/\s/.test(after);
}

/**
 * Quotation marks without a partner. A quote running over several paragraphs legitimately has no
 * closing mark until its last paragraph (the next paragraph opens with a mark), so that is not reported.
 */
export const unbalancedQuotes: Rule = {
  code: 'unbalanced-quotes',
  defaultSeverity: 'warning',
  description: 'An opening quotation mark that is never closed, or a closing mark with no opening one.',
  check(article) {
    const findings: RuleFinding[] = [];
    for (const mark of article.unmatchedQuoteMarks) {
      const opening = isOpening(article.text, mark.start);
      findings.push({
        start: mark.start,
        end: mark.end,
        message: opening
          ? 'This quotation is never closed: add the closing mark where the quoted words end (a quote that runs on into the next paragraph needs an opening mark there).'
          : 'This closing quotation mark has no opening mark.',
      });
    }
    return findings;
  },
};
