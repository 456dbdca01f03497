import type { QuoteLexicon } from './lexicon';
import { appositiveName, clauseStart, cueAt, isWord, phraseAt, phraseThenCue, skipBackward, skipForward, subjectBefore, type Cue, type Phrase } from './phrases';
import { isDash, type Token } from './tokens';

/**
 * Finding the attribution of one quotation inside its own sentence: after it ("…," said Yang /
 * "…," Yang said), before it (Yang said: "…" / Trump called it "a charm offensive"), or around a
 * quote broken by its attribution ("We are ready," she said, "to talk.").
 */

export interface Attribution {
  phrase: Phrase;
  cue: Cue | null;
}

/** The source named after a cue: "according to the Post", "said the group's chairman, John Smith". */
function sourceAfterCue(lexicon: QuoteLexicon, tokens: Token[], cue: Cue, limit: number): Phrase | null {
  const phrase = phraseAt(lexicon, tokens, cue.last + 1, limit);
  return phrase && (appositiveName(lexicon, tokens, phrase, limit) ?? phrase);
}

/** True when the token ends a sentence outside quotations. */
export function endsSentence(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.quoted || t.type !== 'punct') return false;
  if (t.text !== '.' && t.text !== '!' && t.text !== '?') return false;
  // "(D-Wis.) said", "Inc., a firm": a full stop inside a phrase, not at a sentence end.
  const next = tokens[i + 1];
  if (next && (/^[),;:]$/.test(next.text) || (next.type === 'word' && !next.capitalized && !next.quoted))) return false;
  return true;
}

/** Index of the first token of the sentence containing token i (line-local, quote-aware). */
export function sentenceStartOf(tokens: Token[], i: number, floor: number): number {
  let j = i;
  while (j > floor && !endsSentence(tokens, j - 1)) j--;
  return j;
}

/** Index just past the sentence containing token i. */
export function sentenceEndOf(tokens: Token[], i: number, limit: number): number {
  let j = i;
  while (j < limit && !endsSentence(tokens, j)) j++;
  return Math.min(limit, j + 1);
}

/** Attribution right after the quote that ends at token `close`: "…," said X / "…," X said. */
export function attributionAfter(lexicon: QuoteLexicon, tokens: Token[], close: number, limit: number): Attribution | null {
  let i = close + 1;
  while (i < limit && tokens[i].type === 'punct' && (/^[,;)]$/.test(tokens[i].text) || (isDash(tokens[i]) && tokens[i].text !== '―'))) i++;
  if (i >= limit) return null;
  // "“…” ― Sonya Herridge": a name after a quotation dash, alone to the end of the line.
  if (tokens[i].text === '―') {
    const phrase = phraseAt(lexicon, tokens, i + 1, tokens.length);
    const rest = phrase ? tokens.slice(phrase.last + 1) : [];
    if (phrase && rest.every((t) => t.type === 'punct' && /^[.,]$/.test(t.text))) return { phrase, cue: null };
    return null;
  }
  const cue = cueAt(lexicon, tokens, i);
  if (cue) {
    if (cue.kind === 'phrase' || cue.inverting) {
      const phrase = sourceAfterCue(lexicon, tokens, cue, limit);
      if (phrase && !introducesNext(tokens, phrase.last + 1)) return { phrase, cue };
    }
    return null;
  }
  const found = phraseThenCue(lexicon, tokens, i, limit);
  if (!found || introducesNext(tokens, found.cue.last + 1)) return null;
  return { phrase: found.phrase, cue: found.cue };
}

/**
 * "“A.” Park added: “B.”": an attribution ending in a colon or running straight into the next
 * quotation introduces that one, not the quotation before it.
 */
