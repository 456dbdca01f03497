import abbreviationData from './data/abbreviations.json';
import type { Paragraph, Sentence, Span, TextStructure } from './model';
import { isWhiteSpaceCode } from './chars';
import { stageCache, type AnalysisCache, type ParagraphCache } from './paragraphCache';

const abbreviations = new Set(abbreviationData.abbreviations);

const LF = 10;
const CR = 13;

/** Space, tab or byte-order mark: what a blank line may hold besides its line break. */
function isBlankFiller(code: number): boolean {
  return code === 32 || code === 9 || code === 0xfeff;
}

/** Offset just past the line break at `at` (CRLF counts as one), or -1 when there is none. */
function afterLineBreak(text: string, at: number): number {
  // Past the end, charCodeAt would read out of bounds, which costs optimised code a deoptimisation.
  if (at >= text.length) return -1;
  const code = text.charCodeAt(at);
  if (code === LF) return at + 1;
  if (code === CR) return text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  return -1;
}

/**
 * The paragraphs of text[from, to), numbered from `firstIndex`. Paragraphs are separated by blank lines
 * (lines holding only white space). The search jumps from line break to line break with indexOf, which is
 * many times faster than a loop over characters. `from` must be the start of the text or of a paragraph,
 * and `to` the end of the text or of a paragraph: a paragraph starts and ends on a character that is not
 * white space, so no blank line reaches across either.
 */
function splitParagraphs(text: string, from: number, to: number, firstIndex: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isWhiteSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isWhiteSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) paragraphs.push({ start: s, end: e, index: firstIndex + paragraphs.length, text: '' });
  };
  const lineBreak = (search: string, fromIndex: number): number => {
    const at = text.indexOf(search, fromIndex);
    return at < to ? at : -1;
  };
  let start = from;
  let nextLf = lineBreak('\n', from);
  let nextCr = lineBreak('\r', from);
  while (nextLf >= 0 || nextCr >= 0) {
    // the next line break; a CRLF is found at its CR
    const at = nextCr >= 0 && (nextLf < 0 || nextCr < nextLf) ? nextCr : nextLf;
    const lineStart = afterLineBreak(text, at);
    let j = lineStart;
    while (j < to && isBlankFiller(text.charCodeAt(j))) j++;
    let resume = lineStart;
    if (afterLineBreak(text, j) >= 0) {
      push(start, at);
      start = j;
      resume = j;
    }
    if (nextLf >= 0 && nextLf < resume) nextLf = lineBreak('\n', resume);
    if (nextCr >= 0 && nextCr < resume) nextCr = lineBreak('\r', resume);
  }
  push(start, to);
  return paragraphs;
}

/** Characters compared at a time while looking for where two versions of a text differ. */
const COMPARED_CHUNK = 4096;

/**
 * How many characters `before` and `after` have in common at their start, and then at their end (never
 * overlapping the start). Compared a chunk at a time: string comparison runs in native code, many times
 * faster than reading characters, and the chunks are views into the texts, not copies.
 */
