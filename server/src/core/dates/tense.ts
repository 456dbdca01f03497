import tenseData from '../data/dates-tense.json';
import { isAbbreviationWord } from '../structure';
import type { Token } from './tokens';

/** 'present' is a copula ("the deadline is Sunday"): a weekday then lies ahead, other dates stay undecided. */
export type Tense = 'past' | 'future' | 'present' | null;

const FUTURE = new Set(tenseData.futureCues);
const PAST = new Set(tenseData.pastCues);
const NOT_PAST_ED = new Set(tenseData.notPastEd);
const SOFT_FUTURE = new Set(tenseData.softFuture);
const DEADLINE_WORDS = new Set(tenseData.deadlineWords);
const PLAN_WORDS = new Set(tenseData.planWords);
/** Verbs whose simple present next to a date states a schedule: "Arafat and Netanyahu meet Monday". */
const SCHEDULE_VERBS = new Set(tenseData.scheduleVerbs);
const ADVERBS = new Set(['still', 'very', 'newly', 'recently', 'already', 'much', 'long', 'widely', 'well']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'be']);
const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'been']);
/** "had planned to", "had been expected to": a plan overtaken by events ("were planning to" still looks ahead). */
const PERFECT = new Set(['had', 'been']);
/** Words between an auxiliary and "be": "will almost certainly be", "would also be", "may never be". */
const AUXILIARY_ADVERBS = new Set(['almost', 'also', 'soon', 'then', 'again', 'never', 'ever', 'only', 'just', 'probably', 'likely']);
const NON_PAST_AUXILIARIES = new Set(['is', 'are', 'be', 'will', 'can', 'could', 'would', 'may', 'might', 'must', 'should', 'to']);
/** "ahead of schedule" says nothing about when. */
const NOT_AHEAD = new Set(['schedule', 'time', 'expectations', 'forecasts', 'estimates']);
const WINDOW = 10;
/** How far a sentence-opening date looks for its main verb. */
const SENTENCE_WINDOW = 40;
const SENTENCE_PREPOSITIONS = new Set(['in', 'on', 'by', 'since', 'until', 'during']);

