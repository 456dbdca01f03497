import { kept } from '../paragraphCache';
import type { Quote, Span, TextSpan } from '../model';
import { firstStartingFrom } from '../spans';
import {
  attributionAfter,
  attributionBefore,
  attributionLater,
  clauseSubject,
  sentenceEndOf,
  sentenceStartOf,
  type Attribution,
} from './attribution';
import { expectsSpeaker, introducedAsTerm, looksLikeTitle, type QuoteShape } from './classify';
import type { QuoteLexicon } from './lexicon';
import { isSpace, pairParagraphMarks, type MarkKind, type QuoteSegment } from './marks';
import { cueAt, subjectBefore, type Phrase } from './phrases';
import { tokenize, type Token } from './tokens';

/**
 * The work on one paragraph: pairing its quotation marks, grouping the quotations into units and
 * attributing each as far as its own paragraph allows. Tokens live only while a paragraph is read;
 * what is kept is token-free, with offsets relative to the paragraph.
 */

const WINDOW = 60;

/** A speaker's or cue's span in its paragraph, with its text as last placed in a document (see placedSpan). */
export interface PhraseSpan extends Span {
  placed: TextSpan | undefined;
}

/** A phrase's span from `start` to `end` in its paragraph, with room for its placed text made now (a property added later takes a separate allocation). */
function phraseSpan(start: number, end: number): PhraseSpan {
  return { start, end, placed: undefined };
}

/**
 * The phrase placed in the document, its paragraph starting at `paragraphStart`: the very object the last
 * analysis placed there, when the paragraph has not moved, so that an edit makes new ones only where the text moved.
 */
export function placedSpan(phrase: PhraseSpan, paragraphStart: number, paragraphText: string): TextSpan {
  const start = paragraphStart + phrase.start;
  if (phrase.placed?.start === start) return phrase.placed;
  return (phrase.placed = { start, end: paragraphStart + phrase.end, text: paragraphText.slice(phrase.start, phrase.end) });
}

export interface Reported {
  speaker: Span;
  cue: Span | null;
}

/** A Reported as a paragraph's quotations keep it. */
export interface KeptReported {
  speaker: PhraseSpan;
  cue: PhraseSpan | null;
}

/** A quoted segment as the document needs it, offsets relative to its paragraph. */
export interface KeptSegment extends Span {
  /** Opens a paragraph that continues a quote left open in the previous one. */
  continuesPrevious: boolean;
  /** Left open at the paragraph's end because the next paragraph continues it. */
  continuesNext: boolean;
}

/** A quotation of one paragraph: one or more segments on one line, attributed as far as the paragraph allows. */
export interface ParagraphUnit {
  /** Its line, among the paragraph's lines. */
  line: number;
  segments: readonly KeptSegment[];
  /** The speaker and cue of its own attribution; null when it has none. */
  speaker: PhraseSpan | null;
  cue: PhraseSpan | null;
  /** For a quotation with no attribution: who the text before it on its line reports as speaking, or its clause's subject. */
  reported: KeptReported | null;
  expectsSpeaker: boolean;
  /**
   * The quotation as last placed in a document: taken again, the very same object, while the paragraph stays
   * at that place and the speaker and cue are the same.
   */
  placed?: Quote;
}

/**
 * Everything the document needs of one paragraph's quotations, offsets relative to the paragraph.
 * The cache keeps one for every paragraph with quotation marks: lists are exactly as long as they
 * need to be and empty ones shared.
 */
export class ParagraphQuotes {
  private reportedByLine: Map<number, PhraseSpan | null> | null = null;

  constructor(
    readonly segments: readonly KeptSegment[],
    readonly unmatched: readonly Span[],
    readonly units: readonly ParagraphUnit[],
    /** True when the next paragraph continues a quote this one leaves running on. */
    readonly continuing: boolean,
    /** The paragraph and the context it was read in (see paragraphContext). */
    private readonly paragraphText: string,
    private readonly context: string,
    /**
     * Its lines in the text it was read in (see readingText), two numbers each, start and end; null
     * for the usual single line that is the whole paragraph.
     */
    private readonly lineBounds: readonly number[] | null,
  ) {}

