import type { LexiconExtensions, Organization, Person, Quote, Span, TextSpan, TextStructure } from '../model';
import { stageCache, type AnalysisCache, type ParagraphCache } from '../paragraphCache';
import { peopleMovedFrom } from '../people';
import { firstStartingFrom } from '../spans';
import { lastEdit } from '../structure';
import { quoteLexicon, type QuoteLexicon } from './lexicon';
import { firstMarkFrom, openingMarkAt } from './marks';
import { paragraphContext, placedSpan, quotesOfParagraph, type ParagraphQuotes, type ParagraphUnit, type PhraseSpan } from './paragraph';
import { createResolver } from './resolve';
import { SpeakerReuse, type KeptSpeakers } from './reuse';

export interface QuoteAnalysis {
  quotes: Quote[];
  unmatchedQuoteMarks: Span[];
  /** Where the document stopped being read for quotations (see MAX_QUOTATIONS_PER_DOCUMENT), or null. */
  unreadFrom: number | null;
}

/**
 * Quotation parts and stray marks a document may hold before the rest of it is no longer read for
 * quotations: about twenty times what 5 MB of news holds (11 000 quotations), so only junk (a file of
 * quotation marks) reaches it, which would otherwise take gigabytes and minutes.
 */
export const MAX_QUOTATIONS_PER_DOCUMENT = 200_000;

/**
 * The speaker and cue of every quotation of the document, numbered in text order; a speaker may be
 * inherited. Two lists rather than an object for each quotation, which would be garbage at once.
 */
interface Attributions {
  speakers: Array<TextSpan | null>;
  cues: Array<TextSpan | null>;
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
  const { text } = structure;
  const words = quoteLexicon(lexicon);
  const document = new DocumentQuotes(structure, words, cache);
  const { speakers, cues } = inheritSpeakers(document);
  const unmatchedQuoteMarks: Span[] = [];
  const resolver = createResolver(people, organizations, words, structure.sentences, document, cache);
  const reuse = cache
    ? SpeakerReuse.after(
        cache.documentValue<KeptSpeakers>(KEPT_SPEAKERS),
        lastEdit(cache),
        { people, organizations, movedFrom: peopleMovedFrom(people, cache) },
        structure.paragraphs,
        document.results,
        speakers.length,
        resolver,
      )
    : null;
  const ids: Array<string | null> = new Array(speakers.length);
  const quotes: Quote[] = new Array(speakers.length);
  // The quotations in the order inheritSpeakers numbered them.
  for (let p = 0, u = 0; p < document.results.length; p++) {
    const result = document.results[p];
    if (!result) continue;
    const paragraph = structure.paragraphs[p];
    const offset = paragraph.start;
    for (const s of result.unmatched) unmatchedQuoteMarks.push({ start: offset + s.start, end: offset + s.end });
    for (const unit of result.units) {
      const speaker = speakers[u];
      const speakerId = speaker ? resolver.link(text, speaker, reuse?.known(u, speaker)) : null;
      reuse?.linked(u, speaker, speakerId);
      ids[u] = speakerId;
      // Name the speaker by the person's own mention when the phrase carries a title around it.
      const own = speaker && resolver.linkedMention;
      const speakerMention =
        own && (own.start !== speaker.start || own.end !== speaker.end)
          ? { start: own.start, end: own.end, text: speaker.text.slice(own.start - speaker.start, own.end - speaker.start) }
          : speaker;
      const cue = cues[u];
      const { segments } = unit;
      const relativeStart = segments[0].start;
      const last = unit.placed;
      if (last && last.start === offset + relativeStart && last.speakerId === speakerId && sameSpan(last.speakerMention, speakerMention) && sameSpan(last.cue, cue)) {
        quotes[u++] = last;
        continue;
      }
      const relativeEnd = segments[segments.length - 1].end;
      const parts: Span[] = new Array(segments.length);
      for (let s = 0; s < segments.length; s++) parts[s] = { start: offset + segments[s].start, end: offset + segments[s].end };
      const quote: Quote = {
        start: offset + relativeStart,
        end: offset + relativeEnd,
        text: paragraph.text.slice(relativeStart, relativeEnd),
        parts,
        speakerId,
        speakerMention,
        cue,
        expectsSpeaker: unit.expectsSpeaker,
      };
      if (cache) unit.placed = quote;
      quotes[u++] = quote;
    }
  }
  cache?.keepDocumentValue<KeptSpeakers>(KEPT_SPEAKERS, { people, organizations, paragraphs: structure.paragraphs, results: document.results, phrases: speakers, ids });
  return { quotes, unmatchedQuoteMarks, unreadFrom: document.unreadFrom };
}

