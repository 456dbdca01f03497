import type { Gender, Paragraph, Span, Title } from '../model';
import { firstStartingFrom } from '../spans';
import { findCandidates, isSuffix, type NameCandidate, type OrgCandidate } from './candidates';
import type { PeopleLexicon } from './lexicon';
import { titlePhrase, titlesAround } from './titles';
import { tokenize, type Token } from './tokens';

/**
 * What the people stage finds in one paragraph on its own, with offsets from the paragraph's start
 * and no tokens: the document phase links these across paragraphs.
 */
export interface ParagraphPeople {
  /** Names judged a person's on their own, in text order. */
  personNames: NameSite[];
  /** The other names, in text order: they only join a person named elsewhere (kept apart, so each linking pass reads only its own). */
  otherNames: NameSite[];
  organizations: OrganizationSite[];
  /** "the senator", "the minister's": definite titles that may refer back to a person, in text order. */
  anaphors: AnaphorSite[];
  /** Third-person pronouns, in text order, for gender. */
  pronouns: PronounSite[];
}

/** Every paragraph's findings: `found[k]` for `paragraphs[k]`, whose start places its offsets in the document. */
export interface PlacedParagraphs {
  found: ParagraphPeople[];
  paragraphs: readonly Paragraph[];
}

/** A capitalised name, with everything linking, titles, gender and the fullest name need. */
export interface NameSite {
  /** The name without honorific or possessive ending. */
  start: number;
  end: number;
  /** Where a mention of it starts: at an honorific ("Mr. Kim"), else at the name. */
  mentionStart: number;
  possessive: boolean;
  /** Index of its sentence in the paragraph. */
  sentence: number;
  /** The name's words, lower case, without initials' full stops. */
  words: string[];
  /** The words that are neither suffixes nor initials. */
  core: string[];
  /** Written with an initial first ("J.K. Rowling"). */
  initialFirst: boolean;
  surname: string;
  given?: string;
  eastAsian: boolean;
  prefix?: { kind: 'title' | 'honorific'; royal: boolean; gender?: Gender };
  /** In a headline in capitals. */
  capsLine: boolean;
  /** The titles written around it. */
  titles: readonly TitleSite[];
}

export interface TitleSite {
  title: Title;
  /** Its wording in lower case: a person has one title per wording. */
  key: string;
  /** Head words in it ("minister", "senator" for "Sen."), for "the minister" later on. */
  heads: string[];
  /** Its content words, abbreviations counted as the words they abbreviate. */
  words: string[];
  /** The genders its words imply ("spokeswoman", "King"). */
  genders: Gender[];
}

export interface OrganizationSite {
  /** Without a leading "The" or possessive ending. */
  start: number;
  end: number;
  possessive: boolean;
  /** Its name in lower case, for grouping. */
  key: string;
}

export interface AnaphorSite {
  /** From "the" to the title's last word, without possessive ending. */
  start: number;
  end: number;
  possessive: boolean;
  sentence: number;
  /** The title's head word, lower case. */
  head: string;
  /** The title's content words, as written. */
  words: string[];
  title: TitleSite;
  /** A name candidate starts here too: then only a name that was linked to nobody leaves it a title. */
  startsName: boolean;
}

export interface PronounSite {
  start: number;
  sentence: number;
  gender: Gender;
}

const PRONOUNS = new Map<string, Gender>([
  ['he', 'male'], ['him', 'male'], ['his', 'male'], ['himself', 'male'],
  ['she', 'female'], ['her', 'female'], ['hers', 'female'], ['herself', 'female'],
]);
const H = 104;
const S = 115;

/** A quick test that spares most words a lookup (and the hashing it takes): pronouns start with "h" or "s". */
function mayBePronoun(word: string): boolean {
  const first = word.charCodeAt(0);
  return word.length <= 7 && (first === H || first === S);
}

/**
 * Everything the people stage needs from one paragraph, given its sentences as the structure splits
 * them (offsets in the paragraph); its tokens live only for this call.
 */
export function analyseParagraph(text: string, sentences: readonly Span[], lex: PeopleLexicon, abbreviations: Set<string>): ParagraphPeople {
  const tokens = tokenize(text, sentences, abbreviations);
  const { names, orgs } = findCandidates(lex, tokens);
  const personNames: NameSite[] = [];
  const otherNames: NameSite[] = [];
  for (const c of names) (c.person ? personNames : otherNames).push(nameSite(lex, text, tokens, c));
  const pronouns: PronounSite[] = [];
  for (const t of tokens) {
    const gender = t.isWord && mayBePronoun(t.lower) ? PRONOUNS.get(t.lower) : undefined;
    if (gender) pronouns.push({ start: t.start, sentence: t.sentence, gender });
  }
  return {
    personNames,
    otherNames,
    organizations: orgs.sort((a, b) => tokens[a.first].start - tokens[b.first].start).map((o) => organizationSite(text, tokens, o)),
    anaphors: anaphorSites(lex, text, tokens, names),
    pronouns,
  };
}