function commonEnds(before: string, after: string): { head: number; tail: number } {
  const limit = Math.min(before.length, after.length);
  let head = 0;
  while (head + COMPARED_CHUNK <= limit && before.slice(head, head + COMPARED_CHUNK) === after.slice(head, head + COMPARED_CHUNK)) head += COMPARED_CHUNK;
  while (head < limit && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  const tailLimit = limit - head;
  let tail = 0;
  while (
    tail + COMPARED_CHUNK <= tailLimit &&
    before.slice(before.length - tail - COMPARED_CHUNK, before.length - tail) === after.slice(after.length - tail - COMPARED_CHUNK, after.length - tail)
  ) {
    tail += COMPARED_CHUNK;
  }
  while (tail < tailLimit && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { head, tail };
}

const CLOSERS = '"\'”’»)]';

/** True when the full stop at `dot` belongs to an abbreviation or an initial ("Mr.", "U.S.", "W."). */
function isAbbreviation(text: string, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > 0 && /[A-Za-z.]/.test(text[wordStart - 1])) wordStart--;
  const word = text.slice(wordStart, dot).toLowerCase();
  if (/^(?:[a-z]\.)*[a-z]$/.test(word)) return true; // initials: "George W. Bush", "George H.W. Bush"
  return isAbbreviationWord(word);
}

/** True for a lower-case word written with a full stop that does not end a sentence ("vs", "gov", "ala"). */
export function isAbbreviationWord(lowerWord: string): boolean {
  return abbreviations.has(lowerWord);
}

/**
 * Sentence boundaries inside one paragraph: after . ! ? (and any closing quotes or brackets)
 * when followed by white space and something that can start a sentence; also at line breaks
 * that follow sentence-final punctuation.
 */
function splitSentences(text: string, paragraph: Paragraph): Sentence[] {
  const sentences: Sentence[] = [];
  let start = paragraph.start;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i];
    const lineBreak = ch === '\n' || ch === '\r';
    if (ch !== '.' && ch !== '!' && ch !== '?' && !lineBreak) continue;
    let end = i + 1;
    if (!lineBreak) {
      while (end < paragraph.end && CLOSERS.includes(text[end])) end++;
      if (end < paragraph.end && !/\s/.test(text[end])) continue;
      if (ch === '.' && isAbbreviation(text, i)) {
        // "Mr. Kim" stays one sentence; an abbreviation at a line end still ends it.
        let next = end;
        while (next < paragraph.end && (text[next] === ' ' || text[next] === '\t')) next++;
        if (next < paragraph.end && text[next] !== '\n' && text[next] !== '\r') continue;
      }
      let next = end;
      while (next < paragraph.end && /\s/.test(text[next])) next++;
      if (next < paragraph.end && /[a-z]/.test(text[next])) continue;
    } else {
      // A line break ends a sentence only after sentence-final punctuation.
      let prev = i - 1;
      while (prev > start && CLOSERS.includes(text[prev])) prev--;
      if (!/[.!?:]/.test(text[prev] ?? '')) continue;
    }
    pushTrimmed(text, sentences, start, end, paragraph.index);
    start = end;
  }
  pushTrimmed(text, sentences, start, paragraph.end, paragraph.index);
  return sentences;
}

function pushTrimmed(text: string, sentences: Sentence[], from: number, to: number, paragraphIndex: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) sentences.push({ start: s, end: e, paragraphIndex });
}

interface ParagraphSentences {
  /** The paragraph's own copy of its text. */
  text: string;
  /**
   * Start/end pairs relative to the paragraph: a plain array of exactly their number (far smaller
   * than a typed one this short, or than one grown by pushing).
   */
  bounds: number[];
}

function sentencesOf(paragraphText: string): ParagraphSentences {
  const sentences = splitSentences(paragraphText, { start: 0, end: paragraphText.length, index: 0, text: paragraphText });
  const bounds: number[] = new Array(2 * sentences.length);
  for (let k = 0; k < sentences.length; k++) {
    bounds[2 * k] = sentences[k].start;
    bounds[2 * k + 1] = sentences[k].end;
  }
  return { text: paragraphText, bounds };
}

/** The last analysis's structure, for the next one to reuse. */
interface LastStructure {
  text: string;
  paragraphs: readonly Paragraph[];
  sentences: readonly Sentence[];
  /** Index in `sentences` of each paragraph's first sentence, and one past the last sentence. */
  firstSentence: Int32Array;
}

const LAST_STRUCTURE = 'structure';

/**
 * How this text differs from the last one analysed with the same cache: `text[0, head)` is the same,
 * the last text's `[oldEnd, end)` moved by `delta`, and what lay between was replaced.
 */
export interface TextEdit {
  head: number;
  oldEnd: number;
  delta: number;
  /** Whether every sentence of the last text is one of this text's, moved by the edit, and there are no others. */
  sentencesMoved: boolean;
  /** The last text's paragraphs: a stage that kept them with its results knows those are the last analysis's, not an earlier one's it ran in. */
  from: readonly Paragraph[];
}