const KEPT_SPEAKERS = 'quotation speakers';

function sameSpan(a: TextSpan | null, b: TextSpan | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end && a.text === b.text);
}

/** The quotations of every paragraph of the document, by paragraph. */
class DocumentQuotes {
  /** Null for a paragraph without quotation marks: it holds no quotation, so it is not read unless asked. */
  readonly results: Array<ParagraphQuotes | null>;
  /** What each paragraph's quotations depend on besides its text (see paragraphContext). */
  private readonly contexts: string[];
  private readonly cache: ParagraphCache<ParagraphQuotes>;
  /** The context of the paragraph being read, for the one compute function the cache is given. */
  private readingContext = '';
  private readonly compute = (own: string): ParagraphQuotes => quotesOfParagraph(own, this.readingContext, this.words);
  /** The start of the first paragraph not read because the document reached MAX_QUOTATIONS_PER_DOCUMENT, or null. */
  readonly unreadFrom: number | null = null;

  constructor(
    readonly structure: TextStructure,
    readonly words: QuoteLexicon,
    cache: AnalysisCache | undefined,
  ) {
    const { text, paragraphs } = structure;
    this.cache = stageCache<ParagraphQuotes>(cache, 'quotes');
    this.results = new Array(paragraphs.length).fill(null);
    this.contexts = new Array(paragraphs.length);
    let continuing = false;
    let markAt = -1;
    let found = 0;
    for (let p = 0; p < paragraphs.length; p++) {
      const paragraph = paragraphs[p];
      const next = paragraphs[p + 1];
      this.contexts[p] = paragraphContext(text, paragraph, continuing, next ? openingMarkAt(text, next.start) : null);
      if (markAt < paragraph.start) markAt = firstMarkFrom(text, paragraph.start);
      if (markAt >= paragraph.end) continue;
      if (found >= MAX_QUOTATIONS_PER_DOCUMENT) {
        this.unreadFrom ??= paragraph.start;
        continue;
      }
      const result = this.read(p);
      this.results[p] = result;
      found += result.segments.length + result.unmatched.length;
      continuing = result.continuing;
    }
  }

  /** The quotations of paragraph `p`, read now if it has no quotation marks (the speaker on its last line). */
  read(p: number): ParagraphQuotes {
    const result = this.results[p];
    if (result) return result;
    this.readingContext = this.contexts[p];
    return this.cache.getOwn(this.structure.paragraphs[p].text, this.compute, this.readingContext);
  }

  /** Whether offset `at` lies inside a quotation. */
  isQuoted(at: number): boolean {
    const { paragraphs } = this.structure;
    const p = firstStartingFrom(paragraphs, at + 1) - 1;
    const segments = p >= 0 ? this.results[p]?.segments : undefined;
    if (!segments) return false;
    const relative = at - paragraphs[p].start;
    const k = firstStartingFrom(segments, relative + 1) - 1;
    return k >= 0 && segments[k].end > relative;
  }
}

/**
 * Quotations without their own attribution take the speaker of the quotation they continue: the
 * previous paragraph of a multi-paragraph quote, an earlier quote in the same line, a later one
 * ("“A.” “B,” she said."), or the speaker of the line before.
 */
