import type { LexiconExtensions, Organization, Person, Quote, Span, TextSpan, TextStructure } from '../model';
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
import { quoteLexicon, type QuoteLexicon } from './lexicon';
import { pairQuotationMarks, type Line, type QuoteSegment } from './marks';
import { cueAt, subjectBefore, type Phrase } from './phrases';
import { createResolver } from './resolve';
import { tokenize, type Token } from './tokens';
import { firstStartingFrom } from '../spans';

const WINDOW = 60;

export interface QuoteAnalysis {
  quotes: Quote[];
  unmatchedQuoteMarks: Span[];
}

/** A quotation being attributed: one or more segments on one line, with their token positions. */
interface Unit {
  line: number;
  /** Position among the units of its line. */
  index: number;
  segments: QuoteSegment[];
  /** Token index of the opening mark of the first segment and of the last token of the last one. */
  open: number;
  close: number;
  attribution: Attribution | null;
  /** For a quotation standing alone: who the sentence before it (in its paragraph) reports as speaking. */
  reported: Reported | null;
  /** The speaker: its words and cue, possibly inherited from an earlier quotation. */
  speaker: TextSpan | null;
  cue: TextSpan | null;
  expectsSpeaker: boolean;
}

interface Reported {
  speaker: TextSpan;
  cue: TextSpan | null;
}

interface LineTokens {
  tokens: Token[];
  units: Unit[];
}

function span(text: string, tokens: Token[], first: number, last: number): TextSpan {
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { start, end, text: text.slice(start, end) };
}