function nameSite(lex: PeopleLexicon, text: string, tokens: Token[], c: NameCandidate): NameSite {
  const first = tokens[c.first];
  const last = tokens[c.last];
  const coreTokens = tokens.slice(c.first, c.last + 1).filter((t) => !isSuffix(t) && !t.initial);
  const core = coreTokens.length === c.words.length ? c.words : coreTokens.map((t) => t.lower);
  const { surname, given, eastAsian } = nameParts(lex, core, c.prefix?.kind === 'honorific', first.initial);
  const prefix = c.prefix;
  // Every site has the same fields, so that the document phase reads them all alike.
  return {
    start: first.start,
    end: last.end,
    mentionStart: prefix?.kind === 'honorific' ? tokens[prefix.token].start : first.start,
    possessive: last.possessive,
    sentence: first.sentence,
    words: c.words,
    core,
    initialFirst: first.initial,
    surname,
    given,
    eastAsian,
    prefix: prefix && { kind: prefix.kind, royal: prefix.royal, gender: prefix.gender },
    capsLine: first.capsLine,
    titles: titlesOf(lex, text, tokens, c, prefix?.token),
  };
}

/** Most names stand without a title: they all share this one empty list (the cache holds every name of the document). */
const NO_TITLES: readonly TitleSite[] = [];

function titlesOf(lex: PeopleLexicon, text: string, tokens: Token[], c: NameCandidate, prefixToken: number | undefined): readonly TitleSite[] {
  const found = titlesAround(lex, text, tokens, c.first, c.last, prefixToken);
  return found.length === 0 ? NO_TITLES : found.map((t) => titleSite(lex, tokens, t));
}

/** Family and given name, from the name's words that are neither suffixes nor initials. */
function nameParts(lex: PeopleLexicon, words: string[], afterHonorific: boolean, initialFirst: boolean): { surname: string; given?: string; eastAsian: boolean } {
  if (words.length === 1) return { surname: words[0], eastAsian: false };
  // "Kim Kye-Gwan", "Wang Yi": family name first, even when "Kim" is also a Western given name.
  // Two short syllables: "Kye-Gwan", "Moo-Jin", "Geun-hye" (not "Álvarez-Núñez").
  const hyphenatedGiven = words[0].length <= 5 && /^\p{L}{1,5}-\p{L}{1,5}$/u.test(words[1]);
  const eastAsian =
    words.length === 2 &&
    ((lex.eastAsianSurnames.has(words[0]) && (hyphenatedGiven || !lex.givenNames.has(words[0]))) || (hyphenatedGiven && !lex.givenNames.has(words[0])));
  if (eastAsian) return { surname: words[0], given: words[1], eastAsian };
  // "Mr. Peña Nieto": after an honorific, all the words are the family name.
  if (afterHonorific) return { surname: words[words.length - 1], eastAsian: false };
  return { surname: words[words.length - 1], given: initialFirst ? undefined : words[0], eastAsian: false };
}

function contentWords(title: string): string[] {
  return title.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w && w !== 'of' && w !== 'the');
}

function titleSite(lex: PeopleLexicon, tokens: Token[], title: Title): TitleSite {
  const heads: string[] = [];
  for (let i = firstStartingFrom(tokens, title.start); i < tokens.length && tokens[i].start < title.end; i++) {
    const t = tokens[i];
    if (lex.titleHeads.has(t.lower)) heads.push(t.lower);
    const full = lex.titleAbbreviations.get(t.lower);
    if (full && t.text.endsWith('.')) heads.push(full);
  }
  const words: string[] = [];
  for (const w of contentWords(title.text)) {
    words.push(w);
    // "Sen." stands for "senator": abbreviations count as the words they abbreviate.
    const full = lex.titleAbbreviations.get(w);
    if (full) words.push(...full.split(' '));
  }
  const genders: Gender[] = [];
  for (const w of title.text.toLowerCase().split(/[^a-z-]+/)) {
    const gender = lex.titleGender.get(w);
    if (gender) genders.push(gender);
  }
  return { title, key: title.text.toLowerCase(), heads, words, genders };
}

function organizationSite(text: string, tokens: Token[], o: OrgCandidate): OrganizationSite {
  let first = o.first;
  if (tokens[first].lower === 'the' && first < o.last) first++;
  const { start } = tokens[first];
  const last = tokens[o.last];
  return { start, end: last.end, possessive: last.possessive, key: text.slice(start, last.end).toLowerCase() };
}

/** "the minister", "the senator", "the president's son": definite titles with a lower-case head. */
function anaphorSites(lex: PeopleLexicon, text: string, tokens: Token[], names: NameCandidate[]): AnaphorSite[] {
  const sites: AnaphorSite[] = [];
  const nameStarts = new Set(names.map((c) => (c.prefix?.kind === 'honorific' ? c.prefix.token : c.first)));
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].lower !== 'the') continue;
    const found = titlePhrase(lex, text, tokens, i, 'apposition');
    if (!found || tokens.slice(i + 1, found.head).some((t) => t.possessive)) continue;
    const head = tokens[found.head];
    if (!lex.titleHeads.has(head.lower) || head.cap) continue;
    const last = tokens[found.last];
    sites.push({
      start: tokens[i].start,
      end: last.end,
      possessive: last.possessive,
      sentence: tokens[i].sentence,
      head: head.lower,
      words: contentWords(found.title.text),
      title: titleSite(lex, tokens, found.title),
      startsName: nameStarts.has(i),
    });
  }
  return sites;
}
