import { isWhiteSpaceCode } from '../chars';
/** Word, number and punctuation tokens with their offsets; the unit the date grammar works on. */
export interface Token {
  /** As written. */
  text: string;
  /** Lower case, with typographic apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'num' | 'punct';
  /** White space separates this token from the previous one. */
  gap: boolean;
}

/**
 * Tokens are made by a constructor, not an object literal: V8 may decide that a literal's objects live long
 * (when a collection happens to find many of them alive) and from then on allocate them in the old
 * generation, which made tokenizing several times slower in some runs. Constructed objects are never moved there.
 */
class DateToken implements Token {
  constructor(
    readonly text: string,
    readonly lower: string,
    readonly start: number,
    readonly end: number,
    readonly kind: Token['kind'],
    readonly gap: boolean,
  ) {}
}

const LETTER = /\p{L}/u;

function isLetter(text: string, code: number, i: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(text[i]);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}


/** Letters runs ("Friday's" is "Friday", "'", "s"), digit runs, or one other character; a linear scan. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let gap = false;
  for (let i = from; i < to; ) {
    const code = text.charCodeAt(i);
    if (isWhiteSpaceCode(code)) {
      gap = true;
      i++;
      continue;
    }
    let end = i + 1;
    let kind: Token['kind'];
    // A word of lower-case ASCII letters is its own lower case: most words, spared a copy.
    let lowerAscii = false;
    if (isDigit(code)) {
      kind = 'num';
      while (end < to && isDigit(text.charCodeAt(end))) end++;
    } else if (isLetter(text, code, i)) {
      kind = 'word';
      lowerAscii = code >= 97 && code <= 122;
      for (; end < to; end++) {
        const c = text.charCodeAt(end);
        if (!isLetter(text, c, end)) break;
        if (c < 97 || c > 122) lowerAscii = false;
      }
    } else kind = 'punct';
    const raw = text.slice(i, end);
    let lower = kind === 'word' && !lowerAscii ? raw.toLowerCase() : raw;
    if (kind === 'punct' && (raw === '’' || raw === '‘' || raw === '`' || raw === '´')) lower = "'";
    tokens.push(new DateToken(raw, lower, i, end, kind, gap));
    gap = false;
    i = end;
  }
  return tokens;
}
