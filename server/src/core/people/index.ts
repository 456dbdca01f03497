import type { LexiconExtensions, Mention, Organization, Person, TextStructure, Title } from '../model';
import { findCandidates, type OrgCandidate } from './candidates';
import { linkTitleAnaphors } from './anaphora';
import { assignGenders } from './gender';
import { peopleLexicon } from './lexicon';
import { linkMentions, type PersonDraft } from './linking';
import { titlesAround } from './titles';
import { tokenize, type Token } from './tokens';

export interface PeopleAnalysis {
  people: Person[];
  organizations: Organization[];
}

/** Named people with their titles and linked mentions, and the organisations that are not people. */
export function findPeople(structure: TextStructure, lexicon: LexiconExtensions = {}): PeopleAnalysis {
  const lex = peopleLexicon(lexicon);
  const { text } = structure;
  const abbreviations = new Set([...lex.honorifics.keys(), ...lex.titleAbbreviations.keys()]);
  const tokens = tokenize(structure, abbreviations);
  const { names, orgs } = findCandidates(lex, tokens);
  const drafts = linkMentions(lex, text, tokens, names);
  for (const d of drafts) d.titles = d.ranges.flatMap((r) => titlesAround(lex, text, tokens, r.first, r.last, r.prefix?.token));
  linkTitleAnaphors(lex, text, tokens, drafts);
  for (const d of drafts) {
    d.titles = uniqueTitles(d.titles);
    const order = d.mentions.map((_, k) => k).sort((a, b) => d.mentions[a].start - d.mentions[b].start);
    d.mentions = order.map((k) => d.mentions[k]);
    d.ranges = order.map((k) => d.ranges[k]);
  }
  const genders = assignGenders(lex, tokens, drafts);
  const people = drafts.map((d, k): Person => {
    const person: Person = { id: `p${k + 1}`, name: fullestName(text, tokens, d), titles: d.titles, mentions: d.mentions };
    const gender = genders.get(d);
    if (gender) person.gender = gender;
    return person;
  });
  return { people, organizations: groupOrganizations(text, tokens, orgs) };
}

/** One title per wording (letter case aside), in text order. */
function uniqueTitles(titles: Title[]): Title[] {
  const seen = new Map<string, Title>();
  for (const t of titles.sort((a, b) => a.start - b.start)) {
    const key = t.text.toLowerCase();
    if (!seen.has(key)) seen.set(key, t);
  }
  return [...seen.values()];
}

/** The longest form of the name in the article, without honorific or possessive ending. */
function fullestName(text: string, tokens: Token[], d: PersonDraft): string {
  let best = '';
  let bestWords = 0;
  let bestCaps = true;
  for (const [k, r] of d.ranges.entries()) {
    if (d.mentions[k].kind === 'title') continue;
    const words = r.last - r.first + 1;
    const name = text.slice(tokens[r.first].start, tokens[r.last].end);
    // A headline in capitals gives the name only when the article never writes it otherwise.
    const caps = tokens[r.first].capsLine;
    if ((bestCaps && !caps && best) || (!(caps && !bestCaps) && (words > bestWords || (words === bestWords && name.length > best.length)))) {
      bestCaps = caps;
      best = name;
      bestWords = words;
    }
  }
  return best;
}

/** Organisations grouped by name (a leading "The" aside), numbered in order of first mention. */
function groupOrganizations(text: string, tokens: Token[], orgs: OrgCandidate[]): Organization[] {
  const byName = new Map<string, Organization>();
  const sorted = [...orgs].sort((a, b) => tokens[a.first].start - tokens[b.first].start);
  for (const o of sorted) {
    let first = o.first;
    if (tokens[first].lower === 'the' && first < o.last) first++;
    const last = tokens[o.last];
    const mention: Mention = { text: text.slice(tokens[first].start, last.end), start: tokens[first].start, end: last.end, kind: 'full' };
    if (last.possessive) mention.possessive = true;
    const key = mention.text.toLowerCase();
    let org = byName.get(key);
    if (!org) {
      org = { id: `o${byName.size + 1}`, name: mention.text, mentions: [] };
      byName.set(key, org);
    }
    org.mentions.push(mention);
  }
  return [...byName.values()];
}
