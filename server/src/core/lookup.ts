import type { Article, Mention, Organization, Person, Quote, TemporalExpression, Title } from './model';

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
  for (const person of article.people) {
    for (const mention of person.mentions) entries.push({ ...mention, element: { kind: 'person', person, mention } });
    for (const title of person.titles) entries.push({ ...title, element: { kind: 'title', person, title } });
  }
  for (const organization of article.organizations) {
    for (const mention of organization.mentions) {
      entries.push({ ...mention, element: { kind: 'organization', organization, mention } });
    }
  }
  for (const date of article.dates) entries.push({ ...date, element: { kind: 'date', date } });
  for (const quote of article.quotes) entries.push({ ...quote, element: { kind: 'quote', quote } });
  return entries.sort((a, b) => a.start - b.start);
}

/** Longest span of any element, so the search window before `offset` stays bounded. */
const maxSpanCache = new WeakMap<IndexedElement[], number>();

/**
 * The most specific element whose span contains `offset` (start inclusive, end inclusive so that a
 * cursor just after a word still finds it). Binary search over a per-article index built once.
 */
export function elementAt(article: Article, offset: number): ArticleElement | null {
  let index = indexCache.get(article);
  if (!index) {
    index = buildIndex(article);
    indexCache.set(article, index);
    maxSpanCache.set(index, index.reduce((max, e) => Math.max(max, e.end - e.start), 0));
  }
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

export function quotesBy(article: Article, speakerId: string): Quote[] {
  return article.quotes.filter((q) => q.speakerId === speakerId);
}