function introducesNext(tokens: Token[], from: number): boolean {
  for (let j = from; j < tokens.length && j < from + 8; j++) {
    const t = tokens[j];
    if (t.type !== 'punct') continue;
    if (t.text === ':') return true;
    return !t.quoted && /^["“‘'«]$/.test(t.text) && j === from;
  }
  return false;
}

/** Words that open a clause before its subject: "And then Trump went …". */
const CONJUNCTIONS = new Set(['and', 'but', 'so', 'yet', 'or', 'nor']);

/** The subject of a participle cue ("…, saying"): the subject of the clause it hangs on. */
function participleSubject(lexicon: QuoteLexicon, tokens: Token[], cue: Cue, floor: number): Phrase | null {
  for (let j = cue.first - 1; j >= floor; j--) {
    const other = cueAt(lexicon, tokens, j);
    // "Continuing to explain his view, Carson rejected …": an infinitive has no subject of its own.
    if (other && other.kind === 'verb' && !other.participle && tokens[j - 1]?.lower !== 'to') {
      const subject = subjectBefore(lexicon, tokens, j, floor);
      if (subject) return subject;
    }
  }
  let start = clauseStart(tokens, cue.first, floor);
  // "In June 2009, after Clinton suffered a concussion, Axelrod emailed her, telling her …"
  const subject = clauseSubject(lexicon, tokens, cue.first, start);
  if (subject) return subject;
  // "And then Trump went on the attack, saying …": past the connectives that open the clause
  while (start < cue.first && isWord(tokens[start]) && (CONJUNCTIONS.has(tokens[start].lower) || lexicon.skippable.has(tokens[start].lower))) start++;
  return phraseAt(lexicon, tokens, start, cue.first);
}

/** The nearest cue before the quote (from token `open` back to `floor`) that has a speaker. */
export function attributionBefore(lexicon: QuoteLexicon, tokens: Token[], open: number, floor: number): Attribution | null {
  for (let j = open - 1; j >= floor; j--) {
    const aside = asideOpener(tokens, j, floor);
    if (aside >= 0) {
      j = aside;
      continue;
    }
    if (!isWord(tokens[j])) continue;
    const cue = cueAt(lexicon, tokens, j);
    if (!cue) continue;
    let phrase: Phrase | null;
    if (cue.kind === 'phrase') phrase = sourceAfterCue(lexicon, tokens, cue, open);
    else if (cue.participle) phrase = participleSubject(lexicon, tokens, cue, floor);
    else phrase = subjectBefore(lexicon, tokens, cue.first, floor) ?? clauseSubject(lexicon, tokens, cue.first, floor);
    if (phrase) return { phrase, cue };
  }
  for (let j = open - 1; j > floor; j--) {
    const aside = asideOpener(tokens, j, floor);
    if (aside >= 0) {
      j = aside;
      continue;
    }
    const owner = isWord(tokens[j]) ? possessiveSpeaker(lexicon, tokens, j, floor) : null;
    if (owner) return owner;
  }
  return headlineSpeaker(lexicon, tokens, open, floor);
}

/**
 * "Sean Spicer -- as Clinton's campaign noted this week -- even promoted …": an aside between dashes or
 * brackets inside a clause, closed at token j, speaks for itself, not for the quotation after it.
 * Returns the index of its opening mark, or -1.
 */
function asideOpener(tokens: Token[], j: number, floor: number): number {
  const close = tokens[j];
  if (!(isDash(close) || close.text === ')') || !isWord(tokens[j + 1])) return -1;
  const opener = skipBackward(tokens, j, floor);
  return opener > floor && isWord(tokens[opener - 1]) ? opener : -1;
}

/**
 * The subject of the sentence a cue belongs to when the cue has none of its own: "The nominee
 * outlined his plan and vowed to punish “…”", "In recent weeks, Reid has gone after Trump as “…”".
 * The first phrase of the sentence, or of the part after an opening adverbial comma.
 */
export function clauseSubject(lexicon: QuoteLexicon, tokens: Token[], before: number, floor: number): Phrase | null {
  const candidates = [floor];
  for (let j = floor; j < before && candidates.length < 3; j++) if (tokens[j].text === ',' && !tokens[j].quoted) candidates.push(j + 1);
  for (const start of candidates) {
    const phrase = phraseAt(lexicon, tokens, start, before);
    if (!phrase || !subjectLike(tokens, phrase)) continue;
    // "Reid, the minority leader, has …", "Spicer -- as the campaign noted -- even promoted …"
    const groupEnd = skipForward(tokens, phrase.last + 1, before);
    const next = tokens[groupEnd >= 0 ? groupEnd + 1 : phrase.last + 1];
    if (next && next.type === 'word' && !next.quoted && !next.capitalized) return phrase;
  }
  return null;
}

/**
 * Not a subject: an opening participle ("Speaking", "Horrified"), a contraction ("It's", "I'm"), or
 * an all-capitals dateline ("WASHINGTON —").
 */
function subjectLike(tokens: Token[], phrase: Phrase): boolean {
  if (phrase.first !== phrase.last) return true;
  const t = tokens[phrase.first];
  if (/['’]/.test(t.text)) return false;
  if (/(?:ing|ed)$/.test(t.lower) && t.text.length > 5) return false;
  const next = tokens[phrase.first + 1];
  return !(t.text.length > 1 && t.text === t.text.toUpperCase() && isDash(next));
}

/** Headline style: "Sanders: Clinton needs to ‘get away from …’", "Obama on Climate Change: …". */
function headlineSpeaker(lexicon: QuoteLexicon, tokens: Token[], open: number, floor: number): Attribution | null {
  if (floor !== 0) return null;
  let colon = -1;
  for (let j = 0; j < open; j++) if (tokens[j].text === ':' && !tokens[j].quoted) colon = j;
  if (colon < 1) return null;
  const phrase = phraseAt(lexicon, tokens, 0, colon);
  if (!phrase) return null;
  const next = tokens[phrase.last + 1];
  if (phrase.last + 1 === colon || (next.lower === 'on' && tokens[colon - 1].capitalized)) return { phrase, cue: null };
  return null;
}

/** "Rubio’s claim that …", "Hoff’s letter": a possessive speaker before a speech noun at token j. */
function possessiveSpeaker(lexicon: QuoteLexicon, tokens: Token[], j: number, floor: number): Attribution | null {
  const noun = tokens[j];
  const owner = tokens[j - 1];
  if (!lexicon.speechNouns.has(noun.lower) || !isWord(owner) || !owner.capitalized || !/['’]s?$/.test(owner.text)) return null;
  let first = j - 1;
  while (first - 1 >= floor && isWord(tokens[first - 1]) && tokens[first - 1].capitalized && !lexicon.clauseBreaks.has(tokens[first - 1].lower)) first--;
  return { phrase: { first, last: j - 1 }, cue: { first: j, last: j, kind: 'verb', inverting: false, participle: false } };
}

/** A cue later in the sentence, after other words: "…" is how Kim described it. */
export function attributionLater(lexicon: QuoteLexicon, tokens: Token[], close: number, limit: number): Attribution | null {
  for (let j = close + 1; j < limit; j++) {
    const cue = cueAt(lexicon, tokens, j);
    if (!cue) continue;
    if (cue.kind === 'phrase' || (cue.inverting && !isWord(tokens[j - 1]))) {
      const phrase = sourceAfterCue(lexicon, tokens, cue, limit);
      if (phrase) return { phrase, cue };
    }
    if (cue.kind === 'verb' && !cue.participle) {
      const phrase = subjectBefore(lexicon, tokens, cue.first, close + 1);
      if (phrase) return { phrase, cue };
    }
  }
  return null;
}
