import type { Article, Mention, Organization, Person, Quote, Span, TemporalExpression, Title } from './model';

/** What sits at a position of the text, most specific first. */
export type ArticleElement =
  | { kind: 'person'; person: Person; mention: Mention }
  | { kind: 'title'; person: Person; title: Title }
  | { kind: 'organization'; organization: Organization; mention: Mention }
  | { kind: 'date'; date: TemporalExpression }
  | { kind: 'quote'; quote: Quote };

type Kind = ArticleElement['kind'];

/** Rank of each kind when spans nest: a name inside a quote is about the name. */
const SPECIFICITY: Record<Kind, number> = {
  person: 0,
  organization: 0,
  date: 1,
  title: 2,
  quote: 3,
};

/** The element a candidate would be, built only for the one that is returned. */
type Candidate = { kind: Kind; span: Mention | Title | TemporalExpression | Quote; owner: Person | Organization | null };

/** Index of the last span starting at or before `offset` in a list in text order, or -1. */
function lastStartingBy(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid].start <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

const extentsOfEntities = new WeakMap<readonly Person[], Int32Array>();

function widen(extents: Int32Array, at: number, start: number, end: number): void {
  if (start < extents[at]) extents[at] = start;
  if (end > extents[at + 1]) extents[at + 1] = end;
}

/**
 * From the first start to the last end of each entity's mentions and titles (people, then organisations),
 * side by side in one array. A hover on a 1 MB article otherwise reads every person and organisation, a
 * few thousand objects spread over memory: about 0.25 ms after each edit. Made once per analysis (which
 * makes them while those objects are fresh in the processor's cache: see analyze), kept with its people.
 */
export function entityExtents(people: readonly Person[], organizations: readonly Organization[]): Int32Array {
  let extents = extentsOfEntities.get(people);
  if (extents) return extents;
  extents = new Int32Array(2 * (people.length + organizations.length));
  for (let k = 0; k < extents.length; k += 2) {
    extents[k] = 0x7fffffff; // nothing: no offset lies in it
    extents[k + 1] = -1;
  }
  // Mentions come in text order and do not nest: the first starts first and the last ends last.
  for (let k = 0; k < people.length; k++) {
    const { mentions, titles } = people[k];
    if (mentions.length > 0) widen(extents, 2 * k, mentions[0].start, mentions[mentions.length - 1].end);
    for (const title of titles) widen(extents, 2 * k, title.start, title.end);
  }
  for (let k = 0, e = 2 * people.length; k < organizations.length; k++, e += 2) {
    const { mentions } = organizations[k];
    if (mentions.length > 0) widen(extents, e, mentions[0].start, mentions[mentions.length - 1].end);
  }
  extentsOfEntities.set(people, extents);
  return extents;
}

/**
 * The most specific element whose span contains `offset` (start inclusive, end inclusive so that a
 * cursor just after a word still finds it); between equals, the one starting last.
 * Mentions, dates and quotes come in text order and do not nest, so each list is searched by
 * halving and read back only while its spans still reach the offset; titles, which may nest, are
 * few and read whole. Only the entities whose extent holds the offset are read (see entityExtents).
 */
export function elementAt(article: Article, offset: number): ArticleElement | null {
  let best: Candidate | null = null;
  const consider = (kind: Kind, span: Candidate['span'], owner: Candidate['owner']): void => {
    if (span.start > offset || span.end < offset) return;
    if (best === null || isPreferred(kind, span, best)) best = { kind, span, owner };
  };
  const search = <S extends Candidate['span']>(kind: Kind, spans: readonly S[], owner: Candidate['owner']): void => {
    // Most names appear in one stretch of a long document: the first and last mention rule them out at once.
    if (spans.length === 0 || spans[0].start > offset || spans[spans.length - 1].end < offset) return;
    for (let i = lastStartingBy(spans, offset); i >= 0 && spans[i].end >= offset; i--) consider(kind, spans[i], owner);
  };
  const { people, organizations } = article;
  const extents = entityExtents(people, organizations);
  for (let k = 0; k < people.length; k++) {
    if (extents[2 * k] > offset || extents[2 * k + 1] < offset) continue;
    const person = people[k];
    search('person', person.mentions, person);
    for (const title of person.titles) consider('title', title, person);
  }
  for (let k = 0, e = 2 * people.length; k < organizations.length; k++, e += 2) {
    if (extents[e] <= offset && extents[e + 1] >= offset) search('organization', organizations[k].mentions, organizations[k]);
  }
  search('date', article.dates, null);
  search('quote', article.quotes, null);
  return best === null ? null : elementOf(best);
}

function isPreferred(kind: Kind, span: Candidate['span'], best: Candidate): boolean {
  const rank = SPECIFICITY[kind] - SPECIFICITY[best.kind];
  if (rank !== 0) return rank < 0;
  const length = span.end - span.start;
  const bestLength = best.span.end - best.span.start;
  if (length !== bestLength) return length < bestLength;
  return span.start >= best.span.start;
}

function elementOf({ kind, span, owner }: Candidate): ArticleElement {
  switch (kind) {
    case 'person':
      return { kind, person: owner as Person, mention: span as Mention };
    case 'title':
      return { kind, person: owner as Person, title: span as Title };
    case 'organization':
      return { kind, organization: owner as Organization, mention: span as Mention };
    case 'date':
      return { kind, date: span as TemporalExpression };
    case 'quote':
      return { kind, quote: span as Quote };
  }
}

/** The person or organisation an id in `Quote.speakerId` refers to. */
export function speakerOf(article: Article, quote: Quote): Person | Organization | null {
  if (!quote.speakerId) return null;
  return (
    article.people.find((p) => p.id === quote.speakerId) ??
    article.organizations.find((o) => o.id === quote.speakerId) ??
    null
  );
}

const quotesBySpeaker = new WeakMap<Article, Map<string, Quote[]>>();

/** The quotes credited to a person or organisation (grouped once per article: outlines ask for every speaker). */
export function quotesBy(article: Article, speakerId: string): Quote[] {
  let groups = quotesBySpeaker.get(article);
  if (!groups) {
    groups = new Map();
    for (const quote of article.quotes) {
      if (!quote.speakerId) continue;
      const group = groups.get(quote.speakerId);
      if (group) group.push(quote);
      else groups.set(quote.speakerId, [quote]);
    }
    quotesBySpeaker.set(article, groups);
  }
  return groups.get(speakerId) ?? [];
}