  get lineCount(): number {
    return this.lineBounds ? this.lineBounds.length / 2 : 1;
  }

  /**
   * Who the last attribution of line `index` reports as speaking: the fallback speaker of a quotation
   * on the line after. Worked out when first asked, as few lines are ever asked about.
   */
  reportedOnLine(index: number, lexicon: QuoteLexicon): PhraseSpan | null {
    this.reportedByLine ??= new Map();
    let speaker = this.reportedByLine.get(index);
    if (speaker === undefined) {
      const { text, paragraph } = readingText(this.paragraphText, this.context);
      const line = this.lineBounds ? { start: this.lineBounds[2 * index], end: this.lineBounds[2 * index + 1] } : paragraph;
      const tokens = tokenize(text, line, []);
      const found = reportedSpeaker(lexicon, tokens, 0, tokens.length)?.speaker;
      speaker = found ? phraseSpan(found.start - paragraph.start, found.end - paragraph.start) : null;
      this.reportedByLine.set(index, speaker);
    }
    return speaker;
  }
}

/**
 * The text a paragraph is read in, and the paragraph's span there. A byte-order mark stands for a
 * neighbour that is no space, so that pairing sees what it saw in the document.
 */
function readingText(paragraphText: string, context: string): { text: string; paragraph: Span } {
  const before = context[2] === 'x' ? '\uFEFF' : '';
  const text = before + paragraphText + (context[3] === 'x' ? '\uFEFF' : '');
  return { text, paragraph: { start: before.length, end: before.length + paragraphText.length } };
}

/**
 * What a paragraph's quotations depend on besides its text, as a short cache context: whether the
 * previous paragraph left a quote running on ('c'), the kind of mark opening the next paragraph
 * ('d', 's'), and whether the characters just before and after the paragraph count as spaces (' ')
 * or not ('x': pairing sees them only as spaces or not). Empty in the common case.
 */
export function paragraphContext(text: string, paragraph: Span, continuesPrevious: boolean, nextOpening: MarkKind | null): string {
  const next = nextOpening === 'double' ? 1 : nextOpening === 'single' ? 2 : 0;
  return CONTEXTS[(continuesPrevious ? 12 : 0) + next * 4 + (isSpace(text[paragraph.start - 1]) ? 0 : 2) + (isSpace(text[paragraph.end]) ? 0 : 1)];
}

/** Every context, by the index paragraphContext computes: written once, not for each paragraph. */
const CONTEXTS: string[] = [];
for (const previous of '-c') {
  for (const next of '-ds') for (const before of ' x') for (const after of ' x') CONTEXTS.push(`${previous}${next}${before}${after}`);
}
CONTEXTS[0] = '';

