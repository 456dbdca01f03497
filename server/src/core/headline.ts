import type { DocumentCreationTime, TextSpan, TextStructure } from './model';
import { TITLE_CASE_SMALL_WORDS } from './titleCase';

const MAX_HEADLINE_LENGTH = 200;

/** End offset of a Markdown front-matter block ("---" … "---" at the very top), or 0. */
function frontMatterEnd(text: string): number {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const match = close.exec(text);
  return match ? match.index + match[0].length : 0;
}

/** `title: …` in front matter is the headline when there is one. */
function frontMatterTitle(text: string, end: number): TextSpan | null {
  const match = /^title:[ \t]*(["']?)(.+?)\1[ \t]*$/m.exec(text.slice(0, end));
  if (!match) return null;
  const start = match.index + match[0].indexOf(match[2], 'title:'.length);
  return { text: match[2], start, end: start + match[2].length };
}

/** "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.": every word but the minor ones capitalised. */
function inTitleCase(line: string): boolean {
  const words = line.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words.length >= 4 && words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && TITLE_CASE_SMALL_WORDS.has(w)));
}

/**
 * The headline: a front-matter title, else the first paragraph when it is a single short line that
 * does not read as running prose (no final full stop, unless the line is in title case) and is not the dateline itself.
 */
export function findHeadline(structure: TextStructure, dct: DocumentCreationTime | null): TextSpan | null {
  const frontMatter = frontMatterEnd(structure.text);
  if (frontMatter > 0) {
    const title = frontMatterTitle(structure.text, frontMatter);
    if (title) return title;
  }
  const first = structure.paragraphs.find((p) => p.start >= frontMatter);
  if (!first) return null;
  const text = structure.text.slice(first.start, first.end);
  if (/[\r\n]/.test(text) || text.length > MAX_HEADLINE_LENGTH) return null;
  if (/[.;,]$/.test(text) && !/\.\.\.$/.test(text) && !(text.endsWith('.') && inTitleCase(text))) return null;
  if (dct?.span && dct.span.start < first.end && dct.span.end > first.start) return null;
  const withoutMarkup = text.replace(/^#+\s*/, '');
  // A bare "#" is a heading still being typed: no headline yet (and an outline entry needs a name).
  if (withoutMarkup === '') return null;
  const start = first.start + (text.length - withoutMarkup.length);
  return { text: withoutMarkup, start, end: first.end };
}
