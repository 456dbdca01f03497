import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Span } from '../../server/src/core/model';

// Hovers find what is under the cursor by halving these lists, which needs them in text order with no
// span inside another: a list out of order would make a hover show nothing or the wrong person.
const SAMPLES = path.resolve(__dirname, '../../samples');
const TEXTS = [
  ...readdirSync(SAMPLES).map((name) => readFileSync(path.join(SAMPLES, name), 'utf8')),
  '“He said ‘we will go Tuesday night’ and left,” Kim said on Tuesday. Mr. Kim’s aide, Kim Jong-Un, and Kim met Monday morning, March 3, 2013.',
  'WASHINGTON (AP) — President Obama said Friday that “the talks are over.” Obama, 51, said. “Now,” he said, “we wait.” Last week and next month.',
];

function assertOrdered(what: string, spans: readonly Span[]): void {
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i - 1].start <= spans[i].start, `${what}: ${i - 1} starts after ${i}`);
    assert.ok(spans[i - 1].end <= spans[i].end, `${what}: ${i} lies inside ${i - 1}`);
  }
}

test('dates, quotes and every mention list come in text order, none inside another', () => {
  let checked = 0;
  for (const text of TEXTS) {
    const article = analyze(text);
    checked += Math.min(article.dates.length, article.quotes.length, article.people.length);
    assertOrdered('dates', article.dates);
    assertOrdered('quotes', article.quotes);
    for (const person of article.people) assertOrdered(`mentions of ${person.name}`, person.mentions);
    for (const organization of article.organizations) assertOrdered(`mentions of ${organization.name}`, organization.mentions);
  }
  assert.ok(checked > 0, 'the texts hold dates, quotes and people');
});
