import type { Title } from '../model';
import { isTitleAbbreviation, isTitleWord } from './candidates';
import type { PeopleLexicon } from './lexicon';
import { isPartyState, type Token } from './tokens';

const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our']);
const PREPOSITIONS = new Set(['of', 'at', 'for', 'to']);
const LOCATIVES = new Set(['in', 'at', 'on', 'from']);
/** Adverbs before a role that are not part of it: "now president of the American Action Forum". */
const LEADING_ADVERBS = new Set(['now', 'also', 'still', 'then', 'once']);
/** Words before a name that make what follows hypothetical: "If Trump becomes the nominee". */
const HYPOTHETICAL = new Set(['if', 'once', 'unless', 'whether', 'should']);
/** Verbs that ascribe a role to the subject: "Kim, who is the first vice foreign minister", "Smith became chief executive". */
const COPULAS = new Set(['is', 'was', 'became', 'becomes', 'remains', 'remained', 'as', 'been', 'be']);
/** Words that may stand between a name and its predicate: "Kim has also been", "who served simultaneously as". */
const PREDICATE_FILLERS = new Set(['has', 'had', 'have', 'will', 'would', 'now', 'also', 'still', 'currently', 'once', 'served', 'serves', 'serving', 'worked', 'works', 'acted', 'acts']);
const YEAR = /^\d{4}$/;
const AGE = /^\d{1,3}-year-old$/;
/** Words that may follow a title's place name without continuing it. */
const FUNCTION_WORDS = new Set(['who', 'whom', 'whose', 'where', 'while', 'which', 'that', 'and', 'or', 'but', 'said', 'says', 'is', 'was', 'has', 'had', 'will', 'would', 'to', 'in', 'on', 'at', 'for', 'from', 'with', 'since', 'after', 'before', 'when', 'as', 'until', 'told', 'added']);
const MAX_TITLE_WORDS = 10;
/** Lower-case words before a head that are not in the word lists: "a telecommunications analyst", "a criminal defense attorney". */
const MAX_FREE_MODIFIERS = 3;
/** Words that end a title's modifiers, besides the function words: they start a clause or another noun phrase. */
const NOT_MODIFIERS = new Set([...DETERMINERS, 'this', 'these', 'those', 'my', 'your', 'than', 'not', 'no', 'by', 'about', 'over', 'into', 'say', 'think', 'thinks', 'believe', 'believes', 'tells', 'are', 'were', 'be', 'been', 'have', 'do', 'does', 'did', 'can', 'could', 'should', 'may', 'might', 'must', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'them', 'us', 'of', 'now', 'also', 'still', 'currently', 'then', 'later', 'one', 'two', 'three', 'four', 'five', 'several', 'many', 'some', 'few', 'all', 'both', 'each', 'every', 'other', 'another']);

/**
 * A lower-case word the lists do not know that may still qualify a head after a comma or a copula,
 * where the head settles that the phrase is a role: "a market strategist", "a 39-year-old Miami businessman".
 */
function freeModifier(t: Token): boolean {
  return t.isWord && !t.cap && !t.possessive && /^[\p{Ll}\p{N}][\p{Ll}\p{N}-]*$/u.test(t.text) && !FUNCTION_WORDS.has(t.lower) && !NOT_MODIFIERS.has(t.lower);
}

function isHead(lex: PeopleLexicon, t: Token): boolean {
  return lex.titleHeads.has(t.lower) || lex.titlePlurals.has(t.lower) || isTitleAbbreviation(lex, t) || compoundHead(lex, t.text);
}

/** "management-consultant", "agent-in-charge": a hyphenated word in lower case built on a head ("then-Secretary" is not one). */
function compoundHead(lex: PeopleLexicon, word: string): boolean {
  const dash = word.lastIndexOf('-');
  if (dash <= 0 || !/^\p{Ll}[\p{Ll}-]*$/u.test(word)) return false;
  if (word.endsWith('-in-charge')) return lex.titleHeads.has(word.slice(0, -'-in-charge'.length));
  return lex.titleHeads.has(word.slice(dash + 1));
}

function sameSentence(tokens: Token[], i: number, j: number): boolean {
  return tokens[i] !== undefined && tokens[j] !== undefined && tokens[i].sentence === tokens[j].sentence;
}

