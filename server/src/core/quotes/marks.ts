import type { Span } from '../model';

/**
 * Quotation-mark pairing. Works line by line inside each paragraph, so that texts with one
 * paragraph per line and texts with blank-line paragraphs behave the same, and so that a quote
 * running over several paragraphs (no closing mark until the last) is recognised. One paragraph
 * at a time: all it needs of its neighbours is whether the previous one left a quote running on
 * and which quotation mark, if any, opens the next one.
 */

export type MarkKind = 'double' | 'single';

/** One stretch of quoted text between an opening mark and its closing mark (both included). */
export interface QuoteSegment extends Span {
  kind: MarkKind;
  /** Lengths of the opening and closing marks (2 for '' and ``; 0 for a missing closing mark). */
  openLength: number;
  closeLength: number;
  /** False when the quote was left open (its end is the end of the line or paragraph). */
  closed: boolean;
  /** True when this segment opens a paragraph that continues a quote left open in the previous one. */
  continuesPrevious: boolean;
  /** True when this segment is left open at a paragraph end because the next paragraph continues it. */
  continuesNext: boolean;
}

export interface PairedMarks {
  segments: QuoteSegment[];
  unmatched: Span[];
  /** The non-empty lines of the paragraph (a line is a paragraph in one-paragraph-per-line texts). */
  lines: Span[];
  /** True when the next paragraph continues a quote this one leaves running on. */
  continuing: boolean;
}

const DOUBLE_OPEN = '“„«';
const DOUBLE_CLOSE = '”»';
const SINGLE_OPEN = '‘‚';
const SINGLE_CLOSE = '’';
const STRAIGHT_DOUBLE = '"';
const STRAIGHT_SINGLE = "'";
const ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE + '‟`';

