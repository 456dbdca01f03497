import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Span } from '../../server/src/core/model';
import { HOVER_TEXTS } from './hoverTexts';

// Hovers find what is under the cursor by halving these lists, which needs them in text order with no
// span inside another: a list out of order would make a hover show nothing or the wrong person.

function assertOrdered(what: string, spans: readonly Span[]): void {
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i - 1].start <= spans[i].start, `${what}: ${i - 1} starts after ${i}`);
    assert.ok(spans[i - 1].end <= spans[i].end, `${what}: ${i} lies inside ${i - 1}`);
  }
}

test('dates, quotes and every mention list come in text order, none inside another', () => {
  let checked = 0;
  for (const text of HOVER_TEXTS) {
    const article = analyze(text);
    checked += Math.min(article.dates.length, article.quotes.length, article.people.length);
    assertOrdered('dates', article.dates);
    assertOrdered('quotes', article.quotes);
    for (const person of article.people) assertOrdered(`mentions of ${person.name}`, person.mentions);
    for (const organization of article.organizations) assertOrdered(`mentions of ${organization.name}`, organization.mentions);
  }
  assert.ok(checked > 0, 'the texts hold dates, quotes and people');
});