const TEXT_EDIT = 'text edit';

/** The edit from the last analysed text to this one (see analyzeStructure), or null for a first analysis. */
export function lastEdit(cache: AnalysisCache): TextEdit | null {
  return cache.documentValue<TextEdit | null>(TEXT_EDIT) ?? null;
}

/** Where offset `at` of the last text lies in this one, or -1 when the edit replaced what was there. */
export function movedOffset(edit: TextEdit, at: number): number {
  if (at < edit.head) return at;
  return at >= edit.oldEnd ? at + edit.delta : -1;
}

/**
 * Where a paragraph or sentence starting at `at` in the last text starts in this one, or -1: as movedOffset, except
 * that one starting where the edit starts still starts there (a word typed at the start of a paragraph joins it).
 */
export function movedStart(edit: TextEdit, at: number): number {
  return at === edit.head ? at : movedOffset(edit, at);
}

/** Whether `now` are the paragraphs or sentences `was`, each moved by the edit. */
function spansMoved(was: readonly Span[], now: readonly Span[], edit: TextEdit): boolean {
  if (was.length !== now.length) return false;
  for (let k = 0; k < was.length; k++) {
    if (movedStart(edit, was[k].start) !== now[k].start || movedOffset(edit, was[k].end) !== now[k].end) return false;
  }
  return true;
}

