// `npm run lexicon`: writes server/src/core/data/compromise-lexicon.json, the part of compromise's word
// list the people stage reads (given names, places, demonyms, ordinary words). The server reads that
// file instead of loading compromise, which would hold about 30 MB for one table. A unit test checks
// the file against the installed compromise, so an upgrade cannot leave it stale.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import nlp from 'compromise';

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'ProperNoun', 'Honorific']);
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);

export interface CompromiseLexicon {
  compromise: string;
  demonyms: string[];
  places: string[];
  maleNames: string[];
  femaleNames: string[];
  /** First names compromise gives no gender. */
  otherFirstNames: string[];
  /** Words compromise knows only as ordinary words (verbs, adjectives, nouns…), never as a name, place or organisation. */
  commonWords: string[];
}

export const LEXICON_FILE = path.resolve(__dirname, '../server/src/core/data/compromise-lexicon.json');

/** The lists, sorted, from the installed compromise. */
export function deriveLexicon(): CompromiseLexicon {
  const words = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const lexicon: CompromiseLexicon = {
    compromise: (nlp as unknown as { version: string }).version,
    demonyms: [],
    places: [],
    maleNames: [],
    femaleNames: [],
    otherFirstNames: [],
    commonWords: [],
  };
  for (const [word, entry] of Object.entries(words)) {
    const tags = typeof entry === 'string' ? [entry] : entry;
    const named = tags.some((t) => NAME_TAGS.has(t));
    const placed = tags.some((t) => PLACE_TAGS.has(t));
    if (tags.includes('Demonym')) lexicon.demonyms.push(word);
    else if (placed && !named) lexicon.places.push(word);
    if (tags.includes('MaleName')) lexicon.maleNames.push(word);
    else if (tags.includes('FemaleName')) lexicon.femaleNames.push(word);
    else if (tags.includes('FirstName')) lexicon.otherFirstNames.push(word);
    // An organisation ("fbi", "amtrak") is a name, not an ordinary word.
    if (tags.length > 0 && !named && !placed && !tags.includes('Demonym') && !tags.includes('Organization')) lexicon.commonWords.push(word);
  }
  for (const list of Object.values(lexicon)) if (Array.isArray(list)) list.sort();
  return lexicon;
}

if (require.main === module) {
  writeFileSync(LEXICON_FILE, `${JSON.stringify(deriveLexicon(), null, 1)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), LEXICON_FILE)}`);
}
