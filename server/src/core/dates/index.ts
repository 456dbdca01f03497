import type { DocumentCreationTime, TemporalExpression, TextStructure } from '../model';
import { stageCache, type AnalysisCache } from '../paragraphCache';
import { parseDct, reportedPeriod } from './anchor';
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

/** What an expression resolves against: the dateline and the latest specific date and quarter before it. */
interface ResolutionState {
  ref: string;
  quarter: string | null;
}

/** An expression as cached: offsets relative to its piece; its text is sliced when it is placed. */
type PieceExpression = Omit<TemporalExpression, 'text'>;

/**
 * The expressions of one piece and the state the next piece starts from; null for the many pieces
 * without any, which pass the state on unchanged (and cost the cache almost nothing).
 */
type PieceDates = {
  expressions: PieceExpression[];
  state: ResolutionState;
  /**
   * The expressions as last placed in a document (a paragraph's texts sliced from its own string, so
   * that they keep no version of the document alive): the next analysis that finds the paragraph at the
   * same place takes the very same objects, which the garbage collector then need not copy.
   */
  placed?: TemporalExpression[];
} | null;

/**
 * The expressions of one piece's own text, resolved from `state`. Depends only on the dateline, the
 * state and the text, which together are its cache key.
 */
function datesOfPiece(text: string, anchor: ReturnType<typeof parseDct>, state: ResolutionState): PieceDates {
  TRIGGER.lastIndex = 0;
  if (!TRIGGER.test(text)) return null;
  const anchorDate = anchor?.date ?? FLOATING_ANCHOR;
  let { ref, quarter } = state;
  const expressions: PieceExpression[] = [];
  const tokens = tokenize(text);
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
    const expression: PieceExpression = { start, end, type: r.type, value, relative: r.relative };
    if (r.mod) expression.mod = r.mod;
    expressions.push(expression);
    const specific = SPECIFIC_DATE.exec(r.value);
    if (specific && !r.comparison && (r.type === 'DATE' || r.type === 'TIME')) ref = specific[0];
    // the quarter reported on, for later comparisons
    if (!r.comparison) quarter = reportedPeriod(r.value, anchorDate, quarter);
  }
  if (expressions.length === 0) return null;
  // Kept for every piece with dates: an array of exactly their number, and the state it started from when unchanged.
  const unchanged = ref === state.ref && quarter === state.quarter;
  return { expressions: expressions.slice(), state: unchanged ? state : { ref, quarter }, placed: undefined };
}

/** Without a dateline, relative values are computed from an arbitrary day and then shown with X digits. */
const FLOATING_ANCHOR = { y: 2000, m: 1, d: 3 };

/**
 * Every temporal expression, normalised to a TIMEX3 value anchored to `dct`. Paragraphs are read one
 * at a time (no expression crosses one), very long ones sentence by sentence. With a cache, a piece is
 * resolved again only when its text, the dateline or the dates before it changed.
 */
export function findTemporalExpressions(structure: TextStructure, dct: DocumentCreationTime | null, cache?: AnalysisCache): TemporalExpression[] {
  const anchor = dct ? parseDct(dct.value) : null;
  const pieceCache = stageCache<PieceDates>(cache, 'dates');
  let state: ResolutionState = { ref: formatDate(anchor?.date ?? FLOATING_ANCHOR), quarter: null };
  let context = contextOf(dct, state);
  const resolve = (own: string): PieceDates => datesOfPiece(own, anchor, state);
  // As many as the last analysis found, so that the list is not copied as it grows: an edit rarely changes their number.
  const expressions: TemporalExpression[] = new Array(cache?.documentValue<number>(EXPRESSION_COUNT) ?? 0);
  let count = 0;
  /** `text` starts at `offset`; `own` when it is a paragraph's own string, else a slice copied if cached. */
  const read = (text: string, offset: number, own: boolean): void => {
    const found = own ? pieceCache.getOwn(text, resolve, context) : pieceCache.get(text, resolve, context);
    if (!found) return;
    // A piece with dates has at least one: where its first one lies says where the piece was placed.
    if (own && found.placed?.[0].start === found.expressions[0].start + offset) {
      for (const expression of found.placed) expressions[count++] = expression;
    } else {
      const placed: TemporalExpression[] = new Array(found.expressions.length);
      for (let k = 0; k < placed.length; k++) {
        const { start: relativeStart, end: relativeEnd, type, value, relative, mod } = found.expressions[k];
        const start = relativeStart + offset;
        const end = relativeEnd + offset;
        const expressionText = own ? text.slice(relativeStart, relativeEnd) : structure.text.slice(start, end);
        // Literals of the final shape, not a spread: a spread object grows into extra storage as its properties are copied.
        placed[k] = mod === undefined ? { text: expressionText, start, end, type, value, relative } : { text: expressionText, start, end, type, value, relative, mod };
        expressions[count++] = placed[k];
      }
      if (own && cache) found.placed = placed;
    }
    if (found.state.ref !== state.ref || found.state.quarter !== state.quarter) context = contextOf(dct, found.state);
    state = found.state;
  };
  const { sentences } = structure;
  let sentence = 0;
  for (const paragraph of structure.paragraphs) {
    if (paragraph.end - paragraph.start <= LONG_PARAGRAPH) {
      read(paragraph.text, paragraph.start, true);
      continue;
    }
    while (sentence < sentences.length && sentences[sentence].end <= paragraph.start) sentence++;
    for (; sentence < sentences.length && sentences[sentence].start < paragraph.end; sentence++) {
      const { start, end } = sentences[sentence];
      read(structure.text.slice(start, end), start, false);
    }
  }
  expressions.length = count;
  cache?.keepDocumentValue(EXPRESSION_COUNT, count);
  return expressions;
}

const EXPRESSION_COUNT = 'dates count';

/** The cache context of a piece: everything besides its text that its values depend on. */
function contextOf(dct: DocumentCreationTime | null, state: ResolutionState): string {
  return `${dct?.value ?? ''} ${state.ref} ${state.quarter ?? ''}`;
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
