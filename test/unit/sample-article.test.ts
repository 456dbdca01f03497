import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';

// The article the product was designed from, end to end through the whole core.
const TEXT = readFileSync(path.resolve(__dirname, '../../samples/north-korea-negotiator.article'), 'utf8');
const article = analyze(TEXT);

test('the dateline anchors the article at 2 July 2013, 15:59', () => {
  assert.deepEqual(article.dct, {
    value: '2013-07-02T15:59',
    source: 'dateline',
    span: { text: 'Updated: Jul 02, 2013, 15:59 PM IST', start: 145, end: 180 },
  });
  assert.equal(article.headline?.text, 'North Korean negotiator heads to Russia');
});

test('six people, each with their role, and no agencies, places or bare titles among them', () => {
  assert.deepEqual(
    article.people.map((p) => [p.id, p.name, p.titles.map((t) => t.text)]),
    [
      ['p1', 'Kim Kye-Gwan', ['First vice foreign minister']],
      ['p2', 'Vladimir Titov', ['First Deputy Foreign Minister']],
      ['p3', 'Igor Morgulov', ['Deputy Foreign Minister']],
      ['p4', 'Wang Yi', ['Foreign Minister']],
      ['p5', 'Yang Moo-Jin', ['professor at Seoul`s University of North Korean Studies']],
      ['p6', 'Yun Byung-Se', ['South Korean Foreign Minister']],
    ],
  );
  for (const title of article.people.flatMap((p) => p.titles)) assert.equal(TEXT.slice(title.start, title.end), title.text);
  assert.ok(article.organizations.some((o) => o.name === 'RIA Novosti'));
  assert.ok(article.organizations.some((o) => o.name === 'Korean Central News Agency'));
});

test('every "Kim" is linked to Kim Kye-Gwan', () => {
  const kim = article.people[0];
  assert.deepEqual(kim.mentions.map((m) => m.text), ['Kim Kye-Gwan', 'Kim', 'Kim', 'Kim', 'Kim']);
  const everyKim = [...TEXT.matchAll(/\bKim\b/g)].map((m) => m.index);
  assert.deepEqual(kim.mentions.map((m) => m.start), everyKim);
});

test('three quotes: two by Yang Moo-Jin (the second continues him), one by Yun Byung-Se', () => {
  assert.deepEqual(
    article.quotes.map((q) => [q.text.slice(0, 40), q.speakerId, q.speakerMention?.text ?? null]),
    [
      ['"North Korea has clarified its stance th', 'p5', 'Yang Moo-Jin'],
      ['"Behind North Korea`s latest initiative ', 'p5', 'Yang Moo-Jin'],
      ['"North Korea suddenly started a charm of', 'p6', 'Yun Byung-Se'],
    ],
  );
  assert.deepEqual(article.quotes.map((q) => q.cue?.text ?? null), ['said', null, 'told']);
  for (const quote of article.quotes) assert.match(quote.text, /^".*"$/s, 'a quote span includes its quotation marks');
});

test('every date expression with its TIMEX3 type and value, anchored to the dateline', () => {
  assert.deepEqual(
    article.dates.map((d) => [d.text, d.type, d.value, d.mod ?? null]),
    [
      ['Tuesday', 'DATE', '2013-07-02', null],
      ['Jul 02, 2013, 15:59 PM IST', 'TIME', '2013-07-02T15:59', null],
      ['Tuesday', 'DATE', '2013-07-02', null],
      ['months', 'DURATION', 'PXM', null],
      ['weekend', 'DATE', '2013-W26-WE', null],
      ['months', 'DURATION', 'PXM', null],
      ['February', 'DATE', '2013-02', null],
      ['August 2003', 'DATE', '2003-08', null],
      ['December 2008', 'DATE', '2008-12', null],
      ['late last month', 'DATE', '2013-06', 'END'],
      ['months', 'DURATION', 'PXM', null],
      ['now', 'DATE', 'PRESENT_REF', null],
      ['last month', 'DATE', '2013-06', null],
    ],
  );
});

test('the only problems are the eight backticks typed for apostrophes', () => {
  assert.deepEqual(
    article.findings.map((f) => [f.code, TEXT.slice(f.start - 3, f.end + 1)]),
    [
      ['backtick-apostrophe', 'sia`s'],
      ['backtick-apostrophe', 'rth`s'],
      ['backtick-apostrophe', 'sia`s'],
      ['backtick-apostrophe', 'ina`s'],
      ['backtick-apostrophe', 'rth`s'],
      ['backtick-apostrophe', 'oul`s'],
      ['backtick-apostrophe', 'rea`s'],
      ['backtick-apostrophe', 'ang`s'],
    ],
  );
});