/** Words that may stand inside a title before its head: "South Korean Foreign", "2012 Republican presidential". */
function modifierWord(lex: PeopleLexicon, t: Token, next?: Token): boolean {
  if (!t.isWord) return false;
  if (isTitleWord(lex, t) || lex.formerWords.has(t.lower) || lex.demonyms.has(t.lower)) return true;
  if (YEAR.test(t.text)) return true;
  // A capital at the start of a sentence counts only before another capital ("White House press secretary").
  return t.cap && !(t.sentenceStart && (lex.nonNames.has(t.lower) || (lex.isCommonWord(t.lower) && !next?.cap)));
}

function makeTitle(text: string, tokens: Token[], from: number, to: number, attachment: Title['attachment'], lex: PeopleLexicon, affiliation?: string): Title {
  const title: Title = { text: text.slice(tokens[from].start, tokens[to].end), start: tokens[from].start, end: tokens[to].end, attachment };
  // The capitalised words before the title words name whom the role belongs to: "Russia's", "Ohio Gov.", "CWA President".
  let owner = affiliation;
  if (!owner) {
    let k = from;
    while (k < to && lex.formerWords.has(tokens[k].lower)) k++;
    const ownerStart = k;
    // "White House press secretary": institution words stay in the affiliation, role words end it.
    while (k < to && tokens[k].cap && (!isTitleWord(lex, tokens[k]) || (lex.orgHeads.has(tokens[k].lower) && !isHead(lex, tokens[k])))) k++;
    if (k > ownerStart) owner = text.slice(tokens[ownerStart].start, tokens[k - 1].end);
  }
  if (owner) title.affiliation = owner;
  for (let k = from; k <= to; k++) if (lex.formerWords.has(tokens[k].lower)) title.former = true;
  return title;
}

