import abbreviationData from '../data/abbreviations.json';
import type { Span } from '../model';

const abbreviations = new Set(abbreviationData.abbreviations);

export type TokenType = 'word' | 'punct';

export interface Token extends Span {
  text: string;
  lower: string;
  type: TokenType;
  /** True when the token lies inside a quotation (any quote, not only the one being attributed). */
  quoted: boolean;
  /** First letter is upper case ("Kim", "G.K.", "PENCE"). */
  capitalized: boolean;
}

// A word: letters or digits, with inner apostrophes, hyphens and full stops ("don’t", "Kye-Gwan", "G.K");
// a typewriter dash ("--") is one token, like "—".
const TOKEN = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*|-{2,}|\S/gu;

/** Made by a constructor rather than an object literal, which V8 may start allocating as long-lived (see dates/tokens.ts). */
class QuoteToken implements Token {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly lower: string,
    readonly type: TokenType,
    readonly quoted: boolean,
    readonly capitalized: boolean,
  ) {}
}

const WORD_START = /[\p{L}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;

/** Checks of a token's first character, by character code for ASCII (most tokens; a regular expression costs more). */
function startsWord(token: string): boolean {
  const c = token.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_START.test(token[0]);
}

function startsUpper(token: string): boolean {
  const c = token.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(token);
}

/**
 * Tokens of text[span), with abbreviation and initial full stops kept on their word ("Rep.", "W.").
 * `quotedSpans` are the insides of the quotations (marks excluded), sorted.
 */
export function tokenize(text: string, span: Span, quotedSpans: Span[]): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  let q = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const start = span.start + m.index;
    let end = start + m[0].length;
    const isWord = startsWord(m[0]);
    if (isWord && text[end] === '.' && end < span.end) {
      const lower = m[0].toLowerCase();
      // An abbreviation, an initial, or a full stop followed by a comma or bracket ("R-Ky.,", "(D-Wis.)").
      if (m[0].length === 1 || lower.includes('.') || abbreviations.has(lower) || /[,;)]/.test(text[end + 1] ?? '')) {
        end++;
        TOKEN.lastIndex++;
      }
    }
    const word = end - start === m[0].length ? m[0] : text.slice(start, end);
    while (q < quotedSpans.length && quotedSpans[q].end <= start) q++;
    const quoted = q < quotedSpans.length && quotedSpans[q].start <= start;
    tokens.push(new QuoteToken(start, end, word, word.toLowerCase(), isWord ? 'word' : 'punct', quoted, isWord && startsUpper(word)));
  }
  return tokens;
}

/** A dash standing alone between words: "—", "–", "--" or a spaced hyphen. */
export function isDash(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'punct' && /^(?:[―—–]|-+)$/.test(t.text);
}
