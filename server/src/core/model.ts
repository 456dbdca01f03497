/**
 * The article model: what the analysis core finds in a text.
 * All offsets are UTF-16 code-unit indices into the analysed text (JavaScript string
 * indices), end exclusive. Nothing here knows about VS Code or LSP.
 */

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** Where the document creation time came from. */
export type DctSource = 'dateline' | 'front-matter' | 'option';

/** Document creation time: the anchor for relative dates ("Tuesday", "last month"). */
export interface DocumentCreationTime {
  /** TIMEX3-style value: "2013-07-02" or "2013-07-02T15:59". */
  value: string;
  source: DctSource;
  /** The dateline text it was read from; absent when given as an option. */
  span: TextSpan | null;
}

export interface Paragraph extends Span {
  index: number;
  /**
   * The paragraph's text as a string of its own: the key of every stage's per-paragraph cache
   * (one copy shared by all of them, hashed once).
   */
  text: string;
}

export interface Sentence extends Span {
  paragraphIndex: number;
}

/** The text cut into paragraphs and sentences, shared by every analysis stage. */
export interface TextStructure {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

export type MentionKind =
  | 'full' // "Kim Kye-Gwan"
  | 'surname' // "Kim"
  | 'given' // "Hillary"
  | 'honorific' // "Mr. Kim"
  | 'pronoun' // "he" (only when a speaker was resolved through it)
  | 'title'; // "the minister"

export interface Mention extends TextSpan {
  kind: MentionKind;
  /** True for "Kim's" / "Russia`s": the possessive ending is not part of `text`. */
  possessive?: boolean;
}

/** A role or office ascribed to a person. */
export interface Title extends TextSpan {
  /** Country or organisation the role belongs to ("Russia", "Seoul's University of North Korean Studies"). */
  affiliation?: string;
  /** "former Secretary of State". */
  former?: boolean;
  /** How the title was attached to the name. */
  attachment: 'premodifier' | 'apposition' | 'predicate';
}

export type Gender = 'male' | 'female';

export interface Person {
  /** "p1", "p2", … in order of first mention. */
  id: string;
  /** The fullest form of the name found in the article. */
  name: string;
  titles: Title[];
  /** Every mention in text order, none inside another; the first is the first mention. */
  mentions: Mention[];
  gender?: Gender;
}

export interface Organization {
  /** "o1", "o2", … in order of first mention. */
  id: string;
  name: string;
  mentions: Mention[];
}

export interface Quote extends TextSpan {
  /** The spans of a quote broken by its attribution ("“We are ready,” she said, “to talk.”"); one part otherwise. */
  parts: Span[];
  /** A Person or Organization id, or null when nobody is credited. */
  speakerId: string | null;
  /** The words in the text that name the speaker ("Yang Moo-Jin", "he", "the ministry"). */
  speakerMention: TextSpan | null;
  /** The attribution verb or phrase ("said", "told", "according to"). */
  cue: TextSpan | null;
  /** False for scare quotes and titles in quotation marks that nobody speaks. */
  expectsSpeaker: boolean;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TemporalExpression extends TextSpan {
  type: TimexType;
  /** TIMEX3 value: "2013-07-02", "2013-06", "2013-W26", "P3Y", "PRESENT_REF", "XXXX-WXX-2", … */
  value: string;
  /** TIMEX3 mod: "START", "END", "APPROX", "LESS_THAN", … */
  mod?: string;
  /** True when the value was computed relative to the document creation time or another date. */
  relative: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A quick fix: replace [start, end) with newText. */
export interface Fix extends Span {
  title: string;
  newText: string;
}

/** A problem a diagnostic rule found. */
export interface Finding extends Span {
  code: string;
  severity: Severity;
  message: string;
  fixes?: Fix[];
}

export interface Article {
  text: string;
  structure: TextStructure;
  headline: TextSpan | null;
  dct: DocumentCreationTime | null;
  people: Person[];
  organizations: Organization[];
  /** In text order, none inside another (as are each person's and organisation's mentions): hovers search them by halving. */
  quotes: Quote[];
  /** In text order, none inside another. */
  dates: TemporalExpression[];
  /** Opening or closing quotation marks with no partner (multi-paragraph quotes excepted). */
  unmatchedQuoteMarks: Span[];
  findings: Finding[];
}

/** Extra entries a newsroom adds to the bundled word lists (through settings or CLI). */
export interface LexiconExtensions {
  titles?: string[];
  speechVerbs?: string[];
  honorifics?: string[];
  organizations?: string[];
}

export interface AnalyzeOptions {
  /** Overrides the dateline: "2013-07-02" or "2013-07-02T15:59". */
  dct?: string;
  lexicon?: LexiconExtensions;
  /** Severity per rule code, or "off"; rules not listed keep their default. */
  ruleSeverities?: Record<string, Severity | 'off'>;
  /** Texts longer than this (UTF-16 code units) are not analysed; one information finding says so. */
  maxTextLength?: number;
  /**
   * Stages and rules that would start after this many milliseconds are skipped, with one information
   * finding naming them: an editor gets what was found instead of waiting. None by default (the CLI).
   */
  timeBudgetMs?: number;
}
