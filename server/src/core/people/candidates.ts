import givenNameData from '../data/given-names.json';
import speechVerbData from '../data/speech-verbs.json';
import type { Gender } from '../model';
import type { PeopleLexicon } from './lexicon';
import { CAPITALISED_VERBS, isPartyState, isTitleCaseMarker, type Token } from './tokens';

/** A capitalised name found in the text, before it is linked to a person. */
export interface NameCandidate {
  /** Indices into the token array: the name's first and last token (inclusive). */
  first: number;
  last: number;
  /** The name's words, lower case, without initials' full stops. */
  words: string[];
  /** What stands right before the name, when it is a title or honorific ("President Bush", "Mr. Kim"). */
  prefix?: { kind: 'title' | 'honorific'; token: number; royal: boolean; gender?: Gender };
  /** Judged a person's name on its own (several words with a given name, an initial, a title before it...). */
  person: boolean;
}

export interface OrgCandidate {
  first: number;
  last: number;
}

const PARTICLES = new Set(givenNameData.particles);
const SUFFIXES = new Set(givenNameData.suffixes);
const ARABIC_PREFIXED = /^(?:al|el|ad|as|ash|at|az|ben|bin|ibn|abu|abd)-\p{Lu}/u;
/** Words after a name that show a person: speech verbs and "who". */
const PERSON_FOLLOWERS = new Set([...speechVerbData.verbs, 'who']);
const DETERMINERS = new Set(['a', 'an', 'the']);

export function isSuffix(t: Token): boolean {
  return SUFFIXES.has(t.lower);
}

/** A word that can be part of a name: capitalised, an initial, or "al-Assad". */
function nameShaped(lex: PeopleLexicon, t: Token): boolean {
  if (!t.isWord) return false;
  if (t.initial) return true;
  // In a headline in capitals, ordinary words ("HEADS TO") are no names.
  if (t.capsLine) return /\p{L}/u.test(t.text) && !lex.nonNames.has(t.lower) && !lex.isCommonWord(t.lower);
  if (ARABIC_PREFIXED.test(t.text)) return true;
  return t.cap && !(CAPITALISED_VERBS.has(t.lower) && !t.sentenceStart);
}

/** "RIA", "CWA": an acronym, which names an organisation rather than a person (headlines aside). */
function acronym(lex: PeopleLexicon, t: Token): boolean {
  // "ABSTRACT", "WE WIN": a word in capitals for emphasis or as a label is no acronym.
  return t.allCaps && !t.capsLine && !t.initial && !SUFFIXES.has(t.lower) && !isPartyState(t) && !lex.isCommonWord(t.lower);
}

export function isTitleWord(lex: PeopleLexicon, t: Token): boolean {
  return lex.titleHeads.has(t.lower) || lex.titleModifiers.has(t.lower) || lex.titlePlurals.has(t.lower) || isTitleAbbreviation(lex, t);
}

export function isTitleAbbreviation(lex: PeopleLexicon, t: Token): boolean {
  return t.text.endsWith('.') && lex.titleAbbreviations.has(t.lower);
}

function isHonorific(lex: PeopleLexicon, t: Token): boolean {
  return lex.honorifics.has(t.lower) && (t.text.endsWith('.') || t.text.length > 3 || /^(?:Mr|Mrs|Ms|Dr)$/.test(t.text));
}

/** Words that are never part of a person's name; an organisation word may be a name's first word ("Park Geun-hye", "Bill Shuster"). */
function notName(lex: PeopleLexicon, t: Token, last = true): boolean {
  if (lex.nonNames.has(t.lower)) return true;
  return lex.orgHeads.has(t.lower) && (last || !(lex.givenNames.has(t.lower) || lex.eastAsianSurnames.has(t.lower)));
}

/** "Texas-based", "New York-based", "Iowa-born": an adjective made from a name, never part of a person's name. */
function hyphenAdjective(lex: PeopleLexicon, t: Token): boolean {
  const hyphen = t.lower.lastIndexOf('-');
  return hyphen > 0 && lex.adjectiveSuffixes.has(t.lower.slice(hyphen + 1));
}

/** Words that are ordinary words, places or nationalities rather than names (unless a given name). */
function ordinaryWord(lex: PeopleLexicon, t: Token): boolean {
  if (t.initial || lex.givenNames.has(t.lower)) return false;
  return (
    hyphenAdjective(lex, t) ||
    notName(lex, t) ||
    lex.places.has(t.lower) ||
    lex.demonyms.has(t.lower) ||
    isTitleWord(lex, t) ||
    (t.sentenceStart && lex.isCommonWord(t.lower))
  );
}

