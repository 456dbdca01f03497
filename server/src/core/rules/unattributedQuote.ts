import type { Rule, RuleFinding } from './rule';

/**
 * A quotation a reader expects to be attributed (speech, not a scare quote or a title) with no
 * speaker in its sentence, in the quotation it continues, or in the paragraph before. A headline
 * quotes without "said" by convention; its quotations are attributed in the story.
 */
export const unattributedQuote: Rule = {
  code: 'unattributed-quote',
  defaultSeverity: 'warning',
  description: 'A direct quotation with no speaker: readers cannot tell who said it.',
  check(article) {
    const findings: RuleFinding[] = [];
    const { headline } = article;
    for (const quote of article.quotes) {
      if (!quote.expectsSpeaker || quote.speakerMention) continue;
      if (headline && quote.start < headline.end && quote.end > headline.start) continue;
      const first = quote.parts[0] ?? quote;
      findings.push({
        start: first.start,
        end: first.end,
        message: 'Nobody is credited with this quotation: say who said it (for example "…," she said).',
      });
    }
    return findings;
  },
};
