import type { DocumentCreationTime, TextSpan, TextStructure } from './model';

const MAX_HEADLINE_LENGTH = 200;

/**
 * The headline: the article's first paragraph when it is a single short line that does not read
 * as running prose (no final full stop) and is not the dateline itself.
 */
export function findHeadline(structure: TextStructure, dct: DocumentCreationTime | null): TextSpan | null {
  const first = structure.paragraphs[0];
  if (!first) return null;
  const text = structure.text.slice(first.start, first.end);
  if (/[\r\n]/.test(text) || text.length > MAX_HEADLINE_LENGTH) return null;
  if (/[.;,]$/.test(text) && !/\.\.\.$/.test(text)) return null;
  if (text.startsWith('---')) return null; // Markdown front matter
  if (dct?.span && dct.span.start < first.end && dct.span.end > first.start) return null;
  const withoutMarkup = text.replace(/^#+\s*/, '');
  const start = first.start + (text.length - withoutMarkup.length);
  return { text: withoutMarkup, start, end: first.end };
}
