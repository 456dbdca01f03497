import type { Article, Mention, Organization, Person, Quote, TemporalExpression, Title } from './model';

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

const KINDS: readonly Kind[] = ['person', 'organization', 'date', 'title', 'quote'];

/**
 * Every element's span in text order (ties in the order added), as parallel arrays: the index is
 * rebuilt after every edit, and one object per element would cost a large document much of its time.
 */
interface PositionIndex {
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  spans: Array<Mention | Title | TemporalExpression | Quote>;
  /** The person or organisation a mention or title belongs to. */
  owners: Array<Person | Organization | null>;
  /** The longest span, so the search window before an offset stays bounded. */
  maxSpan: number;
}

/** Positions added beyond this could not share one exactly represented sort key with their offset. */
const KEY_SCALE = 2 ** 22;

function buildIndex(article: Article): PositionIndex {
  const starts: number[] = [];
  const kinds: number[] = [];
  const spans: PositionIndex['spans'] = [];
  const owners: PositionIndex['owners'] = [];
  const add = (kind: Kind, span: PositionIndex['spans'][number], owner: Person | Organization | null): void => {
    starts.push(span.start);
    kinds.push(KINDS.indexOf(kind));
    spans.push(span);
    owners.push(owner);
  };
  for (const person of article.people) {
    for (const mention of person.mentions) add('person', mention, person);
    for (const title of person.titles) add('title', title, person);
  }
  for (const organization of article.organizations) {
    for (const mention of organization.mentions) add('organization', mention, organization);
  }
  for (const date of article.dates) add('date', date, null);
  for (const quote of article.quotes) add('quote', quote, null);
  const order = textOrder(starts);
  const index: PositionIndex = {
    starts: new Int32Array(order.length),
    ends: new Int32Array(order.length),
    kinds: new Uint8Array(order.length),
    spans: new Array(order.length),
    owners: new Array(order.length),
    maxSpan: 0,
  };
  order.forEach((from, to) => {
    const span = spans[from];
    index.starts[to] = span.start;
    index.ends[to] = span.end;
    index.kinds[to] = kinds[from];
    index.spans[to] = span;
    index.owners[to] = owners[from];
    index.maxSpan = Math.max(index.maxSpan, span.end - span.start);
  });
  return index;
}

/** Positions of `starts` sorted by value, ties in their order: numbers sorted in a typed array, no comparator. */
function textOrder(starts: number[]): number[] {
  if (starts.length >= KEY_SCALE) return starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b] || a - b);
  const keys = new Float64Array(starts.length);
  for (let i = 0; i < starts.length; i++) keys[i] = starts[i] * KEY_SCALE + i;
  keys.sort();
  return Array.from(keys, (key) => key % KEY_SCALE);
}

const indexCache = new WeakMap<Article, PositionIndex>();

function indexOf(article: Article): PositionIndex {
  let index = indexCache.get(article);
  if (!index) {
    index = buildIndex(article);
    indexCache.set(article, index);
  }
  return index;
}

/** Builds the position index ahead of the first hover (it is built once per article). */
export function prepareLookup(article: Article): void {
  indexOf(article);
}

function elementOf(index: PositionIndex, i: number): ArticleElement {
  const span = index.spans[i];
  const owner = index.owners[i];
  switch (KINDS[index.kinds[i]]) {
    case 'person':
      return { kind: 'person', person: owner as Person, mention: span as Mention };
    case 'title':
      return { kind: 'title', person: owner as Person, title: span as Title };
    case 'organization':
      return { kind: 'organization', organization: owner as Organization, mention: span as Mention };
    case 'date':
      return { kind: 'date', date: span as TemporalExpression };
    case 'quote':
      return { kind: 'quote', quote: span as Quote };
  }
}

/**
 * The most specific element whose span contains `offset` (start inclusive, end inclusive so that a
 * cursor just after a word still finds it). Binary search over a per-article index built once.
 */
export function elementAt(article: Article, offset: number): ArticleElement | null {
  const index = indexOf(article);
  const { starts, ends } = index;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  let best = -1;
  for (let i = low - 1; i >= 0 && starts[i] >= offset - index.maxSpan; i--) {
    if (ends[i] < offset) continue;
    if (best < 0 || isMoreSpecific(index, i, best)) best = i;
  }
  return best < 0 ? null : elementOf(index, best);
}

function isMoreSpecific(index: PositionIndex, a: number, b: number): boolean {
  const rank = SPECIFICITY[KINDS[index.kinds[a]]] - SPECIFICITY[KINDS[index.kinds[b]]];
  if (rank !== 0) return rank < 0;
  return index.ends[a] - index.starts[a] < index.ends[b] - index.starts[b];
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
