import { kept, NONE } from '../paragraphCache';
import type { Gender, Mention, Paragraph, Span, Title } from '../model';
import { firstStartingFrom } from '../spans';
import { findCandidates, isSuffix, type NameCandidate, type OrgCandidate } from './candidates';
import type { PeopleLexicon } from './lexicon';
import { titlePhrase, titlesAround } from './titles';
import { tokenize, type Token } from './tokens';

/**
 * What the people stage finds in one paragraph on its own, with offsets from the paragraph's start
 * and no tokens: the document phase links these across paragraphs. The cache holds one for every
 * paragraph of the document, so lists are exactly as long as they need to be and empty ones are shared.
 */
export interface ParagraphPeople {
  /** Names judged a person's on their own, in text order. */
  personNames: readonly NameSite[];
  /** The other names, in text order: they only join a person named elsewhere (kept apart, so each linking pass reads only its own). */
  otherNames: readonly NameSite[];
  organizations: readonly OrganizationSite[];
  /** "the senator", "the minister's": definite titles that may refer back to a person, in text order. */
  anaphors: readonly AnaphorSite[];
  /** Third-person pronouns in text order, two numbers each: see pronounStart, pronounSentence and pronounGender. */
  pronouns: readonly number[];
}

/** Every paragraph's findings: `found[k]` for `paragraphs[k]`, whose start places its offsets in the document. */
export interface PlacedParagraphs {
  found: ParagraphPeople[];
  paragraphs: readonly Paragraph[];
}

const POSSESSIVE = 1;
const INITIAL_FIRST = 2;
const EAST_ASIAN = 4;
const CAPS_LINE = 8;
const TITLE_PREFIX = 16;
const HONORIFIC_PREFIX = 32;
const ROYAL = 64;
const MALE = 128;
const FEMALE = 256;

/**
 * A capitalised name, with everything linking, titles, gender and the fullest name need. Its yes/no
 * facts share one number and its family and given name are read from its words: the cache holds
 * every name of the document.
 */
export class NameSite {
  constructor(
    /** The name without honorific or possessive ending. */
    readonly start: number,
    readonly end: number,
    /** Where a mention of it starts: at an honorific ("Mr. Kim"), else at the name. */
    readonly mentionStart: number,
    /** Index of its sentence in the paragraph. */
    readonly sentence: number,
    private readonly flags: number,
    /** The name's words, lower case, without initials' full stops. */
    readonly words: readonly string[],
    /** The words that are neither suffixes nor initials. */
    readonly core: readonly string[],
    /** The titles written around it. */
    readonly titles: readonly TitleSite[],
    /** The text of a mention of it, from `mentionStart` to `end`: a mention takes it rather than slicing the document each analysis. */
    readonly mentionText: string,
  ) {}

  /** The mention last made of it (see placedMention). */
  placed: Mention | undefined = undefined;

  /** Whether the other site has the same yes/no facts (possessive, prefix, gender, …). */
  sameFacts(other: NameSite): boolean {
    return this.flags === other.flags;
  }

  get possessive(): boolean {
    return (this.flags & POSSESSIVE) !== 0;
  }

  /** Written with an initial first ("J.K. Rowling"). */
  get initialFirst(): boolean {
    return (this.flags & INITIAL_FIRST) !== 0;
  }

  /** Written family name first ("Kim Kye-Gwan", "Wang Yi"). */
  get eastAsian(): boolean {
    return (this.flags & EAST_ASIAN) !== 0;
  }

  /** In a headline in capitals. */
  get capsLine(): boolean {
    return (this.flags & CAPS_LINE) !== 0;
  }

  /** The word right before it: a title ("President Bush"), an honorific ("Mr. Kim") or neither. */
  get prefix(): 'title' | 'honorific' | undefined {
    return this.flags & HONORIFIC_PREFIX ? 'honorific' : this.flags & TITLE_PREFIX ? 'title' : undefined;
  }

  /** After a royal title ("King Hussein"). */
  get royal(): boolean {
    return (this.flags & ROYAL) !== 0;
  }

  /** The gender its title or honorific implies ("Mrs.", "King"). */
  get prefixGender(): Gender | undefined {
    return this.flags & MALE ? 'male' : this.flags & FEMALE ? 'female' : undefined;
  }

