import { isWhiteSpaceCode } from '../chars';
import abbreviationData from '../data/abbreviations.json';
import titleCaseMarkerData from '../data/title-case-markers.json';
import type { Span } from '../model';

/** A word or punctuation mark. For "Kim's", `text` is "Kim", `end` excludes the possessive and `possessive` is set. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower case, apostrophes unified to ', without a final full stop. */
  lower: string;
  isWord: boolean;
  /** First letter upper case ("Kim", "McCain", "al-Assad" is not). */
  cap: boolean;
  /** Two or more letters, all upper case ("RIA", "IST"). */
  allCaps: boolean;
  possessive: boolean;
  /** End of the token including its possessive ending. */
  fullEnd: number;
  /** "W.", "H.W.", "J.": a single letter or a chain of them, with a full stop. */
  initial: boolean;
  /** First word of its sentence (after any opening quotation marks or brackets). */
  sentenceStart: boolean;
  /** Index of the sentence in the paragraph; a sentence cut after initials ("George H.W. | Bush") goes on. */
  sentence: number;
  /** The sentence is written all in capitals (a headline): capitals say nothing there. */
  capsLine: boolean;
}

/** Made by a constructor rather than an object literal, which V8 may start allocating as long-lived (see dates/tokens.ts). */
class PeopleToken implements Token {
  sentenceStart = false;
  capsLine = false;
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly lower: string,
    readonly isWord: boolean,
    readonly cap: boolean,
    readonly allCaps: boolean,
    readonly possessive: boolean,
    readonly fullEnd: number,
    readonly initial: boolean,
    readonly sentence: number,
  ) {}
}

const ABBREVIATIONS = new Set(abbreviationData.abbreviations);

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;


/** A party and state after a US politician's name: "D-Va", "R-Texas", "R-TX", "R-S.C", "D-N.Y" (the final full stop is a token of its own). */
const PARTY_STATE = /^[DRI]-(?:[A-Z][A-Za-z]{0,4}|[A-Z]\.[A-Z][a-z]?)$/;

export function isPartyState(t: Token): boolean {
  return t.isWord && PARTY_STATE.test(t.text);
}

/** Short words that only a title-case headline capitalises inside a line. */
const TITLE_CASE_MARKERS = new Set([...titleCaseMarkerData.words, ...titleCaseMarkerData.verbs]);

/** Whether a capitalised word inside a line marks it as title case ("Justice Against Sponsors"); "of" and "for" also join titles to what they govern ("Secretary of State"). */
export function isTitleCaseMarker(t: Token): boolean {
  return t.cap && t.lower !== 'of' && t.lower !== 'for' && TITLE_CASE_MARKERS.has(t.lower);
}

/** Verbs that a title-case line capitalises ("Is", "Could", "Says"): never a word of a name. */
export const CAPITALISED_VERBS: ReadonlySet<string> = new Set(titleCaseMarkerData.verbs);
const HYPHEN = 45;
const DOT = 46;
const LOWER_S = 115;
const UPPER_S = 83;
const INITIALS = /^\p{Lu}(?:\.\p{Lu})*$/u;

function isWordCode(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return c === c && WORD_CHAR.test(text[at]);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 96 || c === 0xb4;
}

function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Upper-case and lower-case letter counts of a word. */
function letterCase(word: string): { upper: number; lower: number } {
  let upper = 0;
  let lower = 0;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 128) {
      const ch = word[k];
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  return { upper, lower };
}