const MARK = /["'“”‘’„‟«»`]/g;
/** The character codes of ALL_MARKS: asked for the first character of every paragraph. */
const MARK_CODES = new Set(Array.from(ALL_MARKS, (mark) => mark.charCodeAt(0)));

// The last search, so that lines without marks do not rescan the text up to the next mark.
let lastText = '';
let lastFrom = -1;
let lastFound = -1;

/** Offset of the next quotation-mark character in [from, limit), or `limit`. */
function nextMark(text: string, from: number, limit: number): number {
  if (text !== lastText || from < lastFrom || from > lastFound) {
    MARK.lastIndex = from;
    const m = MARK.exec(text);
    [lastText, lastFrom, lastFound] = [text, from, m ? m.index : text.length];
  }
  return Math.min(lastFound, limit);
}

/** Offset of the first quotation-mark character at or after `from`, or the text's length. */
export function firstMarkFrom(text: string, from: number): number {
  MARK.lastIndex = from;
  // test, not exec: no match array for every paragraph; a mark is one character long.
  return MARK.test(text) ? MARK.lastIndex - 1 : text.length;
}

const TAG = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?>/g;

/** HTML or XML tags on a line (`<tweet author="…">`, `</tweet>`): the quotation marks of their attributes quote nothing. */
function tagsIn(text: string, line: Span): Span[] {
  // indexOf would read on past the line to the next '<' anywhere in the text
  let first = line.start;
  while (first < line.end && text.charCodeAt(first) !== 0x3c) first++;
  if (first >= line.end) return [];
  const tags: Span[] = [];
  const slice = text.slice(first, line.end);
  for (const m of slice.matchAll(TAG)) tags.push({ start: first + (m.index ?? 0), end: first + (m.index ?? 0) + m[0].length });
  return tags;
}

/** Punctuation after which a mark still counts as opening: "(“", "—“", "[‘". */
const OPENING_CONTEXT = '([{—–-/:' + ALL_MARKS;
/** Punctuation before which a mark still counts as closing: "”,", "’." */
const CLOSING_CONTEXT = '.,;:!?)]}—–-/…' + ALL_MARKS;

interface Mark {
  at: number;
  /** 2 for the typewriter double marks '' and ``, 1 otherwise. */
  length: number;
  kind: MarkKind;
  canOpen: boolean;
  canClose: boolean;
  /** A single mark between letters ("don’t"), an elision ("’90s", "rock ’n’ roll") or the inches of a height ("6’2”"): never a quotation mark. */
  apostrophe: boolean;
}

export function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Feet and inches just before a double mark: "he’s like 6’2”", "5'10\"". */
const HEIGHT = /\d['’]\d{1,2}$/;

function classify(text: string, at: number): Mark {
  const ch = text[at];
  const length = (ch === "'" || ch === '`') && text[at + 1] === ch ? 2 : 1;
  const before = text[at - 1];
  const after = text[at + length];
  const leftFlanking = !isSpace(after) && (isSpace(before) || OPENING_CONTEXT.includes(before));
  const rightFlanking = !isSpace(before) && (isSpace(after) || CLOSING_CONTEXT.includes(after));
  const kind: MarkKind =
    length === 2 || DOUBLE_OPEN.includes(ch) || DOUBLE_CLOSE.includes(ch) || ch === STRAIGHT_DOUBLE || ch === '‟' ? 'double' : 'single';
  let canOpen: boolean;
  let canClose: boolean;
  if (DOUBLE_OPEN.includes(ch) || SINGLE_OPEN.includes(ch) || ch === '‟') {
    // A typed “ is an opener unless it plainly sits at the end of a word ("ready,“ she said").
    canOpen = !(rightFlanking && !leftFlanking);
    canClose = !canOpen;
  } else if (DOUBLE_CLOSE.includes(ch) || ch === SINGLE_CLOSE) {
    canClose = !(leftFlanking && !rightFlanking) || ch === SINGLE_CLOSE;
    canOpen = !canClose || (ch === SINGLE_CLOSE && leftFlanking && !rightFlanking);
  } else {
    canOpen = leftFlanking || !rightFlanking;
    canClose = rightFlanking || !leftFlanking;
  }
  let apostrophe = false;
  if (ch === '`' && length === 1) apostrophe = true; // a lone backtick is a mistyped apostrophe ("Russia`s")
  else if (kind === 'double' && length === 1 && HEIGHT.test(text.slice(Math.max(0, at - 4), at))) apostrophe = true;
  if (kind === 'single') {
    if (isWordChar(before) && isWordChar(after)) apostrophe = true;
    // ’90s, ’em, ’til, ’cause, ’n’
    else if (!isWordChar(before) && /^['’](?:\d\d|em\b|til\b|cause\b|n['’])/i.test(text.slice(at, at + 7))) apostrophe = true;
    // Ambiguous ’: the closer of an open single quote or a plural possessive ("voters’"); decided by pairing.
    if (ch === SINGLE_CLOSE && leftFlanking && !rightFlanking) canOpen = true;
  }
  return { at, length, kind, canOpen, canClose, apostrophe };
}

/**
 * The lines of a paragraph, as spans without their line breaks, empty lines skipped. A line break
 * after a sentence end (or before a quotation mark) separates paragraphs in one-paragraph-per-line
 * texts; any other line break is a hard wrap and joins its lines.
 */
function linesOf(text: string, paragraph: Span): Span[] {
  const lines: Span[] = [];
  let start = paragraph.start;
  for (let i = paragraph.start; i <= paragraph.end; i++) {
    if (i < paragraph.end && text[i] !== '\n' && text[i] !== '\r') continue;
    let s = start;
    let e = i;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (i < paragraph.end && e > s && !LINE_END.includes(text[e - 1]) && !startsWithMark(text, i, paragraph.end)) continue;
    if (e > s) lines.push({ start: s, end: e });
    start = i + 1;
  }
  return lines;
}

const LINE_END = '.!?:;"”’\')]»…';

/** True when the next non-blank character after `from` is a quotation mark. */
function startsWithMark(text: string, from: number, limit: number): boolean {
  let j = from;
  while (j < limit && isSpace(text[j])) j++;
  return j < limit && ALL_MARKS.includes(text[j]);
}

/** The kind of the opening quotation mark at `at` (a line or paragraph start), or null. */
export function openingMarkAt(text: string, at: number): MarkKind | null {
  if (!MARK_CODES.has(text.charCodeAt(at))) return null;
  const mark = classify(text, at);
  return mark.canOpen && !mark.apostrophe ? mark.kind : null;
}

/**
 * More quotation marks than any paragraph of prose holds (a few hundred at most). A line with more is
 * not read for quotations, nor is a line that would take its paragraph past this many.
 */
const MAX_MARKS_PER_PARAGRAPH = 100_000;

/**
 * The quotations of one paragraph. `continuesPrevious`: the previous paragraph left a quote running
 * on into this one; `nextOpening`: the kind of the opening mark that starts the next paragraph, if any.
 */
export function pairParagraphMarks(text: string, paragraph: Span, continuesPrevious: boolean, nextOpening: MarkKind | null): PairedMarks {
  const lines = linesOf(text, paragraph);
  const segments: QuoteSegment[] = [];
  const unmatched: Span[] = [];

  // Pairing runs over the marks of one line at a time; an open quote may carry over to the next line.
  let open: Mark | null = null; // the outermost open quotation
  let nested: Mark | null = null; // a quotation inside it (single inside double, or the reverse)
  let continuing = continuesPrevious; // the open quote continues one left open in the previous paragraph

  const close = (end: number, closeLength: number, continuesNext: boolean): void => {
    if (!open) return;
    const closed = closeLength > 0;
    segments.push({ start: open.at, end, kind: open.kind, openLength: open.length, closeLength, closed, continuesPrevious: continuing, continuesNext });
    open = null;
    nested = null;
    continuing = false;
  };

  let marksRead = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const marks: Mark[] = [];
    const room = MAX_MARKS_PER_PARAGRAPH - marksRead;
    // read only on lines with a mark, which most lines have not; marks come in order, so the tags are walked once
    let tags: Span[] | null = null;
    let tagAt = 0;
    for (let i = nextMark(text, line.start, line.end); i < line.end; i = nextMark(text, i, line.end)) {
      tags ??= tagsIn(text, line);
      while (tagAt < tags.length && tags[tagAt].end <= i) tagAt++;
      if (tagAt < tags.length && tags[tagAt].start <= i) {
        i = tags[tagAt].end;
        continue;
      }
      const mark = classify(text, i);
      if (marks.push(mark) > room) break;
      i += mark.length;
    }
    // Data, not prose (a pasted table or a run of junk): pairing its marks would cost seconds and gigabytes.
    if (marks.length > room) continue;
    marksRead += marks.length;
    // For each single mark, whether a later single mark on this line could close it: lets a
    // top-level ‘ open a quote only when it can be closed, without rescanning the line.
    const singleCloserAfter: boolean[] = new Array(marks.length).fill(false);
    for (let i = marks.length - 2, seen = false; i >= 0; i--) {
      const next = marks[i + 1];
      if (next.kind === 'single' && next.canClose && !next.apostrophe) seen = true;
      singleCloserAfter[i] = seen;
    }
    // For each mark, the next double mark on the line.
    const nextDouble: Array<Mark | null> = new Array(marks.length).fill(null);
    for (let i = marks.length - 2; i >= 0; i--) nextDouble[i] = marks[i + 1].kind === 'double' && !marks[i + 1].apostrophe ? marks[i + 1] : nextDouble[i + 1];
    for (let mi = 0; mi < marks.length; mi++) {
      const mark = marks[mi];
      if (mark.apostrophe) continue;
      const current = open as Mark | null;
      if (!current) {
        if (!mark.canOpen) {
          if (mark.kind === 'double') unmatched.push({ start: mark.at, end: mark.at + mark.length });
          continue;
        }
        if (mark.kind === 'single' && !singleCloserAfter[mi]) continue;
        open = mark;
        continue;
      }
      if (mark.kind !== current.kind) {
        const inner = nested as Mark | null;
        if (inner && inner.kind === mark.kind && mark.canClose) nested = null;
        else if (!inner && mark.canOpen && (mark.kind === 'double' || singleCloserAfter[mi])) nested = mark;
        continue;
      }
      if (mark.canClose && (mark.at > current.at + current.length || !mark.canOpen)) {
        close(mark.at + mark.length, mark.length, false);
      } else if (mark.kind === 'double' && straightOpener(text, mark) && straightOpener(text, current) && nextDouble[mi] && straightOpener(text, nextDouble[mi]!)) {
        // '"aides holding their breaths, "waiting … lamented that "the noose …."': three straight marks
        // that all look like openers alternate; the second closes the first, with a misplaced space.
        close(mark.at + mark.length, mark.length, false);
      } else if (mark.kind === 'double') {
        // A second opener while a quote is open: the first was never closed.
        unmatched.push({ start: current.at, end: current.at + current.length });
        close(trimEnd(text, current.at, mark.at), 0, false);
        open = mark;
      }
    }
    const pending = open as Mark | null;
    if (!pending) continue;
    const next = lines[li + 1]; // undefined on the paragraph's last line
    if ((next ? openingMarkAt(text, next.start) : nextOpening) === pending.kind) {
      // News convention: a quote running on into the next paragraph has no closing mark here.
      close(line.end, 0, true);
      continuing = true;
      continue;
    }
    if (next && pending.kind === 'double' && closesBeforeOpening(text, next, pending.kind)) {
      continue; // a hard-wrapped line inside the quote
    }
    if (pending.kind === 'double') unmatched.push({ start: pending.at, end: pending.at + pending.length });
    close(line.end, 0, false);
  }
  lastText = ''; // do not keep the text alive
  return { segments, unmatched: unmatched.sort((a, b) => a.start - b.start), lines, continuing };
}

/** A straight double mark that can only open ('… "waiting'). */
function straightOpener(text: string, mark: Mark): boolean {
  return text[mark.at] === STRAIGHT_DOUBLE && mark.canOpen && !mark.canClose;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && isSpace(text[e - 1])) e--;
  return e;
}

/** True when the line holds a closing mark of this kind before any opening one. */
function closesBeforeOpening(text: string, line: Span, kind: MarkKind): boolean {
  for (let i = nextMark(text, line.start, line.end); i < line.end; i = nextMark(text, i, line.end)) {
    const mark = classify(text, i);
    i += mark.length;
    if (mark.kind !== kind || mark.apostrophe) continue;
    if (mark.canClose && !mark.canOpen) return true;
    if (mark.canOpen && !mark.canClose) return false;
  }
  return false;
}
