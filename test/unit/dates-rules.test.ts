import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';

function findings(text: string, code: string, dct?: string) {
  return analyze(text, dct ? { dct } : {}).findings.filter((f) => f.code === code);
}

test('weekday-date-mismatch: July 3, 2013 was a Wednesday', () => {
  const text = 'The talks resumed on Tuesday, July 3, 2013, in Geneva.';
  const [finding, ...rest] = findings(text, 'weekday-date-mismatch');
  assert.equal(rest.length, 0);
  assert.equal(finding.message, 'July 3, 2013 was a Wednesday, not a Tuesday.');
  assert.equal(text.slice(finding.start, finding.end), 'Tuesday, July 3, 2013');
  assert.deepEqual(finding.fixes?.[0], { title: 'Change the weekday to Wednesday', start: 21, end: 28, newText: 'Wednesday' });
});

test('weekday-date-mismatch stays quiet when the weekday is right', () => {
  assert.equal(findings('The talks resumed on Wednesday, July 3, 2013, in Geneva.', 'weekday-date-mismatch').length, 0);
  assert.equal(findings('The talks resumed on Tuesday in Geneva.', 'weekday-date-mismatch', '2013-07-03').length, 0);
});

test('date-after-publication: a past-tense event dated after the dateline', () => {
  const text = 'Updated: Jul 02, 2013, 15:59 PM IST\n\nKim left for Moscow on July 5, 2013, officials said.';
  const [finding, ...rest] = findings(text, 'date-after-publication');
  assert.equal(rest.length, 0);
  assert.equal(text.slice(finding.start, finding.end), 'July 5, 2013');
  assert.match(finding.message, /after the dateline \(July 2, 2013\)/);
});

test('date-after-publication ignores future events and earlier dates', () => {
  const text = 'Updated: Jul 02, 2013, 15:59 PM IST\n\nKim will travel to Moscow on July 5. He met Wang Yi on June 27.';
  assert.equal(findings(text, 'date-after-publication').length, 0);
  const deadline = 'Updated: Jul 02, 2013\n\nThe offer was extended to July 20. He gave no reason for the July 14 deadline.';
  assert.equal(findings(deadline, 'date-after-publication').length, 0);
});

test('date-after-publication ignores dates that name a coming event or a proposal told in the past tense', () => {
  const dateline = 'Updated: Jan 15, 2016\n\n';
  for (const sentence of [
    'Trump and Cruz led the field before the Iowa caucuses Feb. 1, and the others attacked them.',
    'Then came the delegate-packed Feb. 19 New York primary, where he lost.',
    'His campaign challenged Clinton to debate him in Brooklyn on Feb. 14.',
    'Mr. Trump has no meaningful opposition in the California primary on Feb. 7.',
    'A memorial service is planned Tuesday.\n\n___.\n\n2:25 p.m.\n\nHis brother has spoken.',
    '(He did not run in 1992.) Friday, Jan. 22, 2016.',
  ]) {
    assert.deepEqual(findings(dateline + sentence, 'date-after-publication').map((f) => f.message), [], sentence);
  }
});

test('unanchored-relative-date: relative dates in an article without a dateline', () => {
  const text = 'Kim left on Tuesday for Russia. The talks began in August 2003 and stalled last month.';
  const found = findings(text, 'unanchored-relative-date');
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['Tuesday', 'last month']);
  assert.match(found[0].message, /no dateline/);
  assert.equal(found[0].severity, 'information');
});

test('unanchored-relative-date is silent once a dateline or --dct is there', () => {
  const text = 'Kim left on Tuesday for Russia.';
  assert.equal(findings(`Updated: Jul 02, 2013\n\n${text}`, 'unanchored-relative-date').length, 0);
  assert.equal(findings(text, 'unanchored-relative-date', '2013-07-02').length, 0);
});