function isPlace(lex: PeopleLexicon, name: string): boolean {
  const key = name.toLowerCase().replace(/[’`´]/g, "'");
  return lex.places.has(key) || key.split(/\s+/).every((w) => lex.places.has(w) || lex.demonyms.has(w));
}

/** The possessor ending at token `at` ("Russia`s", "Donald Trump's"), as text, with its first token. */
function possessorBefore(text: string, tokens: Token[], at: number): { name: string; first: number } | undefined {
  const t = tokens[at];
  if (!t || !t.possessive) return undefined;
  let k = at;
  while (k > 0 && at - k < 6 && sameSentence(tokens, k - 1, at) && tokens[k - 1].cap && !tokens[k - 1].possessive && !DETERMINERS.has(tokens[k - 1].lower)) k--;
  return { name: text.slice(tokens[k].start, t.end), first: k };
}

/**
 * A title written before the name, ending right before it: "First vice foreign minister Kim",
 * "Russia`s First Deputy Foreign Minister Vladimir Titov", "host and Breitbart News Executive Chairman Stephen K. Bannon".
 */
function premodifiers(lex: PeopleLexicon, text: string, tokens: Token[], end: number, out: Title[], attachment: Title['attachment'], depth = 0): number {
  if (end < 0 || depth > 2) return -1;
  // "Chief of Staff", "Secretary of State": the head stands before "of".
  const ofHead = end >= 2 && tokens[end - 1].lower === 'of' && isHead(lex, tokens[end - 2]) && modifierWord(lex, tokens[end]);
  if (!isHead(lex, tokens[end]) && !ofHead) return -1;
  // An abbreviation takes only places before it ("Ohio Gov."); a role before that is a title of its own ("primary challenger Sen.").
  const abbreviation = isTitleAbbreviation(lex, tokens[end]);
  let from = end;
  while (from - 1 >= 0 && sameSentence(tokens, from - 1, end) && end - from < MAX_TITLE_WORDS) {
    const prev = tokens[from - 1];
    if (prev.possessive) break;
    if (abbreviation && (isTitleWord(lex, prev) || !prev.cap)) {
      if (isHead(lex, prev) && !isTitleAbbreviation(lex, prev)) premodifiers(lex, text, tokens, from - 1, out, attachment, depth + 1);
      break;
    }
    if (prev.lower === 'of' && from - 2 >= 0 && isHead(lex, tokens[from - 2]) && tokens[from].cap) {
      from--;
      continue;
    }
    if (!modifierWord(lex, prev, tokens[from])) break;
    from--;
  }
  while (from < end && tokens[from].sentenceStart && !isTitleWord(lex, tokens[from]) && !lex.formerWords.has(tokens[from].lower) && lex.isCommonWord(tokens[from].lower) && !tokens[from + 1].cap) from++;
  const owner = possessorBefore(text, tokens, from - 1);
  // A country owning the role is only its affiliation ("Russia's | Deputy Foreign Minister"); a person or an organisation is part of it ("Donald Trump's campaign manager").
  const titleStart = owner && !isPlace(lex, owner.name) ? owner.first : from;
  out.push(makeTitle(text, tokens, titleStart, end, attachment, lex, owner?.name));
  // "host and Breitbart News Executive Chairman": a second title joined by "and".
  const joiner = tokens[from - 1];
  if (!owner && joiner && (joiner.lower === 'and' || joiner.text === '&') && sameSentence(tokens, from - 1, end)) premodifiers(lex, text, tokens, from - 2, out, attachment, depth + 1);
  return owner ? owner.first : from;
}

function lastWordPlural(lex: PeopleLexicon, title: string): boolean {
  const words = title.toLowerCase().split(/\s+/);
  return lex.titlePlurals.has(words[words.length - 1]);
}

/** "Vice President for news and talk Dave Gorab": a head with its domain in lower case before the name. */
function domainPremodifier(lex: PeopleLexicon, text: string, tokens: Token[], first: number, out: Title[]): void {
  // Right before the name, not across a comma ("A spokesman for the ministry, Li Wei" is an apposition).
  if (!tokens[first - 1]?.isWord) return;
  for (let k = first - 2; k >= first - 5 && k > 0; k--) {
    const t = tokens[k];
    if (!sameSentence(tokens, k, first) || !t.isWord) return;
    if (t.lower === 'for' && isHead(lex, tokens[k - 1]) && !FUNCTION_WORDS.has(tokens[first - 1].lower)) {
      const found: Title[] = [];
      premodifiers(lex, text, tokens, k - 1, found, 'premodifier');
      const main = found[0];
      if (!main) return;
      const last = tokens[first - 1];
      out.push({ ...main, text: text.slice(main.start, last.end), end: last.end });
      return;
    }
    if (t.cap || isHead(lex, t) || !/^\p{Ll}+$/u.test(t.text)) return;
  }
}

/** A title phrase starting at token s (after a comma or a copula): "a professor at Seoul`s University of North Korean Studies". */
export interface PhraseTitle {
  title: Title;
  /** Token indices of the title's head word and last word. */
  head: number;
  last: number;
}

export function titlePhrase(lex: PeopleLexicon, text: string, tokens: Token[], s: number, attachment: Title['attachment']): PhraseTitle | undefined {
  let i = s;
  while (tokens[i] && tokens[i].isWord && (/ly$/.test(tokens[i].lower) || LEADING_ADVERBS.has(tokens[i].lower)) && sameSentence(tokens, i, s)) i++;
  if (tokens[i] && DETERMINERS.has(tokens[i].lower)) i++;
  // "a 39-year-old Miami businessman": the age describes the person, not the role.
  if (tokens[i] && AGE.test(tokens[i].lower) && sameSentence(tokens, i, s)) i++;
  let affiliation: string | undefined;
  const ownerFirst = i;
  if (tokens[i]?.possessive) {
    const owner = possessorBefore(text, tokens, i);
    if (!owner || owner.first < s) return undefined;
    affiliation = owner.name;
    i++;
  } else if (tokens[i]?.cap && tokens[i + 1]?.possessive && tokens[i + 1].cap) {
    affiliation = text.slice(tokens[i].start, tokens[i + 1].end);
    i += 2;
  } else if (tokens[i]?.cap) {
    // "a University of Washington professor", "a Human Rights Watch researcher": the organisation before the role
    // (one modifier alone, as in "a Republican senator", stays part of the title)
    let k = i;
    while (tokens[k] && sameSentence(tokens, k, s) && !tokens[k].possessive && (tokens[k].cap || ((tokens[k].lower === 'of' || tokens[k].lower === 'and') && tokens[k + 1]?.cap))) k++;
    const organisation = k - i >= 2 || !modifierWord(lex, tokens[i], tokens[i + 1]);
    if (organisation && tokens[k] && !tokens[k].cap && isHead(lex, tokens[k]) && sameSentence(tokens, k, s)) {
      affiliation = text.slice(tokens[i].start, tokens[k - 1].end);
      i = k;
    }
  }
  const from = affiliation && !isPlace(lex, affiliation) ? ownerFirst : i;
  let head = -1;
  // Only words the lists know may precede a name ("press secretary Josh Earnest"); after a comma or a copula a head settles it.
  let free = attachment === 'premodifier' ? MAX_FREE_MODIFIERS : 0;
  while (i < tokens.length && sameSentence(tokens, i, s) && i - ownerFirst < MAX_TITLE_WORDS && !tokens[i].possessive) {
    if (isHead(lex, tokens[i])) head = i;
    else if (!modifierWord(lex, tokens[i], tokens[i + 1])) {
      if (head >= 0 || free >= MAX_FREE_MODIFIERS || !freeModifier(tokens[i])) break;
      free++;
    }
    i++;
  }
  if (tokens[i]?.possessive && isHead(lex, tokens[i])) head = i;
  if (head < 0) return undefined;
  // "front-runner Donald Trump, Sen. Ted Cruz": the title belongs to the next name.
  const following = tokens[head + 1];
  if (following && following.cap && sameSentence(tokens, head + 1, s) && !following.possessive) return undefined;
  // "a general election nominee": the head word only describes the noun after it.
  if (following && following.isWord && !following.cap && !tokens[head].possessive && lex.adjectivalHeads.has(tokens[head].lower) && !FUNCTION_WORDS.has(following.lower) && !PREPOSITIONS.has(following.lower)) return undefined;
  let to = head;
  // Prepositional phrases that name where the role is held: "of the United Nations", "at Seoul`s University".
  for (let pp = 0; pp < 3; pp++) {
    const prep = tokens[to + 1];
    if (!prep || !sameSentence(tokens, to + 1, s) || !PREPOSITIONS.has(prep.lower)) break;
    let j = to + 2;
    if (tokens[j]?.lower === 'the') j++;
    let last = -1;
    while (tokens[j] && sameSentence(tokens, j, s)) {
      const t = tokens[j];
      if (t.cap || (isTitleWord(lex, t) && !t.cap && last < 0)) last = j;
      else if (!((t.lower === 'and' || t.lower === 'of' || t.text === '&') && tokens[j + 1]?.cap)) break;
      // "of Obama's 2008 campaign": the phrase goes on past the possessive, so it is no place name.
      if (t.possessive && !tokens[j + 1]?.cap) {
        // "the chief of staff's tenure" ends the title at the possessive; "of Obama's 2008 campaign" is no title.
        if (!(isTitleWord(lex, t) && !t.cap)) last = -1;
        break;
      }
      j++;
    }
    if (last < 0) break;
    // "of the HuffPost Politics podcast": one common noun may close the name; more means it was no name.
    const after = tokens[last + 1];
    const continues = (k: number): boolean => {
      const t = tokens[k];
      return !!t && t.isWord && !t.cap && !FUNCTION_WORDS.has(t.lower) && sameSentence(tokens, k, s);
    };
    if (!tokens[last].possessive && continues(last + 1)) {
      if (continues(last + 2) || after.possessive) break;
      last++;
    }
    to = last;
    if (tokens[last].possessive) break;
  }
  // "nominee from 1960", "chief executive since 2010"
  if (tokens[to + 1] && ['from', 'since', 'in'].includes(tokens[to + 1].lower) && YEAR.test(tokens[to + 2]?.text ?? '') && sameSentence(tokens, to + 2, s)) to += 2;
  if (to > head && !affiliation && PREPOSITIONS.has(tokens[head + 1].lower)) {
    let k = head + 2;
    if (DETERMINERS.has(tokens[k].lower)) k++;
    if (tokens[k].cap) affiliation = text.slice(tokens[k].start, tokens[to].fullEnd);
  }
  return { title: makeTitle(text, tokens, from, to, attachment, lex, affiliation), head, last: to };
}

/** Tokens from..to are where the role is held: "in Dar es Salaam", "at Fort Bragg". */
function placeAfter(tokens: Token[], from: number, to: number): boolean {
  if (to <= from || !LOCATIVES.has(tokens[from].lower)) return false;
  for (let k = from + 1; k <= to; k++) if (!tokens[k].cap && !(k > from + 1 && k < to && tokens[k].lower.length <= 3)) return false;
  return tokens[from + 1].cap;
}

/** Every title the text ascribes around one mention of a person (tokens first..last). */
export function titlesAround(lex: PeopleLexicon, text: string, tokens: Token[], first: number, last: number, prefixToken: number | undefined, coordinated = true): Title[] {
  const out: Title[] = [];
  const isHonorific = prefixToken !== undefined && lex.honorifics.has(tokens[prefixToken].lower);
  if (!isHonorific && premodifiers(lex, text, tokens, first - 1, out, 'premodifier') < 0) domainPremodifier(lex, text, tokens, first, out);
  const and = tokens[first - 1];
  if (coordinated && and?.lower === 'and' && prefixToken === undefined && sameSentence(tokens, first - 1, first)) {
    // "Democratic presidential candidates Hillary Clinton and Bernie Sanders": a plural title covers both names.
    let j = first - 2;
    // "Presidents Leonid Kuchma of Ukraine and Boris Yeltsin": the first name may carry its country.
    const joins = (k: number): boolean => tokens[k].cap || tokens[k].initial || (tokens[k].lower === 'of' && k > 0 && tokens[k - 1].cap);
    while (j > 0 && first - j < 8 && joins(j) && !tokens[j - 1].possessive && sameSentence(tokens, j - 1, first) && joins(j - 1) && !isTitleWord(lex, tokens[j - 1])) j--;
    if (j >= 0 && j < first - 1 && tokens[j].cap) {
      const shared = titlesAround(lex, text, tokens, j, first - 2, undefined, false).filter((t) => t.end <= tokens[j].start && lastWordPlural(lex, t.text));
      out.push(...shared);
    }
  }
  const comma = tokens[first - 1];
  if (comma?.text === ',' && prefixToken === undefined && sameSentence(tokens, first - 1, first)) {
    // Apposition before: "the group's chairman, John Smith"; "As chairman of the committee, Shuster".
    const found: Title[] = [];
    premodifiers(lex, text, tokens, first - 2, found, 'apposition');
    out.push(...found);
    let opener = first - 2;
    while (opener > 0 && first - opener < 12 && sameSentence(tokens, opener - 1, first) && !tokens[opener].sentenceStart) opener--;
    if (opener >= 0 && tokens[opener].sentenceStart && tokens[opener].lower === 'as') {
      const found = titlePhrase(lex, text, tokens, opener + 1, 'apposition');
      if (found && found.last === first - 2) out.push(found.title);
    }
    // "The head of the FBI investigation in Dar es Salaam, Kenneth Piernick, said": a sentence that opens with the role.
    if (opener >= 0 && tokens[opener].sentenceStart && (tokens[opener].lower === 'the' || tokens[opener].lower === 'a')) {
      const found = titlePhrase(lex, text, tokens, opener, 'apposition');
      if (found && out.every((t) => t.start !== found.title.start) && (found.last === first - 2 || placeAfter(tokens, found.last + 1, first - 2))) out.push(found.title);
    }
  }
  const lastToken = tokens[last];
  if (lastToken.possessive) return out;
  let i = last + 1;
  // "Sen. Tim Kaine (D-Va.)", "Rep. Kevin Brady, R-Texas,": party and state belong to the abbreviated title.
  const opening = tokens[i]?.text;
  const party = opening === '(' || opening === ',' ? tokens[i + 1] : undefined;
  if (party && isPartyState(party)) {
    const close = tokens[i + 2]?.text === '.' ? i + 3 : i + 2;
    const label = text.slice(party.start, tokens[close - 1].end);
    for (const t of out) if (t.attachment === 'premodifier' && t.end === tokens[first - 1]?.end && !t.affiliation) t.affiliation = label;
    // After the comma form, the comma that closes it may open an apposition: "Brady, R-Texas, chairman of ...".
    if (opening === ',') i = close;
    else if (tokens[close]?.text === ')') i = close + 1;
  }
  const next = tokens[i];
  if (!next || !sameSentence(tokens, i, last)) return out;
  if (next.text === ',' || next.text === '(') {
    const after = tokens[i + 1];
    if (after && after.lower === 'who') {
      i += 2;
    } else {
      const found = titlePhrase(lex, text, tokens, i + 1, 'apposition');
      if (found) out.push(found.title);
      return out;
    }
  }
  // Predicates: "Kim, who is the first vice foreign minister", "Smith became chief executive", "Bush as a running mate".
  const opener = tokens[first - 1];
  if (opener && sameSentence(tokens, first - 1, first) && HYPOTHETICAL.has(opener.lower)) return out;
  for (let k = 0; k < 4 && tokens[i] && sameSentence(tokens, i, last); k++, i++) {
    const t = tokens[i];
    if (COPULAS.has(t.lower)) {
      const found = titlePhrase(lex, text, tokens, i + 1, 'predicate');
      if (!found) break;
      out.push(found.title);
      // "as deputy chief of staff ..., and as an employee of the Clinton Foundation"
      i = found.last + 1;
      k = 0;
      if (tokens[i]?.text === ',') i++;
      if (tokens[i]?.lower !== 'and') break;
      continue;
    }
    if (!PREDICATE_FILLERS.has(t.lower) && !/ly$/.test(t.lower)) break;
  }
  return out;
}
