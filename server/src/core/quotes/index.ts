import type { LexiconExtensions, Organization, Person, Quote, Span, TextStructure } from '../model';

export interface QuoteAnalysis {
  quotes: Quote[];
  unmatchedQuoteMarks: Span[];
}

/** Direct quotations with their speakers, linked to the people and organisations found. */
export function findQuotes(
  structure: TextStructure,
  people: Person[],
  organizations: Organization[],
  lexicon: LexiconExtensions = {},
): QuoteAnalysis {
  void structure;
  void people;
  void organizations;
  void lexicon;
  return { quotes: [], unmatchedQuoteMarks: [] };
}
