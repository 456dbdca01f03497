import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { elementAt, type ArticleElement } from '../../server/src/core/lookup';
import type { Article, Span } from '../../server/src/core/model';
import { HOVER_TEXTS } from './hoverTexts';

// Several articles in one document, as in an archive file: most names appear in one stretch of it, some throughout.
const ARCHIVE = [...HOVER_TEXTS, ...HOVER_TEXTS].join('\n\n');

const RANK: Record<ArticleElement['kind'], number> = { person: 0, organization: 0, date: 1, title: 2, quote: 3 };

/** What the hover should find, read from every element of the article: the most specific, then the shortest, then the one starting last. */
function byReadingEverything(article: Article, offset: number): string | null {
  let best: { kind: ArticleElement['kind']; span: Span; owner: string } | null = null;
  const consider = (kind: ArticleElement['kind'], span: Span, owner: string): void => {
    if (span.start > offset || span.end < offset) return;
    if (best !== null) {
      const rank = RANK[kind] - RANK[best.kind];
      const length = span.end - span.start - (best.span.end - best.span.start);
      if (rank > 0 || (rank === 0 && (length > 0 || (length === 0 && span.start < best.span.start)))) return;
    }
    best = { kind, span, owner };
  };
  for (const person of article.people) {
    for (const mention of person.mentions) consider('person', mention, person.id);
    for (const title of person.titles) consider('title', title, person.id);
  }
  for (const organization of article.organizations) for (const mention of organization.mentions) consider('organization', mention, organization.id);
  for (const date of article.dates) consider('date', date, '');
  for (const quote of article.quotes) consider('quote', quote, '');
  const found = best as { kind: string; span: Span; owner: string } | null;
  return found ? `${found.kind} ${found.span.start}-${found.span.end} ${found.owner}` : null;
}

function described(element: ArticleElement | null): string | null {
  if (!element) return null;
  switch (element.kind) {
    case 'person':
      return `person ${element.mention.start}-${element.mention.end} ${element.person.id}`;
    case 'title':
      return `title ${element.title.start}-${element.title.end} ${element.person.id}`;
    case 'organization':
      return `organization ${element.mention.start}-${element.mention.end} ${element.organization.id}`;
    case 'date':
      return `date ${element.date.start}-${element.date.end} `;
    case 'quote':
      return `quote ${element.quote.start}-${element.quote.end} `;
  }
}

test('a hover finds at every position what reading every name, date and quote would find', () => {
  for (const text of [...HOVER_TEXTS, ARCHIVE]) {
    const article = analyze(text);
    let found = 0;
    for (let offset = 0; offset <= text.length; offset++) {
      const expected = byReadingEverything(article, offset);
      assert.equal(described(elementAt(article, offset)), expected, `at offset ${offset}: ${JSON.stringify(text.slice(offset - 10, offset + 10))}`);
      if (expected) found++;
    }
    assert.ok(found > 0, 'the text holds something to hover');
  }
});
