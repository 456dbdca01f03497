import type { LexiconExtensions, Organization, Person, Quote, Span, TextSpan, TextStructure } from '../model';
import { stageCache, type AnalysisCache } from '../paragraphCache';
import { quoteLexicon } from './lexicon';
import { firstMarkFrom, openingMarkAt } from './marks';
import { paragraphContext, quotesOfParagraph, type ParagraphQuotes, type ParagraphUnit } from './paragraph';
import { createResolver } from './resolve';

export interface QuoteAnalysis {
  quotes: Quote[];
  unmatchedQuoteMarks: Span[];
}

/** One paragraph's quotations and where the paragraph starts. */
interface Placed {
  offset: number;
  /** Null for a paragraph without quotation marks: it holds no quotation, so it is not read... */
  result: ParagraphQuotes | null;
  /** ...unless the paragraph after needs the speaker reported on its last line; read once. */
  read: () => ParagraphQuotes;
}

/** A quotation of the document while its speaker is worked out; `speaker` may be inherited. */
interface DocumentUnit {
  offset: number;
  unit: ParagraphUnit;
  speaker: TextSpan | null;
  cue: TextSpan | null;
}

/**
 * Direct quotations with their speakers, linked to the people and organisations found. Each
 * paragraph is read on its own (with a cache, only when it or its context changed); then speakers
 * pass from quotation to quotation across the document and are linked, without reading it again.
 */
export function findQuotes(
  structure: TextStructure,
  people: Person[],
  organizations: Organization[],
  lexicon: LexiconExtensions = {},
  cache?: AnalysisCache,
): QuoteAnalysis {
  const { text, paragraphs } = structure;
  const words = quoteLexicon(lexicon);
  const paragraphQuotes = stageCache<ParagraphQuotes>(cache, 'quotes');
  const placed: Placed[] = [];
  let continuing = false;
  let markAt = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p];
    const next = paragraphs[p + 1];
    const context = paragraphContext(text, paragraph, continuing, next ? openingMarkAt(text, next.start) : null);
    let quotes: ParagraphQuotes | undefined;
    const read = (): ParagraphQuotes =>
      (quotes ??= paragraphQuotes.get(paragraph.text, (own) => quotesOfParagraph(own, context, words), context));
    if (markAt < paragraph.start) markAt = firstMarkFrom(text, paragraph.start);
    const result = markAt < paragraph.end ? read() : null;
    placed.push({ offset: paragraph.start, result, read });
    continuing = result?.continuing ?? continuing;
  }

  const units = inheritSpeakers(text, placed);
  const quoted: Span[] = [];
  const unmatchedQuoteMarks: Span[] = [];
  for (const { offset, result } of placed) {
    if (!result) continue;
    for (const s of result.segments) quoted.push({ start: offset + s.start, end: offset + s.end });
    for (const s of result.unmatched) unmatchedQuoteMarks.push({ start: offset + s.start, end: offset + s.end });
  }
  const resolver = createResolver(people, organizations, words, structure.sentences, quoted, cache);
  const quotes: Quote[] = units.map(({ offset, unit, speaker, cue }) => {
    const start = offset + unit.segments[0].start;
    const end = offset + unit.segments[unit.segments.length - 1].end;
    const link = speaker ? resolver.link(text, speaker) : null;
    // Name the speaker by the person's own mention when the phrase carries a title around it.
    const speakerMention = link?.mention ? { ...link.mention, text: text.slice(link.mention.start, link.mention.end) } : speaker;
    return {
      start,
      end,
      text: text.slice(start, end),
      parts: unit.segments.map((s) => ({ start: offset + s.start, end: offset + s.end })),
      speakerId: link?.id ?? null,
      speakerMention,
      cue,
      expectsSpeaker: unit.expectsSpeaker,
    };
  });
  return { quotes, unmatchedQuoteMarks };
}

/**
 * Quotations without their own attribution take the speaker of the quotation they continue: the
 * previous paragraph of a multi-paragraph quote, an earlier quote in the same line, a later one
 * ("“A.” “B,” she said."), or the speaker of the line before.
 */
function inheritSpeakers(text: string, placed: Placed[]): DocumentUnit[] {
  const inDocument = (offset: number, s: Span): TextSpan => ({ start: offset + s.start, end: offset + s.end, text: text.slice(offset + s.start, offset + s.end) });
  const all: DocumentUnit[] = [];
  let previous: DocumentUnit | null = null;
  // The last line holding quotations so far, and the last speaker on it.
  let lastQuoted: { paragraph: number; line: number; speaker: TextSpan | null } | null = null;
  /** The last speaker of the line before line `line` of paragraph `p`. */
  const speakerOfLineBefore = (p: number, line: number): TextSpan | null => {
    if (p === 0 && line === 0) return null;
    const q = line > 0 ? p : p - 1;
    const quotes = placed[q].result ?? placed[q].read();
    const before = line > 0 ? line - 1 : quotes.lineCount - 1;
    if (lastQuoted && lastQuoted.paragraph === q && lastQuoted.line === before) return lastQuoted.speaker;
    const reported = quotes.reportedOnLine(before);
    return reported && inDocument(placed[q].offset, reported);
  };

  placed.forEach(({ offset, result }, p) => {
    const units = result?.units ?? [];
    for (let first = 0; first < units.length; ) {
      const { line } = units[first];
      const lineUnits: DocumentUnit[] = [];
      for (; first < units.length && units[first].line === line; first++) {
        const unit = units[first];
        lineUnits.push({ offset, unit, speaker: unit.speaker && inDocument(offset, unit.speaker), cue: unit.cue && inDocument(offset, unit.cue) });
      }
      // The speaker of the nearest later quote on the line that has its own attribution (the only
      // speakers set before inheritance).
      const nextAttributed: Array<TextSpan | null> = new Array(lineUnits.length).fill(null);
      for (let k = lineUnits.length - 2; k >= 0; k--) nextAttributed[k] = lineUnits[k + 1].speaker ?? nextAttributed[k + 1];
      let lastInLine: TextSpan | null = null;
      lineUnits.forEach((current, k) => {
        const { unit } = current;
        if (!current.speaker && unit.expectsSpeaker) {
          if (unit.segments[0].continuesPrevious && previous) current.speaker = previous.speaker;
          if (!current.speaker && unit.reported) {
            current.speaker = inDocument(offset, unit.reported.speaker);
            current.cue = unit.reported.cue && inDocument(offset, unit.reported.cue);
          }
          current.speaker ??= lastInLine ?? nextAttributed[k] ?? speakerOfLineBefore(p, line);
        }
        lastInLine = current.speaker ?? lastInLine;
        previous = current;
        all.push(current);
      });
      lastQuoted = { paragraph: p, line, speaker: lastInLine };
    }
  });
  // A quote running over paragraphs may be attributed only in its last one: credit the earlier ones.
  for (let u = all.length - 2; u >= 0; u--) {
    const { unit } = all[u];
    const next = all[u + 1];
    if (!all[u].speaker && unit.segments[unit.segments.length - 1].continuesNext && next.unit.segments[0].continuesPrevious) all[u].speaker = next.speaker;
  }
  return all;
}
