import speechVerbData from '../data/speech-verbs.json';
import quoteWordData from '../data/quote-words.json';
import titleData from '../data/titles.json';
import type { LexiconExtensions } from '../model';

/** The word lists the quote stage reads, with a newsroom's extra speech verbs merged in. */
export interface QuoteLexicon {
  verbs: Set<string>;
  inverting: Set<string>;
  headline: Set<string>;
  /** Multi-word cues whose source follows them ("according to"), as word arrays. */
  phrases: string[][];
  skippable: Set<string>;
  temporal: Set<string>;
  clauseBreaks: Set<string>;
  determiners: Set<string>;
  sourceNouns: Set<string>;
  speechNouns: Set<string>;
  scareIntroducers: string[][];
  pronounGender: Map<string, 'male' | 'female' | 'plural' | 'neuter' | 'other'>;
  /** Last words of titles ("minister", "front-runner"): "the Democratic front-runner" describes a person. */
  titleHeads: Set<string>;
  /** Nouns naming a work ("podcast", "film"): a quotation in title case after one is its title. */
  workNouns: Set<string>;
  /** Single words of titles, their modifiers and "former": "said former Utah governor Michael Leavitt". */
  titleWords: Set<string>;
}

const lower = (words: string[]): string[] => words.map((w) => w.toLowerCase().trim()).filter((w) => w !== '');

const lastWord = (title: string): string => title.toLowerCase().trim().split(/\s+/).pop() ?? '';

function build(extraVerbs: string[], extraTitles: string[]): QuoteLexicon {
  const verbs = new Set(lower([...speechVerbData.verbs, ...extraVerbs.filter((v) => !v.includes(' '))]));
  const phrases = lower([...speechVerbData.phrases, ...extraVerbs.filter((v) => v.includes(' '))]).map((p) => p.split(/\s+/));
  const pronounGender = new Map<string, 'male' | 'female' | 'plural' | 'neuter' | 'other'>();
  for (const [gender, words] of Object.entries(quoteWordData.pronouns)) {
    for (const w of words) pronounGender.set(w, gender as 'male' | 'female' | 'plural' | 'neuter' | 'other');
  }
  return {
    verbs,
    // A newsroom's own verbs may invert too ("…," quipped the senator).
    inverting: new Set(lower([...speechVerbData.inverting, ...extraVerbs.filter((v) => !v.includes(' '))])),
    headline: new Set(lower(speechVerbData.headline)),
    phrases,
    skippable: new Set(quoteWordData.skippable),
    temporal: new Set(quoteWordData.temporal),
    clauseBreaks: new Set(quoteWordData.clauseBreaks),
    determiners: new Set(quoteWordData.determiners),
    sourceNouns: new Set(quoteWordData.sourceNouns),
    speechNouns: new Set(quoteWordData.speechNouns),
    scareIntroducers: quoteWordData.scareIntroducers.map((p) => p.split(/\s+/)),
    pronounGender,
    titleHeads: new Set([...titleData.heads, ...extraTitles].map(lastWord).filter((w) => w !== '')),
    workNouns: new Set(quoteWordData.workNouns),
    titleWords: new Set(lower([...titleData.heads, ...titleData.modifiers, ...titleData.former, ...extraTitles]).filter((w) => !w.includes(' '))),
  };
}

let cached: { key: string; lexicon: QuoteLexicon } | null = null;

export function quoteLexicon(extensions: LexiconExtensions): QuoteLexicon {
  const extra = extensions.speechVerbs ?? [];
  const titles = extensions.titles ?? [];
  const key = `${extra.join('\n')}\u0000${titles.join('\n')}`;
  if (!cached || cached.key !== key) cached = { key, lexicon: build(extra, titles) };
  return cached.lexicon;
}