  /** Family name: the last core word, or the first in East Asian order. */
  get surname(): string {
    const { core } = this;
    return this.flags & EAST_ASIAN ? core[0] : core[core.length - 1];
  }

  /** Given name, when written: not after an honorific ("Mr. Peña Nieto") nor after an initial. */
  get given(): string | undefined {
    const { core } = this;
    if (core.length === 1) return undefined;
    if (this.flags & EAST_ASIAN) return core[1];
    return this.flags & (HONORIFIC_PREFIX | INITIAL_FIRST) ? undefined : core[0];
  }
}

export interface TitleSite {
  title: Title;
  /** Head words in it ("minister", "senator" for "Sen."), for "the minister" later on. */
  heads: readonly string[];
  /** Its content words, abbreviations counted as the words they abbreviate. */
  words: readonly string[];
  /** The genders its words imply ("spokeswoman", "King"). */
  genders: readonly Gender[];
  /** Its text in lower case: a person keeps one title per wording. */
  wording: string;
  /** The site as last placed in a document (see placeTitle). */
  placed?: TitleSite;
}

export interface OrganizationSite {
  /** Without a leading "The" or possessive ending. */
  start: number;
  end: number;
  possessive: boolean;
  /** Its name in lower case, for grouping. */
  key: string;
  /** Its name as written. */
  text: string;
  /** The mention last made of it (see placedMention). */
  placed?: Mention;
}

export interface AnaphorSite {
  /** From "the" to the title's last word, without possessive ending. */
  start: number;
  end: number;
  possessive: boolean;
  sentence: number;
  /** The title's head word, lower case. */
  head: string;
  /** The title's content words, lower case. */
  words: readonly string[];
  title: TitleSite;
  /** A name candidate starts here too: then only a name that was linked to nobody leaves it a title. */
  startsName: boolean;
  /** The mention last made of it (see placedMention). */
  placed?: Mention;
  /** The text from "the" to the title's end. */
  text: string;
}

/** Where the pronoun at `k` (counted in pronouns, not numbers) starts in its paragraph. */
export function pronounStart(pronouns: readonly number[], k: number): number {
  return pronouns[2 * k];
}

/** Index of the sentence of the pronoun at `k` in its paragraph. */
export function pronounSentence(pronouns: readonly number[], k: number): number {
  return pronouns[2 * k + 1] >> 1;
}

export function pronounGender(pronouns: readonly number[], k: number): Gender {
  return pronouns[2 * k + 1] & 1 ? 'female' : 'male';
}

/** One result for every paragraph that finds nothing. */
const NOTHING_FOUND: ParagraphPeople = { personNames: NONE, otherNames: NONE, organizations: NONE, anaphors: NONE, pronouns: NONE };

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
  const pronouns: number[] = [];
  for (const t of tokens) {
    const gender = t.isWord && mayBePronoun(t.lower) ? PRONOUNS.get(t.lower) : undefined;
    if (gender) pronouns.push(t.start, 2 * t.sentence + (gender === 'female' ? 1 : 0));
  }
  const organizations = orgs.sort((a, b) => tokens[a.first].start - tokens[b.first].start).map((o) => organizationSite(lex, text, tokens, o));
  const anaphors = anaphorSites(lex, text, tokens, names);
  if (!names.length && !organizations.length && !anaphors.length && !pronouns.length) return NOTHING_FOUND;
  return {
    personNames: kept(personNames),
    otherNames: kept(otherNames),
    organizations: kept(organizations),
    anaphors: kept(anaphors),
    pronouns: kept(pronouns),
  };
}

function nameSite(lex: PeopleLexicon, text: string, tokens: Token[], c: NameCandidate): NameSite {
  const first = tokens[c.first];
  const last = tokens[c.last];
  const words = lex.internWords(c.words.map((w) => lex.intern(w)));
  const coreTokens = tokens.slice(c.first, c.last + 1).filter((t) => !isSuffix(t) && !t.initial);
  const core = coreTokens.length === words.length ? words : lex.internWords(coreTokens.map((t) => lex.intern(t.lower)));
  const prefix = c.prefix;
  let flags = 0;
  if (last.possessive) flags |= POSSESSIVE;
  if (first.initial) flags |= INITIAL_FIRST;
  if (isEastAsian(lex, core)) flags |= EAST_ASIAN;
  if (first.capsLine) flags |= CAPS_LINE;
  if (prefix) {
    flags |= prefix.kind === 'honorific' ? HONORIFIC_PREFIX : TITLE_PREFIX;
    if (prefix.royal) flags |= ROYAL;
    if (prefix.gender) flags |= prefix.gender === 'male' ? MALE : FEMALE;
  }
  const mentionStart = prefix?.kind === 'honorific' ? tokens[prefix.token].start : first.start;
  const titles = titlesOf(lex, text, tokens, c, prefix?.token);
  return new NameSite(first.start, last.end, mentionStart, first.sentence, flags, words, core, titles, text.slice(mentionStart, last.end));
}

