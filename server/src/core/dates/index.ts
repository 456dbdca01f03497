import type { DocumentCreationTime, TemporalExpression, TextStructure } from '../model';

/** The document creation time: `override` when given, else the article's dateline or front matter. */
export function findDocumentCreationTime(structure: TextStructure, override?: string): DocumentCreationTime | null {
  if (override) return { value: override, source: 'option', span: null };
  void structure;
  return null;
}

/** Every temporal expression, normalised to a TIMEX3 value anchored to `dct`. */
export function findTemporalExpressions(structure: TextStructure, dct: DocumentCreationTime | null): TemporalExpression[] {
  void structure;
  void dct;
  return [];
}
