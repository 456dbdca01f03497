import type { Article, Mention, Organization, Person, Quote, Span, TemporalExpression, Title } from './model';

/** What sits at a position of the text, most specific first. */
export type ArticleElement =
  | { kind: 'person'; person: Person; mention: Mention }
  | { kind: 'title'; person: Person; title: Title }
  | { kind: 'organization'; organization: Organization; mention: Mention }
  | { kind: 'date'; date: TemporalExpression }
  | { kind: 'quote'; quote: Quote };

interface IndexedElement {
  start: number;
  end: number;
  element: ArticleElement;
}

/** Rank of each kind when spans nest: a name inside a quote is about the name. */
const SPECIFICITY: Record<ArticleElement['kind'], number> = {
  person: 0,
  organization: 0,
  date: 1,
  title: 2,
  quote: 3,
};

const indexCache = new WeakMap<Article, IndexedElement[]>();

function buildIndex(article: Article): IndexedElement[] {
  const entries: IndexedElement[] = [];
  const add = (span: Span, element: ArticleElement) => entries.push({ start: span.start, end: span.end, element });
  for (const person of article.people) {
    for (const mention of person.mentions) add(mention, { kind: 'person', person, mention });
    for (const title of person.titles) add(title, { kind: 'title', person, title });
  }
  for (const organization of article.organizations) {
    for (const mention of organization.mentions) add(mention, { kind: 'organization', organization, mention });
  }
  for (const date of article.dates) add(date, { kind: 'date', date });
  for (const quote of article.quotes) add(quote, { kind: 'quote', quote });
  return entries.sort((a, b) => a.start - b.start);
}

/** Longest span of any element, so the search window before `offset` stays bounded. */
const maxSpanCache = new WeakMap<IndexedElement[], number>();

function indexOf(article: Article): IndexedElement[] {
  let index = indexCache.get(article);
  if (!index) {
    index = buildIndex(article);
    indexCache.set(article, index);
    maxSpanCache.set(index, index.reduce((max, e) => Math.max(max, e.end - e.start), 0));
  }
  return index;
}

/** Builds the position index ahead of the first hover (it is built once per article). */
export function prepareLookup(article: Article): void {
  indexOf(article);
}

/**
 * The most specific element whose span contains `offset` (start inclusive, end inclusive so that a
 * cursor just after a word still finds it). Binary search over a per-article index built once.
 */
export function elementAt(article: Article, offset: number): ArticleElement | null {
  const index = indexOf(article);
  const maxSpan = maxSpanCache.get(index) ?? 0;
  let low = 0;
  let high = index.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (index[mid].start <= offset) low = mid + 1;
    else high = mid;
  }
  let best: IndexedElement | null = null;
  for (let i = low - 1; i >= 0 && index[i].start >= offset - maxSpan; i--) {
    const entry = index[i];
    if (entry.end < offset) continue;
    if (!best || isMoreSpecific(entry, best)) best = entry;
  }
  return best?.element ?? null;
}

function isMoreSpecific(a: IndexedElement, b: IndexedElement): boolean {
  const rank = SPECIFICITY[a.element.kind] - SPECIFICITY[b.element.kind];
  if (rank !== 0) return rank < 0;
  return a.end - a.start < b.end - b.start;
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