function inheritSpeakers(document: DocumentQuotes): Attributions {
  const { paragraphs } = document.structure;
  const { results } = document;
  // Texts sliced from the paragraph's own string: a quotation kept for the next analysis (see ParagraphUnit.placed) keeps no version of the document alive.
  const inParagraph = (p: number, s: PhraseSpan): TextSpan => placedSpan(s, paragraphs[p].start, paragraphs[p].text);
  let count = 0;
  for (const result of results) if (result) count += result.units.length;
  const speakers: Array<TextSpan | null> = new Array(count);
  const cues: Array<TextSpan | null> = new Array(count);
  // The last line holding quotations so far, and the last speaker on it.
  let lastQuotedParagraph = -1;
  let lastQuotedLine = -1;
  let lastQuotedSpeaker: TextSpan | null = null;
  /** The last speaker of the line before line `line` of paragraph `p`. */
  const speakerOfLineBefore = (p: number, line: number): TextSpan | null => {
    if (p === 0 && line === 0) return null;
    const q = line > 0 ? p : p - 1;
    const quotes = document.read(q);
    const before = line > 0 ? line - 1 : quotes.lineCount - 1;
    if (lastQuotedParagraph === q && lastQuotedLine === before) return lastQuotedSpeaker;
    const reported = quotes.reportedOnLine(before, document.words);
    return reported && inParagraph(q, reported);
  };

  // `first` (the paragraph's quotation numbered `u + first`) and `end` bound the quotations of one line.
  for (let p = 0, u = 0; p < paragraphs.length; p++) {
    const result = results[p];
    if (!result) continue;
    const { units } = result;
    for (let first = 0, end = 0; first < units.length; first = end) {
      const { line } = units[first];
      for (; end < units.length && units[end].line === line; end++) {
        const unit = units[end];
        speakers[u + end] = unit.speaker && inParagraph(p, unit.speaker);
        cues[u + end] = unit.cue && inParagraph(p, unit.cue);
      }
      let lastInLine: TextSpan | null = null;
      // The next quote of the line with its own attribution (later quotes have only their own until reached):
      // found by a cursor that only moves forward, so that a line of thousands of quotes is not read again for each.
      let nextAttributed = u + first;
      for (let i = first; i < end; i++) {
        const k = u + i;
        const unit = units[i];
        if (!speakers[k] && unit.expectsSpeaker) {
          if (unit.segments[0].continuesPrevious && k > 0) speakers[k] = speakers[k - 1];
          if (!speakers[k] && unit.reported) {
            speakers[k] = inParagraph(p, unit.reported.speaker);
            cues[k] = unit.reported.cue && inParagraph(p, unit.reported.cue);
          }
          if (!speakers[k] && !lastInLine) {
            if (nextAttributed <= k) nextAttributed = k + 1;
            while (nextAttributed < u + end && !speakers[nextAttributed]) nextAttributed++;
          }
          speakers[k] ??= lastInLine ?? (nextAttributed < u + end ? speakers[nextAttributed] : null) ?? speakerOfLineBefore(p, line);
        }
        lastInLine = speakers[k] ?? lastInLine;
      }
      lastQuotedParagraph = p;
      lastQuotedLine = line;
      lastQuotedSpeaker = lastInLine;
    }
    u += units.length;
  }
  // A quote running over paragraphs may be attributed only in its last one: credit the earlier ones.
  let next: ParagraphUnit | null = null;
  for (let p = results.length - 1, u = count; p >= 0; p--) {
    const units = results[p]?.units;
    if (!units) continue;
    for (let i = units.length - 1; i >= 0; i--) {
      const unit = units[i];
      u--;
      if (next && !speakers[u] && unit.segments[unit.segments.length - 1].continuesNext && next.segments[0].continuesPrevious) speakers[u] = speakers[u + 1];
      next = unit;
    }
  }
  return { speakers, cues };
}
