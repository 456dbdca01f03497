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

/**
 * The most specific element whose span contains `offset` (start inclusive, end inclusive so that a
 * cursor just after a word still finds it); between equals, the one starting last.
 * Mentions, dates and quotes come in text order and do not nest, so each list is searched by
 * halving and read back only while its spans still reach the offset; titles, which may nest, are
 * few and read whole. No index: one rebuilt after every edit cost a 1 MB article 5 ms per edit, and
 * reading every element on each hover about 1 ms.
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
  for (const person of article.people) {
    search('person', person.mentions, person);
    for (const title of person.titles) consider('title', title, person);
  }
  for (const organization of article.organizations) search('organization', organization.mentions, organization);
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