/** The quotations of a paragraph, from its text and its context (see paragraphContext). */
export function quotesOfParagraph(paragraphText: string, context: string, lexicon: QuoteLexicon): ParagraphQuotes {
  const { text, paragraph } = readingText(paragraphText, context);
  const nextOpening = context[1] === 'd' ? 'double' : context[1] === 's' ? 'single' : null;
  const { segments, unmatched, lines, continuing } = pairParagraphMarks(text, paragraph, context[0] === 'c', nextOpening);
  const relative = (s: Span): Span => ({ start: s.start - paragraph.start, end: s.end - paragraph.start });
  const phrase = (s: Span): PhraseSpan => phraseSpan(s.start - paragraph.start, s.end - paragraph.start);
  const shifted: readonly KeptSegment[] = kept(
    segments.map((s) => ({ start: s.start - paragraph.start, end: s.end - paragraph.start, continuesPrevious: s.continuesPrevious, continuesNext: s.continuesNext })),
  );
  const units: ParagraphUnit[] = [];
  let li = 0;
  for (let first = 0; first < segments.length; ) {
    while (lines[li].end < segments[first].start) li++;
    let end = first + 1;
    while (end < segments.length && segments[end].start <= lines[li].end) end++;
    let at = first; // a unit's segments follow one another
    for (const unit of unitsOfLine(text, lexicon, lines[li], segments.slice(first, end))) {
      units.push({
        line: li,
        // Most paragraphs hold one quotation: its segments are the paragraph's, one list for both.
        segments: unit.segments.length === shifted.length ? shifted : shifted.slice(at, at + unit.segments.length),
        speaker: unit.speaker && phrase(unit.speaker),
        cue: unit.cue && phrase(unit.cue),
        reported: unit.reported && { speaker: phrase(unit.reported.speaker), cue: unit.reported.cue && phrase(unit.reported.cue) },
        expectsSpeaker: unit.expectsSpeaker,
        // Room made now: a property added later takes a separate allocation.
        placed: undefined,
      });
      at += unit.segments.length;
    }
    first = end;
  }
  return new ParagraphQuotes(shifted, kept(unmatched.map(relative)), kept(units), continuing, paragraphText, context, lineBoundsOf(lines, paragraph));
}

/** The lines as ParagraphQuotes keeps them: null for one line that is the whole paragraph, else flat. */
function lineBoundsOf(lines: Span[], paragraph: Span): readonly number[] | null {
  if (lines.length === 1 && lines[0].start === paragraph.start && lines[0].end === paragraph.end) return null;
  const bounds: number[] = new Array(2 * lines.length);
  for (let k = 0; k < lines.length; k++) {
    bounds[2 * k] = lines[k].start;
    bounds[2 * k + 1] = lines[k].end;
  }
  return bounds;
}

/** One list for every empty one. */

/** A quotation being attributed: its segments with their token positions. */
interface Unit {
  segments: QuoteSegment[];
  /** Token index of the opening mark of the first segment and of the last token of the last one. */
  open: number;
  close: number;
  attribution: Attribution | null;
  reported: Reported | null;
  speaker: Span | null;
  cue: Span | null;
  expectsSpeaker: boolean;
}

function span(tokens: Token[], first: number, last: number): Span {
  return { start: tokens[first].start, end: tokens[last].end };
}

