import { TITLE_CASE_SMALL_WORDS } from '../titleCase';
import type { QuoteLexicon } from './lexicon';
import type { Token } from './tokens';

/**
 * Speech or not: a quotation nobody speaks is a scare quote ("the so-called “alt-right”"), a
 * title ("the film “Selma”") or a word under discussion. Such quotes expect no speaker.
 */

const ARTICLES = new Set(['the', 'a', 'an']);
const TITLE_CONTEXT = new Set(['on', 'in', 'at', 'of', 'from', 'for', 'to', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'and', 'with', 'about', 'called', 'named', 'titled', 'entitled']);

export interface QuoteShape {
  /** Word tokens inside the quotation. */
  words: Token[];
  /** True when the quotation starts its sentence (nothing but other quotes before it). */
  startsSentence: boolean;
  /** True when the quotation holds a full sentence or more ("…ready." or "…, we said"). */
  sentential: boolean;
  /** True when the quoted words end with a full stop, question or exclamation mark. */
  endsWithStop: boolean;
  /** True when the line around it is in title case (a headline), where every quote looks like a title. */
  inHeadline: boolean;
}

/**
 * Does the text just before the quote announce a word or title ("so-called", "the term", "titled"),
 * or name a work whose title it is ("the podcast “So, That Happened.”")? After a work noun only a
 * quotation in title case is a title: "called the show “the conservative news show of record”" is speech.
 */
export function introducedAsTerm(lexicon: QuoteLexicon, tokens: Token[], open: number, words: Token[]): boolean {
  const before = tokens[open - 1];
  if (before?.type === 'word' && !before.quoted && lexicon.workNouns.has(before.lower) && looksLikeTitle(words)) return true;
  // "known as the “Buffett rule”": the introducer may stand before an article.
  const ends = [open];
  if (open > 0 && tokens[open - 1].type === 'word' && ARTICLES.has(tokens[open - 1].lower)) ends.push(open - 1);
  for (const end of ends) {
    for (const phrase of lexicon.scareIntroducers) {
      let j = end - 1;
      let ok = true;
      for (let k = phrase.length - 1; k >= 0 && ok; k--, j--) ok = j >= 0 && tokens[j].type === 'word' && tokens[j].lower === phrase[k];
      if (ok) return true;
    }
  }
  return false;
}

export function looksLikeTitle(words: Token[]): boolean {
  if (words.length === 0 || words.length > 10) return false;
  return words.every((w, i) => w.capitalized || /^\p{N}/u.test(w.text) || (i > 0 && TITLE_CASE_SMALL_WORDS.has(w.lower)));
}

/** Whether a quotation without a found attribution still reads as someone's words. */
export function expectsSpeaker(lexicon: QuoteLexicon, tokens: Token[], open: number, shape: QuoteShape, attributed: boolean): boolean {
  if (introducedAsTerm(lexicon, tokens, open, shape.words)) return false;
  // Headlines quote speech in title case: "Lawmakers Rip Trump As A ‘Disgusting Fraud.’"
  if (shape.inHeadline) return true;
  // "said on “Morning Joe”", "a screening of “13th”": a title after a preposition or determiner.
  const before = tokens[open - 1];
  if (looksLikeTitle(shape.words) && before?.type === 'word' && (TITLE_CONTEXT.has(before.lower) || /['’]s$/.test(before.text))) return false;
  if (attributed) return true;
  if (shape.sentential) return true;
  // "“Smart homes” have emerged": a few words the sentence goes on from are its subject, a term.
  if (shape.startsSentence && shape.words.length > 4) return !looksLikeTitle(shape.words);
  if (looksLikeTitle(shape.words)) return false;
  return shape.words.length > 4;
}