function titlesOf(lex: PeopleLexicon, text: string, tokens: Token[], c: NameCandidate, prefixToken: number | undefined): readonly TitleSite[] {
  const found = titlesAround(lex, text, tokens, c.first, c.last, prefixToken);
  return found.length === 0 ? NONE : found.map((t) => titleSite(lex, tokens, t, contentWords(lex, t.text)));
}

/**
 * Written family name first, from the name's words that are neither suffixes nor initials: "Kim Kye-Gwan",
 * "Wang Yi", even when "Kim" is also a Western given name.
 */
function isEastAsian(lex: PeopleLexicon, words: readonly string[]): boolean {
  if (words.length !== 2) return false;
  // Two short syllables: "Kye-Gwan", "Moo-Jin", "Geun-hye" (not "Álvarez-Núñez").
  const hyphenatedGiven = words[0].length <= 5 && /^\p{L}{1,5}-\p{L}{1,5}$/u.test(words[1]);
  return (lex.eastAsianSurnames.has(words[0]) && (hyphenatedGiven || !lex.givenNames.has(words[0]))) || (hyphenatedGiven && !lex.givenNames.has(words[0]));
}

/** The title's words in lower case, without "of" and "the". */
function contentWords(lex: PeopleLexicon, title: string): readonly string[] {
  const words: string[] = [];
  for (const w of title.toLowerCase().split(/[^\p{L}\p{N}-]+/u)) if (w && w !== 'of' && w !== 'the') words.push(lex.intern(w));
  return kept(words);
}

/** A title's site, given its content words (shared with it unless an abbreviation adds words to them). */
function titleSite(lex: PeopleLexicon, tokens: Token[], title: Title, content: readonly string[]): TitleSite {
  const heads: string[] = [];
  for (let i = firstStartingFrom(tokens, title.start); i < tokens.length && tokens[i].start < title.end; i++) {
    const t = tokens[i];
    if (lex.titleHeads.has(t.lower)) heads.push(lex.intern(t.lower));
    const full = lex.titleAbbreviations.get(t.lower);
    if (full && t.text.endsWith('.')) heads.push(full);
  }
  // "Sen." stands for "senator": abbreviations count as the words they abbreviate.
  let words = content;
  if (content.some((w) => lex.titleAbbreviations.has(w))) {
    const expanded: string[] = [];
    for (const w of content) {
      expanded.push(w);
      const full = lex.titleAbbreviations.get(w);
      if (full) expanded.push(...full.split(' '));
    }
    words = kept(expanded);
  }
  const genders: Gender[] = [];
  const wording = title.text.toLowerCase();
  for (const w of wording.split(/[^a-z-]+/)) {
    const gender = lex.titleGender.get(w);
    if (gender) genders.push(gender);
  }
  return { title, heads: kept(heads), words, genders: kept(genders), wording, placed: undefined };
}

function organizationSite(lex: PeopleLexicon, text: string, tokens: Token[], o: OrgCandidate): OrganizationSite {
  let first = o.first;
  if (tokens[first].lower === 'the' && first < o.last) first++;
  const { start } = tokens[first];
  const last = tokens[o.last];
  const name = text.slice(start, last.end);
  return { start, end: last.end, possessive: last.possessive, key: lex.intern(name.toLowerCase()), text: name, placed: undefined };
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
    const words = contentWords(lex, found.title.text);
    sites.push({
      start: tokens[i].start,
      end: last.end,
      possessive: last.possessive,
      sentence: tokens[i].sentence,
      head: lex.intern(head.lower),
      words,
      title: titleSite(lex, tokens, found.title, words),
      startsName: nameStarts.has(i),
      text: text.slice(tokens[i].start, last.end),
      placed: undefined,
    });
  }
  return sites;
}