function cue(tokens: Token[], i: number): Tense {
  const t = tokens[i];
  if (t.kind !== 'word') return null;
  const w = t.lower;
  if (w === 'll' && tokens[i - 1]?.lower === "'") return 'future';
  // "planned to leave on Thursday", "is to resume Tuesday": an intention looks ahead, unless it "had been" planned
  if (w === 'to' && PLAN_WORDS.has(tokens[i - 1]?.lower ?? '')) {
    const next = tokens[i + 1];
    if (!next || next.kind !== 'word' || DETERMINERS.has(next.lower) || /^[A-Z]/.test(next.text)) return null;
    for (let j = i - 2; j >= i - 4 && j >= 0; j--) if (PERFECT.has(tokens[j].lower)) return 'past';
    return 'future';
  }
  // "set to", "due to", "plans to": only with the infinitive ("a record high set on Aug. 6" is past, "vacation plans" a noun)
  if ((w === 'set' || w === 'due' || w === 'plans') && tokens[i + 1]?.lower !== 'to') return null;
  // "planned a rally on Saturday" looks ahead, "had planned" and "the planned merger" do not
  if (w === 'planned') {
    let k = i - 1;
    while (k >= 0 && ADVERBS.has(tokens[k].lower)) k--;
    if (k >= 0 && DETERMINERS.has(tokens[k].lower) && tokens[k].lower !== 'be') return null;
    if (tokens[i - 1]?.lower === 'previously' || tokens[i - 1]?.lower === 'originally') return null;
    for (let j = i - 1; j >= i - 3 && j >= 0; j--) if (PERFECT.has(tokens[j].lower)) return 'past';
    return 'future';
  }
  if (SOFT_FUTURE.has(w) || (FUTURE.has(w) && w !== 'will')) {
    // "had been scheduled to", "was expected to": the auxiliary puts the plan in the past
    for (let j = i - 1; j >= i - 3 && j >= 0; j--) if (PAST_AUXILIARIES.has(tokens[j].lower)) return 'past';
    return 'future';
  }
  if (FUTURE.has(w)) return 'future';
  // "might lead to gains in November" looks ahead; "may have been" does not (and "May" is a month)
  if ((w === 'might' || t.text === 'may') && tokens[i + 1]?.lower !== 'have') return 'future';
  // "ahead of Tuesday's primary" (but not "ahead of schedule")
  if (w === 'ahead' && tokens[i + 1]?.lower === 'of' && !NOT_AHEAD.has(tokens[i + 2]?.lower ?? '')) return 'future';
  // the verb, not the noun: "they meet Monday", not "the meet" or "his visit"
  if (SCHEDULE_VERBS.has(w)) return DETERMINERS.has(tokens[i - 1]?.lower ?? '') || /^[A-Z]/.test(t.text) ? null : 'future';
  if (w === 'is' || w === 'are' || w === 'am') return 'present';
  // "has left", "have long been" tell of the past; "has no opposition", "the hope he has of", "has to decide" do not
  if (w === 'has' || w === 'have') {
    let n = i + 1;
    while (n < tokens.length && n <= i + 3 && (tokens[n].lower === 'not' || ADVERBS.has(tokens[n].lower) || AUXILIARY_ADVERBS.has(tokens[n].lower) || /^[a-z]{3,}ly$/.test(tokens[n].lower))) n++;
    const next = tokens[n]?.lower ?? '';
    return PAST.has(next) || /^[a-z]{2,}(?:ed|en|wn|ne)$/.test(next) ? 'past' : null;
  }
  const participle = w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && !w.startsWith('un');
  if (!PAST.has(w) && !participle) return null;
  // "how they would fare if he won the election on Nov. 8": a hypothetical still ahead ("if he left on Friday,
  // nobody saw it" is a real past)
  if (tokens[i - 2]?.lower === 'if' && tokens[i - 1]?.kind === 'word' && !PAST_AUXILIARIES.has(w) && conditionalBefore(tokens, i - 2)) return 'future';
  // "a still unspecified date", "the preferred shares": after a determiner it is an adjective
  let k = i - 1;
  while (k >= 0 && ADVERBS.has(tokens[k].lower)) k--;
  if (participle && k >= 0 && tokens[k].lower !== 'be' && DETERMINERS.has(tokens[k].lower)) return null;
  // The auxiliary decides: "will be paid" and "would still be held" look ahead, "is expected" is undecided.
  const before = tokens[i - 1]?.lower;
  if (before === 'be') {
    // past "not" and adverbs: "will almost certainly be decided"
    let a = i - 2;
    let negated = false;
    while (a >= i - 4 && a >= 0 && (tokens[a].lower === 'not' || ADVERBS.has(tokens[a].lower) || AUXILIARY_ADVERBS.has(tokens[a].lower) || /^[a-z]{3,}ly$/.test(tokens[a].lower))) {
      negated ||= tokens[a].lower === 'not';
      a--;
    }
    const auxiliary = tokens[a]?.lower ?? '';
    // "could not be reached Wednesday", "nobody could be found Wednesday": what the reporter found, not a possibility ahead
    if (auxiliary === 'could' && (negated || negativeSubject(tokens, a))) return 'past';
    // "would they be paid" has its subject between
    if (NON_PAST_AUXILIARIES.has(auxiliary) || NON_PAST_AUXILIARIES.has(tokens[i - 3]?.lower ?? '')) return 'future';
  }
  // "is expected", "is well positioned": undecided
  const auxiliary = tokens[k]?.lower;
  if (before === 'is' || before === 'are' || auxiliary === 'is' || auxiliary === 'are') return null;
  return 'past';
}

const CLOSING = new Set([')', ']', '"', '”', '’', "'"]);

/** Subjects that deny: "neither he nor his lawyer could be reached", "nobody could be found". */
const NEGATIVE_SUBJECTS = new Set(['neither', 'nor', 'nobody', 'none']);

/** A denying subject before the auxiliary at i, in its clause ("no one", but not the "no" of "no chance the vote could"). */
function negativeSubject(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - WINDOW; j--) {
    if (stops(tokens, j) || tokens[j].text === ',') return false;
    if (NEGATIVE_SUBJECTS.has(tokens[j].lower) || (tokens[j].lower === 'no' && tokens[j + 1]?.lower === 'one')) return true;
  }
  return false;
}

/** A "would", "could" or "might" before the "if" at i, in the same sentence: the main clause of a hypothetical. */
function conditionalBefore(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - WINDOW; j--) {
    if (stops(tokens, j)) return false;
    const word = tokens[j].lower;
    if (word === 'would' || word === 'could' || word === 'might') return true;
  }
  return false;
}