const OTHER_APOSTROPHES = /[’`´]/g;

function normalise(s: string): string {
  // Most words are lower-case ASCII, which neither conversion changes (though each would copy them).
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128 || c === 96) return s.toLowerCase().replace(OTHER_APOSTROPHES, "'");
  }
  return s;
}

/** Cuts one paragraph's text into tokens, one linear pass per sentence. */
export function tokenize(text: string, sentences: readonly Span[], extraAbbreviations: Set<string>): Token[] {
  const tokens: Token[] = [];
  let sentenceIndex = -1;
  for (const sentence of sentences) {
    const previous = tokens[tokens.length - 1];
    // "George H.W. Bush": a sentence cut after initials is no sentence end.
    const continues = previous !== undefined && previous.initial && previous.text.length > 2 && isUpper(text[sentence.start]);
    if (!continues) sentenceIndex++;
    let firstWord: Token | undefined;
    let words = 0;
    let upperWords = 0;
    let capitalised = 0;
    let titleCaseMarker = false;
    const wordsFrom = tokens.length;
    let i = sentence.start;
    while (i < sentence.end) {
      const ch = text[i];
      if (isWhiteSpaceCode(text.charCodeAt(i))) {
        i++;
        continue;
      }
      if (!isWordCode(text, i)) {
        // "``" and "''" are quotation marks in wire copy; keep them as one token.
        const pair = (ch === '`' || ch === "'") && text[i + 1] === ch ? 2 : 1;
        tokens.push(punct(text, i, i + pair, sentenceIndex));
        i += pair;
        continue;
      }
      let end = i;
      for (;;) {
        while (end < sentence.end && isWordCode(text, end)) end++;
        const sep = text.charCodeAt(end);
        // Joined by a hyphen or an apostrophe ("Kye-Gwan", "O'Neill", "Russia`s"), or initials ("H.W").
        if ((sep === HYPHEN || isApostrophe(sep)) && isWordCode(text, end + 1)) {
          end++;
          continue;
        }
        if (sep === DOT && end - i <= 3 && isWordCode(text, end + 1) && !isWordCode(text, end + 2) && !isWordCode(text, end - 2)) {
          end++;
          continue;
        }
        break;
      }
      let wordEnd = end;
      let possessive = false;
      const last = text.charCodeAt(end - 1);
      if (end - i > 2 && (last === LOWER_S || last === UPPER_S) && isApostrophe(text.charCodeAt(end - 2))) {
        wordEnd = end - 2;
        possessive = true;
      } else if ((last === LOWER_S || last === UPPER_S) && isApostrophe(text.charCodeAt(end)) && !isWordCode(text, end + 1) && text[end + 1] !== text[end]) {
        // "Sanders' adviser" (but not the wire-copy quotation mark "Sanders''")
        possessive = true;
        end++;
      }
      const word = text.slice(i, wordEnd);
      let lowered = normalise(word);
      let initial = false;
      let withDot = word;
      if (!possessive && text.charCodeAt(end) === DOT) {
        const isInitial = INITIALS.test(word);
        if (isInitial || ABBREVIATIONS.has(lowered) || extraAbbreviations.has(lowered)) {
          // "U.S." and "U.K." are abbreviations, not a person's initials.
          initial = isInitial && !(lowered.includes('.') && ABBREVIATIONS.has(lowered));
          end++;
          wordEnd = end;
          withDot = text.slice(i, wordEnd);
        }
      }
      if (lowered.endsWith('.')) lowered = lowered.slice(0, -1);
      const { upper, lower } = letterCase(word);
      const token = new PeopleToken(withDot, i, wordEnd, lowered, true, isUpper(word[0]), upper >= 2 && lower === 0, possessive, end, initial, sentenceIndex);
      tokens.push(token);
      firstWord ??= token;
      words++;
      if (token.allCaps || (lowered.length === 1 && token.cap)) upperWords++;
      if (token.cap) {
        capitalised++;
        if (words > 1 && TITLE_CASE_MARKERS.has(lowered)) titleCaseMarker = true;
      }
      i = end;
    }
    if (firstWord && !continues) firstWord.sentenceStart = true;
    // A headline in capitals, or in title case ("Pence Gives GOP A Boost With Solid Debate Win"): capitals say nothing there.
    const titleCase = words >= 4 && capitalised >= words * 0.8 && titleCaseMarker;
    if ((words >= 3 && upperWords >= words * 0.8) || titleCase) {
      for (let k = wordsFrom; k < tokens.length; k++) if (tokens[k].isWord) tokens[k].capsLine = true;
    }
  }
  return tokens;
}

function punct(text: string, start: number, end: number, sentence: number): Token {
  const mark = end - start === 1 ? text[start] : text.slice(start, end);
  return new PeopleToken(mark, start, end, mark, false, false, false, false, end, false, sentence);
}
