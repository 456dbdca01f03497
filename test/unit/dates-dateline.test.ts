import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDocumentCreationTime } from '../../server/src/core/dates';
import { analyzeStructure } from '../../server/src/core/structure';

function dct(text: string, override?: string) {
  return findDocumentCreationTime(analyzeStructure(text), override);
}

test('an "Updated:" line with a 24-hour time and a stray PM gives the dateline and its span', () => {
  const text = 'North Korean negotiator heads to Russia\n\nUpdated: Jul 02, 2013, 15:59 PM IST\n\nSeoul: A official left on Tuesday.';
  const found = dct(text);
  assert.deepEqual(found, {
    value: '2013-07-02T15:59',
    source: 'dateline',
    span: { text: 'Updated: Jul 02, 2013, 15:59 PM IST', start: 41, end: 76 },
  });
});

test('"Published" and "Posted" lines with 12-hour times', () => {
  assert.equal(dct('Headline\n\nPublished: March 5, 2014 3:10 p.m. ET\n\nText.')?.value, '2014-03-05T15:10');
  assert.equal(dct('Headline\nPosted on 5 March 2014\n\nText.')?.value, '2014-03-05');
});

test('a wire dateline with a date takes its year from the text', () => {
  const found = dct('SEOUL, July 2 (Reuters) - North Korea said on Tuesday it would resume talks halted in 2013.');
  assert.equal(found?.value, '2013-07-02');
  assert.equal(found?.source, 'dateline');
  assert.equal(found?.span?.text, 'SEOUL, July 2 (Reuters) -');
});

test('a wire dateline without a date gives no creation time', () => {
  assert.equal(dct('WASHINGTON (AP) — The Senate voted on Tuesday.'), null);
});

test('Markdown front matter date', () => {
  const found = dct('---\ntitle: Talks\ndate: 2013-07-02T15:59:00+05:30\n---\n\n# Talks\n\nKim left on Tuesday.');
  assert.equal(found?.value, '2013-07-02T15:59');
  assert.equal(found?.source, 'front-matter');
  assert.equal(found?.span?.text, 'date: 2013-07-02T15:59:00+05:30');
});

test('the --dct option wins over the dateline', () => {
  const found = dct('Updated: Jul 02, 2013, 15:59 PM IST\n\nText.', '2014-01-05');
  assert.deepEqual(found, { value: '2014-01-05', source: 'option', span: null });
});

test('date stamps and bylines near the top', () => {
  assert.equal(dct('Headline\n\nTue Jul 2, 2013 3:59pm EDT\n\nText.')?.value, '2013-07-02T15:59');
  assert.equal(dct('Headline\nBy John Smith | July 2, 2013 3:59 PM\n\nText.')?.span?.text, 'By John Smith | July 2, 2013 3:59 PM');
  assert.equal(dct('LONDON, 2 July 2013 (Reuters) - Shares fell.')?.value, '2013-07-02');
  assert.equal(dct('NEW YORK, July 2, 2013 /PRNewswire/ -- Acme Corp. said.')?.value, '2013-07-02');
});

test('a headline or sentence that mentions a date is not a dateline', () => {
  assert.equal(dct('Kim met Wang on July 2, 2013\n\nThe two ministers talked.'), null);
});