/** Runs of name-shaped words in one sentence; a possessive ends a run; "of" may join "Secretary of State". */
function runs(lex: PeopleLexicon, tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameShaped(lex, tokens[i])) {
      i++;
      continue;
    }
    const start = i;
    let end = i;
    while (!tokens[end].possessive && end + 1 < tokens.length && tokens[end + 1].sentence === tokens[start].sentence) {
      const next = tokens[end + 1];
      if (nameShaped(lex, next)) {
        end++;
        continue;
      }
      const after = tokens[end + 2];
      const joins =
        after !== undefined &&
        nameShaped(lex, after) &&
        after.sentence === next.sentence &&
        ((PARTICLES.has(next.lower) && !next.cap) || (next.lower === 'of' && (lex.titleHeads.has(tokens[end].lower) || lex.orgHeads.has(tokens[end].lower))));
      if (!joins) break;
      end += 2;
    }
    out.push([start, end]);
    i = end + 1;
  }
  return out;
}

/** The longest known organisation name starting at token i, as its last index, or -1. */
function knownOrgAt(lex: PeopleLexicon, tokens: Token[], i: number, last: number): number {
  let found = -1;
  let key = '';
  for (let j = i; j <= last && j < i + 5; j++) {
    key = j === i ? tokens[j].lower : `${key} ${tokens[j].lower}`;
    if (lex.orgNames.has(key)) found = j;
    if (tokens[j].possessive) break;
  }
  return found;
}

function hasGivenName(lex: PeopleLexicon, t: Token): boolean {
  return lex.givenNames.has(t.lower) && !lex.nonNames.has(t.lower);
}

/** "Kye-Gwan", "Moo-Jin", "Byung-se": two-part East Asian given names. */
function eastAsianGiven(t: Token | undefined): boolean {
  if (!t) return false;
  return /^\p{Lu}\p{Ll}{1,4}-\p{L}\p{Ll}{0,4}$/u.test(t.text) || (t.capsLine && /^\p{Lu}{2,5}-\p{Lu}{1,5}$/u.test(t.text));
}

/** A speech verb that cannot be read as a noun: "says", "attacked", "warning", "told". */
const INFLECTED_VERB = /(?:ed|s|ing)$|^(?:said|told|wrote|spoke)$/;

/** "the", "a" or "an" right before the name, or before one lower-case word before it ("the horrific"). */
function articleBefore(tokens: Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 2 && tokens[k].sentence === tokens[first].sentence; k--) {
    if (DETERMINERS.has(tokens[k].lower)) return true;
    if (!tokens[k].isWord || tokens[k].cap) return false;
  }
  return false;
}

const ROLE_PREPOSITIONS = new Set(['for', 'of', 'at']);

/** A role head ends the words before the comma at `comma`, or does before a short "for the ministry", "of the party". */
function roleBeforeComma(lex: PeopleLexicon, tokens: Token[], comma: number): boolean {
  for (let k = comma - 1; k >= 0 && k >= comma - 5 && tokens[k].sentence === tokens[comma].sentence && tokens[k].isWord; k--) {
    if (lex.titleHeads.has(tokens[k].lower)) return k === comma - 1 || ROLE_PREPOSITIONS.has(tokens[k + 1].lower);
  }
  return false;
}

/** Words right after a name that show it is a person's ("said", ", who", ", a professor"). */
function personContextAfter(lex: PeopleLexicon, tokens: Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  if (!next || next.sentence !== tokens[last].sentence) return false;
  // "the horrific San Bernardino attack", "the Benghazi report": after an article, the name qualifies a noun.
  // A "Who" in a title-case headline ("… Exploits Trump Supporter Who Was …") is no evidence.
  if (next.lower === 'who') return !next.cap;
  if (PERSON_FOLLOWERS.has(next.lower)) return INFLECTED_VERB.test(next.lower) || !articleBefore(tokens, first);
  if (next.text !== ',') return false;
  const after = tokens[last + 2];
  if (!after) return false;
  if (after.lower === 'who') return true;
  if (!DETERMINERS.has(after.lower) && !after.possessive && !lex.titleHeads.has(after.lower) && !lex.formerWords.has(after.lower)) return false;
  for (let j = last + 2; j < Math.min(tokens.length, last + 9); j++) {
    const t = tokens[j];
    if (!t.isWord || t.sentence !== next.sentence) break;
    if (lex.titleHeads.has(t.lower)) return true;
  }
  return false;
}