/** A sentence or quotation boundary (not the point in "4.1" or after "Jan"). */
function stops(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== 'punct') return false;
  if (t.text === '.') {
    // "(He did not run in 1992.) Friday, June 10": past a closing bracket or quotation mark
    let after = i + 1;
    while (tokens[after] && !tokens[after].gap && CLOSING.has(tokens[after].text)) after++;
    const next = tokens[after];
    if (next && !next.gap) return false;
    const before = tokens[i - 1];
    if (!before || before.kind !== 'word') return true;
    // an initial ("George W. Bush") or a listed abbreviation ("Ala.", "vs."); "July." and "Iowa." end their sentence
    return !((before.text.length === 1 && /^[A-Z]/.test(before.text)) || isAbbreviationWord(before.lower));
  }
  // quotation marks, including the ``...'' of wire copy
  if (t.text === "'" && (tokens[i + 1]?.text === "'" || tokens[i - 1]?.text === "'")) return true;
  return t.text === '!' || t.text === '?' || t.text === ';' || t.text === '"' || t.text === '“' || t.text === '”' || t.text === '`';
}

/** A "had" within a few words of the deadline word at i: before it in its clause, or after it in the sentence. */
function pastPerfect(tokens: Token[], i: number): boolean {
  for (let j = i - 1, n = 1; j >= 0 && n <= WINDOW; j--, n++) {
    if (stops(tokens, j) || tokens[j].text === ',') break;
    if (tokens[j].lower === 'had') return true;
  }
  // "Until Thursday, they had not called him a suspect"
  for (let j = i + 1, n = 1; j < tokens.length && n <= WINDOW; j++, n++) {
    if (stops(tokens, j)) break;
    if (tokens[j].lower === 'had') return true;
  }
  return false;
}

/** Whether tokens [from, …) start a sentence, alone or after a preposition ("In January, …", "On Friday, …"). */
function opensSentence(tokens: Token[], from: number): boolean {
  const start = from > 0 && SENTENCE_PREPOSITIONS.has(tokens[from - 1].lower) ? from - 1 : from;
  return start === 0 || stops(tokens, start - 1);
}

/**
 * The tense that governs tokens [from, to): the nearest tense cue in the same sentence within a few words,
 * looking left first at equal distance ("said Friday", "will meet Friday", "Friday, he said").
 */
export function tenseAround(tokens: Token[], from: number, to: number): Tense {
  // "payable Dec. 15", "effective June 1", "expires Nov. 21": deadlines lie ahead, unless the clause is in the
  // past perfect ("had filed reports by Wednesday", "had been due to expire Friday")
  const before = from > 0 && (tokens[from - 1].lower === 'at' || tokens[from - 1].lower === 'on') ? from - 2 : from - 1;
  if (before >= 0 && DEADLINE_WORDS.has(tokens[before].lower)) return pastPerfect(tokens, before) ? 'past' : 'future';
  // "marching toward November"
  if (from >= 1 && (tokens[from - 1].lower === 'toward' || tokens[from - 1].lower === 'towards')) return 'future';
  // "as soon as Tuesday", "as early as next week"
  if (from >= 3 && tokens[from - 1].lower === 'as' && (tokens[from - 2].lower === 'soon' || tokens[from - 2].lower === 'early') && tokens[from - 3].lower === 'as') return 'future';
  let left: Tense = null;
  let leftDistance = Infinity;
  for (let i = from - 1, n = 1; i >= 0 && n <= WINDOW; i--, n++) {
    if (stops(tokens, i)) break;
    const c = cue(tokens, i);
    if (c) {
      left = c;
      leftDistance = n;
      break;
    }
  }
  // "In January, a week after the anniversary, a bombing killed ...": a date that opens its sentence is
  // governed by the main verb, however far along the sentence it comes
  const rightWindow = left === null && opensSentence(tokens, from) ? SENTENCE_WINDOW : WINDOW;
  for (let i = to, n = 1; i < tokens.length && n < leftDistance && n <= rightWindow; i++, n++) {
    // "planned a rally on Saturday and were planning to ...": what follows "and" is another clause
    if (stops(tokens, i) || (left && (tokens[i].lower === 'and' || tokens[i].lower === 'but'))) break;
    // "On Friday, the government planned to ...": the day is when the plan was made
    if (tokens[i].lower.endsWith('ed') && PLAN_WORDS.has(tokens[i].lower)) return 'past';
    const c = cue(tokens, i);
    if (c) return c;
  }
  return left;
}