/** Segments of one line, tokenised, grouped into units: a quote broken by its attribution is one unit. */
function unitsOfLine(text: string, lexicon: QuoteLexicon, lineIndex: number, line: Line, segments: QuoteSegment[]): LineTokens {
  const insides = segments.map((s) => ({ start: s.start + s.openLength, end: s.end - s.closeLength }));
  const tokens = tokenize(text, line, insides);
  const units: Unit[] = [];
  for (const segment of segments) {
    const open = firstStartingFrom(tokens, segment.start);
    const close = Math.max(open, firstStartingFrom(tokens, segment.end) - 1);
    units.push({ line: lineIndex, index: 0, segments: [segment], open, close, attribution: null, reported: null, speaker: null, cue: null, expectsSpeaker: true });
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
function reportedSpeaker(text: string, lexicon: QuoteLexicon, tokens: Token[], from: number, to: number): Reported | null {
  for (let j = to - 1; j >= from && j >= to - WINDOW; j--) {
    const cue = cueAt(lexicon, tokens, j);
    if (!cue || cue.kind !== 'verb' || cue.participle) continue;
    const subject = subjectBefore(lexicon, tokens, j, sentenceStartOf(tokens, j, Math.max(0, j - WINDOW)));
    if (subject) return { speaker: span(text, tokens, subject.first, subject.last), cue: span(text, tokens, cue.first, cue.last) };
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

/** Direct quotations with their speakers, linked to the people and organisations found. */
export function findQuotes(
  structure: TextStructure,
  people: Person[],
  organizations: Organization[],
  lexicon: LexiconExtensions = {},
): QuoteAnalysis {
  const { text } = structure;
  const words = quoteLexicon(lexicon);
  const { segments, unmatched, lines } = pairQuotationMarks(structure);

  // Segments by line, in order.
  const byLine = new Map<number, QuoteSegment[]>();
  let li = 0;
  for (const segment of segments) {
    while (li < lines.length && lines[li].end < segment.start) li++;
    const list = byLine.get(li) ?? [];
    list.push(segment);
    byLine.set(li, list);
  }

  const all: Unit[] = [];
  const lineTokens = new Map<number, LineTokens>();
  for (const [index, list] of byLine) {
    const lt = unitsOfLine(text, words, index, lines[index], list);
    lineTokens.set(index, lt);
    const { tokens } = lt;
    const headline = inHeadline(tokens);
    lt.units.forEach((unit, k) => {
      unit.index = k;
      const previousEnd = k > 0 ? lt.units[k - 1].close + 1 : 0;
      const nextOpen = k + 1 < lt.units.length ? lt.units[k + 1].open : tokens.length;
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
        // A title or a scare quote: nobody speaks it, whatever verb stands nearby.
        unit.attribution = null;
      } else if (unit.attribution) {
        unit.speaker = span(text, tokens, unit.attribution.phrase.first, unit.attribution.phrase.last);
        const cue = unit.attribution.cue;
        unit.cue = cue ? span(text, tokens, cue.first, cue.last) : null;
      } else if (shape.startsSentence) {
        unit.reported = reportedSpeaker(text, words, tokens, previousEnd, sentenceStart);
      } else {
        // A quotation inside a sentence with no speech verb is most often its subject's words.
        const subject = clauseSubject(words, tokens, unit.open, sentenceStart);
        if (subject) unit.reported = { speaker: span(text, tokens, subject.first, subject.last), cue: null };
        // A short phrase quoted from a named subject ("Reid has been pounding Trump as a “con artist”").
        // Not after "the" or a possessive, which name a term: "the “Buffett rule”", "Trump's “rubble” remark".
        const before = tokens[unit.open - 1];
        const namesTerm = before !== undefined && (before.lower === 'the' || /['’]s$/.test(before.text));
        if (subject && !unit.expectsSpeaker && !namesTerm && namesSomeone(words, tokens, subject) && !introducedAsTerm(words, tokens, unit.open, shape.words) && !looksLikeTitle(shape.words)) {
          unit.expectsSpeaker = true;
        }
      }
      all.push(unit);
    });
  }

  inheritSpeakers(text, words, lines, lineTokens);

  const quoted = segments.map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
  const resolver = createResolver(people, organizations, words, structure.sentences, quoted);
  const quotes: Quote[] = all.map((unit) => {
    const first = unit.segments[0];
    const last = unit.segments[unit.segments.length - 1];
    const link = unit.speaker ? resolver.link(text, unit.speaker) : null;
    // Name the speaker by the person's own mention when the phrase carries a title around it.
    const speakerMention = link?.mention ? { ...link.mention, text: text.slice(link.mention.start, link.mention.end) } : unit.speaker;
    return {
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      parts: unit.segments.map((s) => ({ start: s.start, end: s.end })),
      speakerId: link?.id ?? null,
      speakerMention,
      cue: unit.cue,
      expectsSpeaker: unit.expectsSpeaker,
    };
  });
  return { quotes, unmatchedQuoteMarks: unmatched };
}

/**
 * Quotations without their own attribution take the speaker of the quotation they continue: the
 * previous paragraph of a multi-paragraph quote, an earlier quote in the same paragraph, a later one
 * ("“A.” “B,” she said."), or the speaker of the paragraph before.
 */
function inheritSpeakers(text: string, lexicon: QuoteLexicon, lines: Line[], lineTokens: Map<number, LineTokens>): void {
  const lastOfLine = new Map<number, TextSpan | null>();
  const lastSpeakerOfLine = (index: number): TextSpan | null => {
    if (index < 0) return null;
    if (!lastOfLine.has(index)) {
      const tokens = tokenize(text, lines[index], []);
      lastOfLine.set(index, reportedSpeaker(text, lexicon, tokens, 0, tokens.length)?.speaker ?? null);
    }
    return lastOfLine.get(index) ?? null;
  };
  let previous: Unit | null = null;
  for (const [lineIndex, { units }] of [...lineTokens].sort((a, b) => a[0] - b[0])) {
    // The speaker of the nearest later quote on the line that has its own attribution.
    const nextAttributed: Array<TextSpan | null> = new Array(units.length).fill(null);
    for (let k = units.length - 2; k >= 0; k--) nextAttributed[k] = units[k + 1].attribution ? units[k + 1].speaker : nextAttributed[k + 1];
    let lastInLine: TextSpan | null = null;
    units.forEach((unit, k) => {
      if (!unit.speaker && unit.expectsSpeaker) {
        if (unit.segments[0].continuesPrevious && previous) unit.speaker = previous.speaker;
        if (!unit.speaker && unit.reported) [unit.speaker, unit.cue] = [unit.reported.speaker, unit.reported.cue];
        unit.speaker ??= lastInLine ?? nextAttributed[k] ?? lastSpeakerOfLine(lineIndex - 1);
      }
      lastInLine = unit.speaker ?? lastInLine;
      previous = unit;
    });
    lastOfLine.set(lineIndex, lastInLine);
  }
  // A quote running over paragraphs may be attributed only in its last one: credit the earlier ones.
  const ordered = [...lineTokens].sort((a, b) => a[0] - b[0]).flatMap(([, lt]) => lt.units);
  for (let u = ordered.length - 2; u >= 0; u--) {
    const unit = ordered[u];
    const next = ordered[u + 1];
    if (!unit.speaker && unit.segments[unit.segments.length - 1].continuesNext && next.segments[0].continuesPrevious) unit.speaker = next.speaker;
  }
}