/** The quotations starting on one line, grouped into units and attributed within the line. */
function unitsOfLine(text: string, words: QuoteLexicon, line: Span, segments: QuoteSegment[]): Unit[] {
  const { tokens, units } = groupedUnits(text, words, line, segments);
  const headline = inHeadline(tokens);
  units.forEach((unit, k) => {
    const previousEnd = k > 0 ? units[k - 1].close + 1 : 0;
    const nextOpen = k + 1 < units.length ? units[k + 1].open : tokens.length;
    // Attributions stand near their quote: looking at most WINDOW tokens away keeps long lines linear.
    const sentenceStart = sentenceStartOf(tokens, unit.open, Math.max(0, unit.open - WINDOW));
    const sentenceEnd = sentenceEndOf(tokens, unit.close + 1, Math.min(tokens.length, unit.close + 1 + WINDOW));
    const afterLimit = Math.min(nextOpen, sentenceEnd);
    const shape = shapeOf(text, tokens, unit, Math.max(previousEnd, sentenceStart), headline);
    const after = (): Attribution | null => attributionAfter(words, tokens, unit.close, afterLimit);
    const before = (): Attribution | null => attributionBefore(words, tokens, unit.open, sentenceStart);
    // "Pataki said Trump “has a track record.” He added …": a quote that ends the sentence its
    // attribution began belongs to that attribution, not to the next sentence's.
    const endsSentenceBegunBefore = !shape.startsSentence && shape.endsWithStop;
    unit.attribution ??= (endsSentenceBegunBefore ? before() ?? after() : after() ?? before()) ?? attributionLater(words, tokens, unit.close, afterLimit);
    unit.expectsSpeaker = expectsSpeaker(words, tokens, unit.open, shape, unit.attribution !== null);
    if (!unit.expectsSpeaker) {
      // A title or a scare quote: nobody speaks it, whatever verb stands nearby...
      unit.attribution = null;
      // ...unless a short phrase is quoted from a named subject ("Reid has been pounding Trump as a “con artist”").
      // Not after "the" or a possessive, which name a term: "the “Buffett rule”", "Trump's “rubble” remark".
      const subject = shape.startsSentence ? null : clauseSubject(words, tokens, unit.open, sentenceStart);
      const before = tokens[unit.open - 1];
      const namesTerm = before !== undefined && (before.lower === 'the' || /['’]s$/.test(before.text));
      if (subject && !namesTerm && namesSomeone(words, tokens, subject) && !introducedAsTerm(words, tokens, unit.open, shape.words) && !looksLikeTitle(shape.words)) {
        unit.expectsSpeaker = true;
        unit.reported = { speaker: span(tokens, subject.first, subject.last), cue: null };
      }
    } else if (unit.attribution) {
      unit.speaker = span(tokens, unit.attribution.phrase.first, unit.attribution.phrase.last);
      const cue = unit.attribution.cue;
      unit.cue = cue ? span(tokens, cue.first, cue.last) : null;
    } else if (shape.startsSentence) {
      unit.reported = reportedSpeaker(words, tokens, previousEnd, sentenceStart);
    } else {
      // A quotation inside a sentence with no speech verb is most often its subject's words.
      const subject = clauseSubject(words, tokens, unit.open, sentenceStart);
      if (subject) unit.reported = { speaker: span(tokens, subject.first, subject.last), cue: null };
    }
  });
  return units;
}

/** Segments of one line, tokenised, grouped into units: a quote broken by its attribution is one unit. */
function groupedUnits(text: string, lexicon: QuoteLexicon, line: Span, segments: QuoteSegment[]): { tokens: Token[]; units: Unit[] } {
  const insides = segments.map((s) => ({ start: s.start + s.openLength, end: s.end - s.closeLength }));
  const tokens = tokenize(text, line, insides);
  const units: Unit[] = [];
  for (const segment of segments) {
    const open = firstStartingFrom(tokens, segment.start);
    const close = Math.max(open, firstStartingFrom(tokens, segment.end) - 1);
    units.push({ segments: [segment], open, close, attribution: null, reported: null, speaker: null, cue: null, expectsSpeaker: true });
  }
  const merged: Unit[] = [];
  for (const unit of units) {
    const previous = merged[merged.length - 1];
    if (previous) {
      const limit = unit.open;
      const attribution = attributionAfter(lexicon, tokens, previous.close, limit);
      if (attribution && continuesSentence(text, tokens, previous, unit, attribution)) {
        previous.segments.push(unit.segments[0]);
        previous.close = unit.close;
        previous.attribution = attribution;
        continue;
      }
    }
    merged.push(unit);
  }
  return { tokens, units: merged };
}

/**
 * "“We are ready,” she said, “to talk.”": the first part stops on a comma (or no stop), only
 * the attribution stands between the parts, and the second part goes on in lower case.
 */
function continuesSentence(text: string, tokens: Token[], first: Unit, second: Unit, attribution: Attribution): boolean {
  const lastSegment = first.segments[first.segments.length - 1];
  const beforeClose = text[lastSegment.end - lastSegment.closeLength - 1] ?? '';
  if (/[.!?]/.test(beforeClose)) return false;
  let j = Math.max(attribution.phrase.last, attribution.cue?.last ?? 0) + 1;
  // Only punctuation or the rest of the attribution ("she said in a statement,") may stand between.
  while (j < second.open && !(tokens[j].type === 'punct' && /[.!?]/.test(tokens[j].text))) j++;
  if (j < second.open) return false;
  const firstWord = tokens[second.open + 1];
  if (!firstWord || firstWord.type !== 'word') return false;
  return !firstWord.capitalized || firstWord.text === 'I';
}

function shapeOf(text: string, tokens: Token[], unit: Unit, sentenceStart: number, headline: boolean): QuoteShape {
  const words: Token[] = [];
  for (let i = unit.open; i <= unit.close; i++) if (tokens[i].quoted && tokens[i].type === 'word') words.push(tokens[i]);
  const inner = unit.segments.map((s) => text.slice(s.start + s.openLength, s.end - s.closeLength)).join(' ').trim();
  const sentential = /[.!?,]["'”’]?$/.test(inner) || /[.!?]\s+\p{Lu}/u.test(inner) || words.length >= 8;
  let startsSentence = true;
  for (let i = sentenceStart; i < unit.open && startsSentence; i++) if (tokens[i].type === 'word' && !tokens[i].quoted) startsSentence = false;
  return { words, startsSentence, sentential, endsWithStop: /[.!?]$/.test(inner), inHeadline: headline };
}

/** Most words outside quotations capitalised, as in a title-case headline. */
function inHeadline(tokens: Token[]): boolean {
  let words = 0;
  let capitalised = 0;
  for (const t of tokens) {
    if (t.type !== 'word' || t.quoted || !/^\p{L}/u.test(t.text)) continue;
    words++;
    if (t.capitalized) capitalised++;
  }
  return words >= 3 && words <= 25 && capitalised >= 0.8 * words;
}

/**
 * The speaker of the last attribution among tokens [from, to): "Trump said in a statement:" or
 * "Kim told reporters talks would resume." before a quotation that stands alone.
 */
function reportedSpeaker(lexicon: QuoteLexicon, tokens: Token[], from: number, to: number): Reported | null {
  // A line ending in a colon introduces what follows: "From Josh Feldman writing at Mediaite:",
  // "Trump issued the following statement:".
  const introduces = to > from && tokens[to - 1].text === ':' && !tokens[to - 1].quoted;
  for (let j = to - 1; j >= from && j >= to - WINDOW; j--) {
    const cue = cueAt(lexicon, tokens, j);
    if (!cue && introduces && tokens[j].type === 'word' && lexicon.speechNouns.has(tokens[j].lower)) {
      const subject = nameBeforeVerb(lexicon, tokens, j, sentenceStartOf(tokens, j, Math.max(0, j - WINDOW)));
      if (subject) return { speaker: span(tokens, subject.first, subject.last), cue: span(tokens, j, j) };
    }
    if (!cue || cue.kind !== 'verb' || (cue.participle && !introduces)) continue;
    const subject = subjectBefore(lexicon, tokens, j, sentenceStartOf(tokens, j, Math.max(0, j - WINDOW)));
    if (subject) return { speaker: span(tokens, subject.first, subject.last), cue: span(tokens, cue.first, cue.last) };
  }
  return null;
}

/**
 * The speaker of "Republican nominee Donald Trump issued the following statement:": the name before the
 * verb, the last lower-case word that follows a capitalised one before the noun at j.
 */
function nameBeforeVerb(lexicon: QuoteLexicon, tokens: Token[], j: number, floor: number): Phrase | null {
  for (let k = j - 1; k > floor; k--) {
    const verb = tokens[k];
    const before = tokens[k - 1];
    if (verb.type === 'word' && !verb.capitalized && before.type === 'word' && before.capitalized) return subjectBefore(lexicon, tokens, k, floor);
  }
  return null;
}

/** A phrase holding a capitalised name or a personal pronoun. */
function namesSomeone(lexicon: QuoteLexicon, tokens: Token[], phrase: Phrase): boolean {
  for (let j = phrase.first; j <= phrase.last; j++) {
    const t = tokens[j];
    if (lexicon.pronounGender.has(t.lower) && t.lower !== 'it') return true;
    if (t.capitalized && j > phrase.first && !lexicon.determiners.has(t.lower)) return true;
    if (t.capitalized && j === phrase.first && phrase.first === phrase.last) return true;
  }
  return false;
}
