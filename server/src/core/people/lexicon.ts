import compromiseData from '../data/compromise-lexicon.json';
import givenNameData from '../data/given-names.json';
import honorificData from '../data/honorifics.json';
import organizationData from '../data/organizations.json';
import placeData from '../data/places.json';
import titleData from '../data/titles.json';
import type { Gender, LexiconExtensions } from '../model';
import { detached } from '../paragraphCache';

/** Everything the people stage looks words up in, built once per lexicon extension. Keys are lower case. */
export interface PeopleLexicon {
  titleHeads: Set<string>;
  titlePlurals: Set<string>;
  titleModifiers: Set<string>;
  /** Heads also used attributively ("general election"). */
  adjectivalHeads: Set<string>;
  /** "sen" → "senator": written before names with a full stop. */
  titleAbbreviations: Map<string, string>;
  royalTitles: Set<string>;
  formerWords: Set<string>;
  /** "son", "wife": family relations that come before a name. */
  relations: Set<string>;
  titleGender: Map<string, Gender>;
  /** "mr" → male, "dr" → undefined. */
  honorifics: Map<string, Gender | undefined>;
  orgHeads: Set<string>;
  /** Known organisation names, lower case, with their length in words for longest match. */
  orgNames: Set<string>;
  places: Set<string>;
  demonyms: Set<string>;
  nonNames: Set<string>;
  /** The lower-case part after the hyphen of "Texas-based", "Iowa-born": adjectives, not name words. */
  adjectiveSuffixes: Set<string>;
  givenNames: Map<string, Gender | undefined>;
  eastAsianSurnames: Set<string>;
  /** Lower-case words compromise knows only as ordinary words (verbs, adjectives, nouns…). */
  isCommonWord(word: string): boolean;
  /**
   * One string for every equal word the paragraph caches keep ("clinton", "minister"), rather than one
   * per occurrence. Only a memory saving: the strings it remembers are dropped past a bound.
   */
  intern(word: string): string;
  /** Likewise one list for every equal list of interned words ("hillary clinton"). */
  internWords(words: readonly string[]): readonly string[];
}

const MAX_INTERNED = 30_000;

/** Ordinary words from compromise's word list (see scripts/compromise-lexicon.ts), made a set on first use. */
let commonWords: Set<string> | undefined;

const lower = (xs: string[]): string[] => xs.map((x) => x.toLowerCase());

function build(extensions: LexiconExtensions): PeopleLexicon {
  const titleHeads = new Set(lower(titleData.heads));
  const titleModifiers = new Set(lower(titleData.modifiers));
  // A newsroom's title ("Bundesrat president") adds its last word as a head and the rest as modifiers.
  for (const title of extensions.titles ?? []) {
    const words = title.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    titleHeads.add(words[words.length - 1]);
    for (const w of words.slice(0, -1)) titleModifiers.add(w);
  }
  const titleGender = new Map<string, Gender>();
  for (const w of titleData.male) titleGender.set(w, 'male');
  for (const w of titleData.female) titleGender.set(w, 'female');

  const honorifics = new Map<string, Gender | undefined>();
  for (const h of honorificData.male) honorifics.set(h.toLowerCase(), 'male');
  for (const h of honorificData.female) honorifics.set(h.toLowerCase(), 'female');
  for (const h of honorificData.neutral) honorifics.set(h.toLowerCase(), undefined);
  for (const h of extensions.honorifics ?? []) honorifics.set(h.toLowerCase().replace(/\.$/, ''), undefined);

  const givenNames = new Map<string, Gender | undefined>();
  for (const n of givenNameData.male) givenNames.set(n, 'male');
  for (const n of givenNameData.female) givenNames.set(n, 'female');

  // Our own lists first; compromise's word list adds to them.
  const places = new Set([...lower(placeData.places), ...compromiseData.places]);
  const demonyms = new Set([...lower(placeData.demonyms), ...compromiseData.demonyms]);
  const addName = (name: string, gender: Gender | undefined): void => {
    if (!givenNames.has(name)) givenNames.set(name, gender);
  };
  for (const name of compromiseData.maleNames) addName(name, 'male');
  for (const name of compromiseData.femaleNames) addName(name, 'female');
  for (const name of compromiseData.otherFirstNames) addName(name, undefined);
  commonWords ??= new Set(compromiseData.commonWords);
  const ordinary = commonWords;

  const nonNames = new Set(lower(placeData.nonNames));
  const interned = new Map<string, string>();
  const internedLists = new Map<string, readonly string[]>();
  return {
    titleHeads,
    titlePlurals: new Set(lower(titleData.plurals)),
    adjectivalHeads: new Set(titleData.adjectival),
    titleModifiers,
    titleAbbreviations: new Map(Object.entries(titleData.abbreviations).map(([k, v]) => [k.toLowerCase(), v])),
    royalTitles: new Set(titleData.royal),
    formerWords: new Set(titleData.former),
    relations: new Set(titleData.relations),
    titleGender,
    honorifics,
    orgHeads: new Set(lower(organizationData.heads)),
    orgNames: new Set(lower([...organizationData.names, ...(extensions.organizations ?? [])])),
    places,
    demonyms,
    nonNames,
    adjectiveSuffixes: new Set(placeData.adjectiveSuffixes),
    givenNames,
    eastAsianSurnames: new Set(givenNameData.eastAsianSurnames),
    isCommonWord(word: string): boolean {
      return ordinary.has(word);
    },
    intern(word: string): string {
      const known = interned.get(word);
      if (known !== undefined) return known;
      if (interned.size >= MAX_INTERNED) interned.clear();
      // The table outlives every document: it must not keep a slice of one, and with it the whole text.
      const own = detached(word);
      interned.set(own, own);
      return own;
    },
    internWords(words: readonly string[]): readonly string[] {
      const key = words.length === 1 ? words[0] : words.join(' ');
      const known = internedLists.get(key);
      if (known !== undefined) return known;
      if (internedLists.size >= MAX_INTERNED) internedLists.clear();
      internedLists.set(key, words);
      return words;
    },
  };
}

const cache = new Map<string, PeopleLexicon>();

export function peopleLexicon(extensions: LexiconExtensions = {}): PeopleLexicon {
  const key = JSON.stringify([extensions.titles, extensions.honorifics, extensions.organizations]);
  let lexicon = cache.get(key);
  if (!lexicon) {
    lexicon = build(extensions);
    if (cache.size > 8) cache.clear();
    cache.set(key, lexicon);
  }
  return lexicon;
}