/** "Bush's son, George", "his wife Laura": a family relation names the person after it. */
function relationBefore(lex: PeopleLexicon, tokens: Token[], first: number): boolean {
  let k = first - 1;
  if (tokens[k]?.text === ',') k--;
  const t = tokens[k];
  return t !== undefined && t.sentence === tokens[first].sentence && lex.relations.has(t.lower);
}

/** "David and Jeanne Heidler", "Bill and Hillary Clinton": a first name shares the surname that follows. */
function coordinatedWithName(tokens: Token[], last: number): boolean {
  const and = tokens[last + 1];
  const a = tokens[last + 2];
  const b = tokens[last + 3];
  return and?.lower === 'and' && !!a && !!b && a.cap && b.cap && !a.possessive && a.sentence === tokens[last].sentence && b.sentence === a.sentence;
}

function personContextBefore(lex: PeopleLexicon, tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  if (!prev || prev.sentence !== tokens[first].sentence) return false;
  if (prev.lower === 'said' || prev.lower === 'says' || prev.lower === 'by') return true;
  // "Angela Merkel's spokesman, Steffen Seibert", "A spokesman for the ministry, Li Wei,"
  if (prev.text === ',' && roleBeforeComma(lex, tokens, first - 1)) return true;
  // "Breitbart London's Raheem Kassam", "The Media Research Center's Dan Gainor"
  return prev.possessive && prev.cap && !lex.titleHeads.has(prev.lower);
}

/**
 * Scans the tokens for names: runs of capitalised words, cut after the last title or honorific
 * ("Foreign Minister | Wang Yi"), stripped of leading title words, places and sentence-initial
 * ordinary words, and sorted into people's names, organisations and the rest.
 */
export function findCandidates(lex: PeopleLexicon, tokens: Token[]): { names: NameCandidate[]; orgs: OrgCandidate[] } {
  const names: NameCandidate[] = [];
  const orgs: OrgCandidate[] = [];
  for (const [runStart, runEnd] of runs(lex, tokens)) {
    let start = runStart;
    // Known organisations ("RIA Novosti", "Morgan Stanley") are cut out of the run first.
    for (let i = runStart; i <= runEnd; i++) {
      const orgEnd = knownOrgAt(lex, tokens, i, runEnd);
      if (orgEnd < 0) continue;
      if (i > start) classify(lex, tokens, start, i - 1, names, orgs);
      orgs.push({ first: i, last: orgEnd });
      start = orgEnd + 1;
      i = orgEnd;
    }
    if (start <= runEnd) classify(lex, tokens, start, runEnd, names, orgs);
  }
  return { names, orgs };
}

