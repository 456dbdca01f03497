import type { DocumentCreationTime, TemporalExpression, TextStructure } from '../model';
import { parseDateValue, parseDct } from './anchor';
import { formatDate } from './calendar';
import { findDateline, readAbsoluteDate } from './dateline';
import { floating, Grammar, TRIGGER } from './recognise';
import { tenseAround, type Tense } from './tense';
import { tokenize } from './tokens';

/** Values a later relative expression may be anchored to ("the next day", "a year earlier"). */
const SPECIFIC_DATE = /^\d{4}(?:-\d\d(?:-\d\d)?|-Q\d|-H\d|-W\d\d)?(?=T|$)/;

/** The document creation time: `override` when given, else the article's dateline or front matter. */
export function findDocumentCreationTime(structure: TextStructure, override?: string): DocumentCreationTime | null {
  if (override) return { value: readAbsoluteDate(override) ?? override, source: 'option', span: null };
  return findDateline(structure);
}

/** Paragraphs longer than this are cut at sentence ends, so tokens stay short-lived. */
const LONG_PARAGRAPH = 20000;

/**
 * The pieces of text worth tokenising: paragraphs (no expression crosses one), or the sentences of very long ones,
 * that contain a digit or a date word. Each character is scanned by the trigger test at most once.
 */
function pieces(structure: TextStructure): { start: number; end: number }[] {
  const text = structure.text;
  const result: { start: number; end: number }[] = [];
  let nextTrigger = -1;
  const keep = (start: number, end: number): void => {
    if (nextTrigger < start) {
      TRIGGER.lastIndex = start;
      nextTrigger = TRIGGER.exec(text)?.index ?? Infinity;
    }
    if (nextTrigger < end) result.push({ start, end });
  };
  let sentence = 0;
  for (const paragraph of structure.paragraphs) {
    if (paragraph.end - paragraph.start <= LONG_PARAGRAPH) {
      keep(paragraph.start, paragraph.end);
      continue;
    }
    while (sentence < structure.sentences.length && structure.sentences[sentence].end <= paragraph.start) sentence++;
    for (; sentence < structure.sentences.length && structure.sentences[sentence].start < paragraph.end; sentence++) {
      keep(structure.sentences[sentence].start, structure.sentences[sentence].end);
    }
  }
  return result;
}

/** Every temporal expression, normalised to a TIMEX3 value anchored to `dct`. */
export function findTemporalExpressions(structure: TextStructure, dct: DocumentCreationTime | null): TemporalExpression[] {
  const text = structure.text;
  const anchor = dct ? parseDct(dct.value) : null;
  // Without a dateline, relative values are computed from an arbitrary day and then shown with X digits.
  const anchorDate = anchor?.date ?? { y: 2000, m: 1, d: 3 };
  let ref = formatDate(anchorDate);
  let quarter: string | null = null;
  const expressions: TemporalExpression[] = [];
  for (const piece of pieces(structure)) {
    const tokens = tokenize(text, piece.start, piece.end);
    for (const match of new Grammar(tokens).matches()) {
      let tense: Tense | undefined;
      const r = match.resolve({
        dct: anchorDate,
        ref,
        quarter,
        tense: () => (tense === undefined ? (tense = tenseAround(tokens, match.start, match.end)) : tense),
      });
      const start = tokens[match.start].start;
      const end = tokens[match.end - 1].end;
      const value = !anchor && r.relative ? floating(r.value) : r.value;
      const expression: TemporalExpression = { text: text.slice(start, end), start, end, type: r.type, value, relative: r.relative };
      if (r.mod) expression.mod = r.mod;
      expressions.push(expression);
      const specific = SPECIFIC_DATE.exec(r.value);
      if (specific && !r.comparison && (r.type === 'DATE' || r.type === 'TIME')) ref = specific[0];
      // the quarter reported on, for later comparisons: one already begun, not a forecast
      const period = /^\d{4}-[QH]\d$/.test(r.value) && !r.comparison ? parseDateValue(r.value) : null;
      if (period && formatDate(period.date) <= formatDate(anchorDate)) quarter = r.value;
    }
  }
  return expressions;
}

const TENSE_WINDOW = 160;

/** The tense of the clause around [start, end) ("left on July 5" → past), for rules that judge a date. */
export function tenseAt(text: string, start: number, end: number): Tense {
  const tokens = tokenize(text, Math.max(0, start - TENSE_WINDOW), Math.min(text.length, end + TENSE_WINDOW));
  let first = tokens.findIndex((t) => t.start >= start);
  if (first < 0) first = tokens.length;
  let last = first;
  while (last < tokens.length && tokens[last].end <= end) last++;
  return tenseAround(tokens, first, last);
}
