import type { QuoteLexicon } from './lexicon';
import { isDash, type Token } from './tokens';

/**
 * Speaker phrases and cues read off the tokens of one line: "said Yang Moo-Jin", "the senator said",
 * "Flynn, a top Trump surrogate, said", "according to the Post".
 */

export interface Cue {
  /** Token range of the cue: one verb, or a phrase such as "according to". */
  first: number;
  last: number;
  /** "verb": the speaker is its subject (or follows it when inverted); "phrase": the speaker follows it. */
  kind: 'verb' | 'phrase';
  inverting: boolean;
  /** "-ing" forms ("saying", "adding") take the subject of the clause they hang on. */
  participle: boolean;
}

/** An inclusive token range naming a speaker. */
export interface Phrase {
  first: number;
  last: number;
}

const NAME_CONNECTORS = new Set(['de', 'del', 'della', 'der', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'da', 'dos', 'du', 'st.', 'y']);
const MAX_PHRASE_WORDS = 9;

export function isWord(t: Token | undefined): t is Token {
  return t !== undefined && t.type === 'word' && !t.quoted;
}

function isPossessive(t: Token): boolean {
  return /['’]s?$/.test(t.text) && t.text.length > 2;
}

/** The cue starting at token i, if any. */
export function cueAt(lexicon: QuoteLexicon, tokens: Token[], i: number): Cue | null {
  const t = tokens[i];
  if (!isWord(t)) return null;
  for (const phrase of lexicon.phrases) {
    if (phrase[0] !== t.lower) continue;
    let ok = true;
    for (let k = 1; k < phrase.length && ok; k++) ok = isWord(tokens[i + k]) && tokens[i + k].lower === phrase[k];
    if (ok) return { first: i, last: i + phrase.length - 1, kind: 'phrase', inverting: false, participle: false };
  }
  if (!lexicon.verbs.has(t.lower)) return null;
  // A capitalised verb is a cue only inside a title-case headline run ("Obama Says …").
  if (t.capitalized && t.text !== t.text.toUpperCase() && !(lexicon.headline.has(t.lower) && tokens[i - 1]?.capitalized && !tokens[i - 1].quoted)) return null;
  const prev = tokens[i - 1];
  if (isWord(prev) && lexicon.determiners.has(prev.lower) && prev.lower !== 'that') return null; // "a warning", "the report"
  return {
    first: i,
    last: i,
    kind: 'verb',
    inverting: lexicon.inverting.has(t.lower),
    participle: t.lower.endsWith('ing'),
  };
}

function isNameWord(lexicon: QuoteLexicon, t: Token): boolean {
  if (!t.capitalized) return false;
  // Sentence-initial function words are capitalised too: "But", "In", "When".
  return !lexicon.clauseBreaks.has(t.lower) && !lexicon.temporal.has(t.lower);
}

/**
 * The speaker phrase starting at token i and reading rightwards ("the senator", "Rep. Jim Clyburn",
 * "a spokesman for the campaign", "he"), stopping before `limit`.
 */
const PAST_TENSE = /[a-z]ed$/;

/** "It’s", "that’s", "there’s": a pronoun and "is" or "has", not a possessive. */
const CONTRACTED_IS = /^(?:it|that|he|she|there|here|what|who|where|this|let)['’]s$/;

export function phraseAt(lexicon: QuoteLexicon, tokens: Token[], i: number, limit: number): Phrase | null {
  const t = tokens[i];
  if (!isWord(t) || i >= limit) return null;
  if (lexicon.pronounGender.has(t.lower)) return { first: i, last: i };
  let j = i;
  let determiner = false;
  if (lexicon.determiners.has(t.lower) && !t.capitalized) determiner = true;
  else if (t.capitalized && lexicon.determiners.has(t.lower)) determiner = true; // "The Post"
  if (determiner) j++;
  let last = -1;
  let words = 0;
  for (; j < limit && words < MAX_PHRASE_WORDS; j++) {
    const w = tokens[j];
    if (!isWord(w)) break;
    // "the senator rallied supporters": a past tense after the noun is the clause's verb ("the newly elected mayor" is not).
    if (determiner && last >= 0 && !w.capitalized && PAST_TENSE.test(w.lower) && !/ly$/.test(tokens[j - 1].lower)) break;
    if (isNameWord(lexicon, w)) last = j;
    else if (NAME_CONNECTORS.has(w.lower) && tokens[j + 1]?.capitalized && last >= 0) continue;
    else if (!w.capitalized && (determiner || lexicon.sourceNouns.has(w.lower)) && !lexicon.clauseBreaks.has(w.lower) && !lexicon.verbs.has(w.lower) && !lexicon.temporal.has(w.lower)) last = j;
    // "said former Utah governor Michael Leavitt": title words lead to the name, but do not end the phrase themselves.
    else if (!w.capitalized && lexicon.titleWords.has(w.lower) && !lexicon.verbs.has(w.lower) && !lexicon.temporal.has(w.lower)) {
      words++;
      continue;
    } else break;
    words++;
    if (isPossessive(w)) {
      if (!isWord(tokens[j + 1])) break;
      // "Clinton’s right-hand woman": a possessive determines the noun phrase after it ("It’s become" is no possessive).
      if (!CONTRACTED_IS.test(w.lower)) determiner = true;
    }
  }
  if (last < 0) return null;
  // "a spokesman for the campaign", "the head of the agency"
  const next = tokens[last + 1];
  if (isWord(next) && (next.lower === 'for' || next.lower === 'of' || next.lower === 'at') && lexicon.sourceNouns.has(tokens[last].lower)) {
    const tail = phraseAt(lexicon, tokens, last + 2, limit);
    if (tail) last = tail.last;
  }
  return { first: i, last };
}

/**
 * "Ratners's chairman, Gerald Ratner,", "Henry Clay's biographers, David and Jeanne Heidler,": a
 * common-noun phrase followed by the name of who it is. The name speaks; the phrase before it
 * (and any possessive owner in it) only describes them.
 */
export function appositiveName(lexicon: QuoteLexicon, tokens: Token[], phrase: Phrase, limit: number): Phrase | null {
  const head = tokens[phrase.last];
  if (!isWord(head) || head.capitalized || lexicon.pronounGender.has(head.lower) || tokens[phrase.last + 1]?.text !== ',') return null;
  const first = phrase.last + 2;
  let last = -1;
  for (let j = first; j < limit && j < first + MAX_PHRASE_WORDS; j++) {
    const w = tokens[j];
    if (!isWord(w)) break;
    if (isNameWord(lexicon, w) && !isPossessive(w)) last = j;
    else if ((w.lower === 'and' || NAME_CONNECTORS.has(w.lower)) && last >= 0 && tokens[j + 1]?.capitalized) continue;
    else return null;
  }
  if (last < 0) return null;
  // The name ends the apposition: a comma, a bracket ("(R-Ky.)") or the end of the sentence follows.
  const after = tokens[last + 1];
  return after === undefined || (after.type === 'punct' && /^[,.;(]$/.test(after.text)) ? { first, last } : null;
}

/** A parenthesis may hold full stops ("(D-Wis.)"); an apposition between commas may not. */
function stopsGroup(t: Token, opener: string): boolean {
  if (t.type !== 'punct') return false;
  if (t.quoted || /["“”‘’«»]/.test(t.text)) return true;
  return opener !== '(' && /[.;:!?]/.test(t.text);
}

/** Index of the token that closes the group opened at i ("(" → ")", "," → ","), or -1. */
export function skipForward(tokens: Token[], i: number, limit: number): number {
  const open = tokens[i]?.text;
  const closer = open === '(' ? ')' : open === ',' ? ',' : isDash(tokens[i]) ? open : null;
  if (!closer) return -1;
  for (let j = i + 1; j < limit && j < i + 30; j++) {
    if (tokens[j].text === closer) return j;
    if (stopsGroup(tokens[j], open)) return -1;
  }
  return -1;
}

/** Index of the token that opens the group closed at i, or -1. */
export function skipBackward(tokens: Token[], i: number, floor: number): number {
  const close = tokens[i]?.text;
  const opener = close === ')' ? '(' : close === ',' ? ',' : isDash(tokens[i]) ? close : null;
  if (!opener) return -1;
  for (let j = i - 1; j >= floor && j > i - 30; j--) {
    if (tokens[j].text === opener) return j;
    if (stopsGroup(tokens[j], opener)) return -1;
  }
  return -1;
}

/** From token i, skip adverbs and auxiliaries ("also", "has", "later") reading right; returns the next index. */
function skipSkippable(lexicon: QuoteLexicon, tokens: Token[], i: number, limit: number): number {
  let j = i;
  while (j < limit && j < i + 4 && isWord(tokens[j]) && lexicon.skippable.has(tokens[j].lower) && !lexicon.verbs.has(tokens[j].lower)) j++;
  return j;
}

/**
 * A speaker phrase followed by a cue, starting at token i: "Flynn, a top Trump surrogate, said",
 * "he told", "Rep. Gwen Moore (D-Wis.) said". Returns the phrase and the cue.
 */
export function phraseThenCue(lexicon: QuoteLexicon, tokens: Token[], i: number, limit: number): { phrase: Phrase; cue: Cue } | null {
  const phrase = phraseAt(lexicon, tokens, i, limit);
  if (!phrase) return null;
  let j = phrase.last + 1;
  for (let groups = 0; groups < 2; groups++) {
    const end = skipForward(tokens, j, limit);
    if (end < 0) break;
    // "Flynn, a top Trump surrogate, said": the verb comes right after the closing comma.
    j = end + 1;
  }
  j = skipSkippable(lexicon, tokens, j, limit);
  const cue = cueAt(lexicon, tokens, j);
  if (!cue || cue.kind !== 'verb') return null;
  return { phrase: appositiveName(lexicon, tokens, phrase, cue.first) ?? phrase, cue };
}

/** The subject of the cue verb at token c, reading leftwards but not before `floor`. */
export function subjectBefore(lexicon: QuoteLexicon, tokens: Token[], c: number, floor: number): Phrase | null {
  let j = c - 1;
  while (j >= floor && j > c - 5 && isWord(tokens[j]) && (lexicon.skippable.has(tokens[j].lower) || isAdverb(tokens[j]) || isDay(lexicon, tokens[j])) && !lexicon.pronounGender.has(tokens[j].lower)) j--;
  for (let groups = 0; groups < 2 && j >= floor; groups++) {
    if (tokens[j].text !== ')' && tokens[j].text !== ',') break;
    const open = skipBackward(tokens, j, floor);
    if (open < 0) return null;
    j = open - 1;
  }
  if (j < floor || !isWord(tokens[j])) return null;
  if (lexicon.pronounGender.has(tokens[j].lower)) return { first: j, last: j };
  const last = j;
  let first = -1;
  let lowercase = 0;
  for (; j >= floor && last - j < MAX_PHRASE_WORDS; j--) {
    const w = tokens[j];
    if (!isWord(w)) break;
    if (w.lower === 'that') break; // "the plan that Kim said": a relative pronoun, not a determiner
    if (lexicon.determiners.has(w.lower)) {
      first = j;
      break;
    }
    if (isNameWord(lexicon, w) || (NAME_CONNECTORS.has(w.lower) && first >= 0)) first = j;
    else if (!w.capitalized && !lexicon.clauseBreaks.has(w.lower) && !lexicon.verbs.has(w.lower) && !lexicon.temporal.has(w.lower) && lowercase < 4) {
      lowercase++;
      first = j;
    } else if ((w.lower === 'for' || w.lower === 'of' || w.lower === 'at') && isWord(tokens[j - 1]) && lexicon.sourceNouns.has(tokens[j - 1].lower)) {
      first = j;
    } else break;
  }
  if (first < 0 || !plausibleSpeaker(lexicon, tokens, first, last)) return null;
  return appositiveName(lexicon, tokens, { first, last }, c) ?? { first, last };
}

/** "Kim on Tuesday said", "One senior official Monday described": a day between subject and verb. */
function isDay(lexicon: QuoteLexicon, t: Token): boolean {
  return lexicon.temporal.has(t.lower) && /(?:day|night)$/.test(t.lower);
}

/** "increasingly", "widely": adverbs stand between a speaker and the verb but never head a phrase. */
function isAdverb(t: Token): boolean {
  return !t.capitalized && /ly$/.test(t.lower) && t.lower.length > 4;
}

/**
 * A phrase read leftwards from a verb may be a speaker when it holds a name or a pronoun, or ends in a
 * speaking noun ("the senator", "officials", "the statement"); not "his home" (state) or "the timing".
 */
function plausibleSpeaker(lexicon: QuoteLexicon, tokens: Token[], first: number, last: number): boolean {
  const head = tokens[last];
  if (isAdverb(head) || (/['’]s?$/.test(head.text) && head.text.length > 2)) return false;
  if (/^\p{N}/u.test(head.text)) return false;
  for (let j = first; j <= last; j++) if (isNameWord(lexicon, tokens[j]) && !(j === first && lexicon.determiners.has(tokens[j].lower))) return true;
  return lexicon.sourceNouns.has(head.lower) || (/[^su]s$/.test(head.lower) && !/(?:ss|is|us)$/.test(head.lower));
}

/** The first word of the clause around token i: after the previous sentence end, colon or quote. */
export function clauseStart(tokens: Token[], i: number, floor: number): number {
  // "WASHINGTON, Dec. 8 (UPI) — …": a wire dateline ends at its dash.
  const dateline = tokens[floor] !== undefined && /^\p{Lu}{2,}$/u.test(tokens[floor].text);
  let j = i;
  while (j > floor && !(tokens[j - 1].type === 'punct' && /[.!?;:]/.test(tokens[j - 1].text) && !tokens[j - 1].quoted) && !(dateline && isDash(tokens[j - 1]))) j--;
  return j;
}