function classify(lex: PeopleLexicon, tokens: Token[], runStart: number, runEnd: number, names: NameCandidate[], orgs: OrgCandidate[]): void {
  // Cut after the last title or honorific that still leaves a name after it.
  let nameStart = runStart;
  let prefix: NameCandidate['prefix'];
  let nameAfter = false;
  for (let k = runEnd; k >= runStart; k--) {
    const t = tokens[k];
    const honorific = isHonorific(lex, t);
    const title = !honorific && (lex.titleHeads.has(t.lower) || isTitleAbbreviation(lex, t)) && !(k > runStart && hasGivenName(lex, tokens[k - 1]) && !isTitleWord(lex, tokens[k - 1]));
    const hasNameAfter = nameAfter;
    nameAfter ||= !isSuffix(t) && !ordinaryWord(lex, t);
    if ((!honorific && !title) || !hasNameAfter) continue;
    nameStart = k + 1;
    prefix = honorific
      ? { kind: 'honorific', token: k, royal: false, gender: lex.honorifics.get(t.lower) }
      : { kind: 'title', token: k, royal: lex.royalTitles.has(t.lower), gender: lex.titleGender.get(t.lower) };
    break;
  }
  // A name is never an organisation: "Korean Central News Agency", "Clinton Foundation", "RIA Novosti".
  for (let i = nameStart; i <= runEnd; i++) {
    if ((notName(lex, tokens[i], i === runEnd) && !lex.nonNames.has(tokens[i].lower)) || acronym(lex, tokens[i])) {
      if (prefix) return;
      const first = firstNonOrdinary(lex, tokens, runStart, runEnd);
      const words = tokens.slice(first, runEnd + 1);
      const joined = words.map((t) => t.lower).join(' ');
      if (!lex.places.has(joined) && !lex.places.has(joined.replace(/^the /, '')) && words.some((t) => !lex.nonNames.has(t.lower))) orgs.push({ first, last: runEnd });
      return;
    }
  }
  // Leading words that belong to a title, a place or the sentence ("South Korean", "State", "The").
  while (nameStart < runEnd && ordinaryWord(lex, tokens[nameStart]) && !tokens[nameStart].possessive) {
    if (lex.eastAsianSurnames.has(tokens[nameStart].lower) && eastAsianGiven(tokens[nameStart + 1])) break;
    nameStart++;
  }
  // "the Justice Against Sponsors of Terrorism Act": a capitalised preposition after the title shows a title-case phrase, not a titled name.
  if (prefix?.kind === 'title' && tokens.slice(prefix.token + 1, nameStart).some(isTitleCaseMarker)) prefix = undefined;
  let nameEnd = runEnd;
  while (nameEnd > nameStart && (lex.nonNames.has(tokens[nameEnd].lower) || tokens[nameEnd].lower === 'of' || hyphenAdjective(lex, tokens[nameEnd]))) nameEnd--;
  if (!prefix && nameStart > runStart) {
    const before = tokens[nameStart - 1];
    if (isHonorific(lex, before)) prefix = { kind: 'honorific', token: nameStart - 1, royal: false, gender: lex.honorifics.get(before.lower) };
  }
  if (!prefix) {
    // A title in lower case right before the run: "tea-party backed candidate Art Halvorson".
    const before = tokens[nameStart - 1];
    if (before && before.sentence === tokens[nameStart].sentence && before.isWord && !before.possessive && (lex.titleHeads.has(before.lower) || isTitleAbbreviation(lex, before)))
      prefix = { kind: 'title', token: nameStart - 1, royal: lex.royalTitles.has(before.lower), gender: lex.titleGender.get(before.lower) };
  }
  const nameTokens = tokens.slice(nameStart, nameEnd + 1);
  const core = nameTokens.filter((t) => !isSuffix(t) && !t.initial);
  if (!core.length) return;
  if (core.every((t) => ordinaryWord(lex, t) || lex.places.has(t.lower) || lex.demonyms.has(t.lower))) return;
  if (nameTokens.some((t, k) => notName(lex, t, k === nameTokens.length - 1) && !t.initial)) return;
  const joined = nameTokens.map((t) => t.lower).join(' ');
  if (lex.places.has(joined) || lex.orgNames.has(joined)) return;

  let person = false;
  if (core.length >= 2 || (nameTokens[0].initial && core.length === 1)) {
    const firstWord = core[0];
    const allNameLike = core.every((t) => !lex.isCommonWord(t.lower) || lex.givenNames.has(t.lower) || lex.eastAsianSurnames.has(t.lower));
    person =
      prefix !== undefined ||
      (hasGivenName(lex, firstWord) && !lex.places.has(joined)) ||
      nameTokens.slice(0, -1).some((t) => t.initial) ||
      (core.length === 2 && eastAsianGiven(core[1])) ||
      (allNameLike && (personContextAfter(lex, tokens, nameStart, nameEnd) || personContextBefore(lex, tokens, nameStart)));
    if (person && core.every((t) => lex.places.has(t.lower) || lex.demonyms.has(t.lower)) && !prefix) person = false;
  } else {
    const word = core[0].lower;
    const placeLike = lex.places.has(word) || lex.demonyms.has(word);
    person = !placeLike && (prefix !== undefined || (hasGivenName(lex, core[0]) && (relationBefore(lex, tokens, nameStart) || coordinatedWithName(tokens, nameEnd))));
  }
  names.push({ first: nameStart, last: nameEnd, words: nameTokens.map((t) => t.lower), prefix, person });
}

function firstNonOrdinary(lex: PeopleLexicon, tokens: Token[], start: number, end: number): number {
  let i = start;
  while (i < end && tokens[i].sentenceStart && lex.nonNames.has(tokens[i].lower)) i++;
  return i;
}