/** Index of the first of `paragraphs` (in text order) ending after `offset`, or their number. */
function firstEndingAfter(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (paragraphs[mid].end > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

interface SplitText {
  paragraphs: Paragraph[];
  /** For each paragraph, the index of the last analysis's paragraph it is known to be (moved by the edit or not), or -1. */
  sameAs: Int32Array;
  edit: TextEdit | null;
}

/**
 * The paragraphs of `text`. After an edit only the paragraphs around the change are split again: those
 * wholly before it are the last analysis's, and those wholly after it too, moved by the change in length.
 */
function splitText(text: string, last: LastStructure | undefined): SplitText {
  if (!last) {
    const paragraphs = splitParagraphs(text, 0, text.length, 0);
    return { paragraphs, sameAs: new Int32Array(paragraphs.length).fill(-1), edit: null };
  }
  const before = last.paragraphs;
  const { head, tail } = commonEnds(last.text, text);
  const shift = text.length - last.text.length;
  // The blank line after the last paragraph ending before the change may be what changed: that one is split again.
  const kept = Math.max(0, firstEndingAfter(before, head - 1) - 1);
  // The first paragraph ending after the change ends on an unchanged character that no blank line reaches across.
  const lastSplit = firstEndingAfter(before, last.text.length - tail);
  const from = kept > 0 ? before[kept].start : 0;
  const to = lastSplit < before.length ? before[lastSplit].end + shift : text.length;
  const split = splitParagraphs(text, from, to, kept);
  const movedFrom = Math.min(lastSplit + 1, before.length);
  const count = kept + split.length + before.length - movedFrom;
  const paragraphs: Paragraph[] = new Array(count);
  const sameAs = new Int32Array(count).fill(-1);
  for (let i = 0; i < kept; i++) {
    paragraphs[i] = before[i];
    sameAs[i] = i;
  }
  for (let k = 0; k < split.length; k++) paragraphs[kept + k] = split[k];
  for (let j = movedFrom, i = kept + split.length; j < before.length; j++, i++) {
    const old = before[j];
    paragraphs[i] = shift === 0 && i === j ? old : { start: old.start + shift, end: old.end + shift, index: i, text: old.text };
    sameAs[i] = j;
  }
  return { paragraphs, sameAs, edit: { head, oldEnd: last.text.length - tail, delta: shift, sentencesMoved: false, from: before } };
}

/**
 * Gives each paragraph its text (the copy the cache holds) and collects the sentences, reusing the last
 * analysis's objects for a paragraph unchanged in place.
 */
class StructureBuilder {
  readonly sentences: Sentence[] = [];
  /**
   * After an edit, a paragraph split again is most likely the one at the same place counted from the start or
   * from the end of the last analysis. Comparing it with that one is much cheaper than hashing it for the
   * cache, and the copy found (hashed once when stored) makes every stage's cache lookup immediate.
   */
  private readonly before: readonly Paragraph[];
  private readonly shift: number;

  constructor(
    private readonly text: string,
    private readonly split: SplitText,
    private readonly known: ParagraphCache<ParagraphSentences>,
    private readonly last: LastStructure | undefined,
  ) {
    this.before = last?.paragraphs ?? [];
    this.shift = this.before.length - split.paragraphs.length;
  }

  /**
   * Paragraph `i`, in order. One call per paragraph, not a loop body in analyzeStructure: V8 optimises a
   * function called thousands of times per edit at once, while a loop in one called once per edit could run
   * unoptimised for a whole session after a deoptimisation (measured in the server: 15 ms per 1 MB edit, against 2-7).
   */
  place(i: number): void {
    const { text, before, last, sentences } = this;
    const { paragraphs, sameAs } = this.split;
    const paragraph = paragraphs[i];
    const known = sameAs[i];
    if (last && known >= 0) {
      const { bounds } = this.known.getOwn(paragraph.text, sentencesOf);
      if (paragraph === before[known]) {
        for (let k = last.firstSentence[known]; k < last.firstSentence[known + 1]; k++) sentences.push(last.sentences[k]);
      } else {
        this.pushSentences(paragraph, bounds);
      }
      return;
    }
    const slice = text.slice(paragraph.start, paragraph.end);
    const same = i < before.length && before[i].text === slice ? before[i] : undefined;
    if (last && same && same.start === paragraph.start) {
      this.known.getOwn(same.text, sentencesOf); // kept for when the paragraph moves
      paragraphs[i] = same;
      for (let k = last.firstSentence[i]; k < last.firstSentence[i + 1]; k++) sentences.push(last.sentences[k]);
      return;
    }
    const moved = i + this.shift;
    const key = same ? same.text : moved >= 0 && moved < before.length && before[moved].text === slice ? before[moved].text : slice;
    const { text: own, bounds } = this.known.get(key, sentencesOf);
    paragraph.text = own;
    this.pushSentences(paragraph, bounds);
  }

  private pushSentences(paragraph: Paragraph, bounds: readonly number[]): void {
    for (let k = 0; k < bounds.length; k += 2) {
      this.sentences.push({ start: paragraph.start + bounds[k], end: paragraph.start + bounds[k + 1], paragraphIndex: paragraph.index });
    }
  }
}

/**
 * Paragraphs and sentences; with a cache, only paragraphs around the edit are found again, only paragraphs
 * not seen in the last analysis are split into sentences again, and a paragraph unchanged in place (before
 * the edit) keeps its objects and its sentences' objects: the model of an edited document is then largely
 * the last one's, which the garbage collector need not copy.
 */
export function analyzeStructure(text: string, cache?: AnalysisCache): TextStructure {
  const last = cache?.documentValue<LastStructure>(LAST_STRUCTURE);
  // An edited document's text is a chain of concatenated pieces, slow to read character by character:
  // the first comparison or search in splitText makes V8 lay it out flat once, for every stage.
  const split = splitText(text, last);
  const { paragraphs } = split;
  const builder = new StructureBuilder(text, split, stageCache<ParagraphSentences>(cache, 'sentences'), last);
  const firstSentence = new Int32Array(paragraphs.length + 1);
  for (let i = 0; i < paragraphs.length; i++) {
    firstSentence[i] = builder.sentences.length;
    builder.place(i);
  }
  const { sentences } = builder;
  firstSentence[paragraphs.length] = sentences.length;
  if (last && split.edit) split.edit.sentencesMoved = spansMoved(last.sentences, sentences, split.edit);
  cache?.keepDocumentValue<LastStructure>(LAST_STRUCTURE, { text, paragraphs, sentences, firstSentence });
  cache?.keepDocumentValue<TextEdit | null>(TEXT_EDIT, split.edit);
  return { text, paragraphs, sentences };
}
