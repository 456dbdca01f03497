import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findHeadline } from '../../server/src/core/headline';
import { analyzeStructure } from '../../server/src/core/structure';

const headlineOf = (text: string) => findHeadline(analyzeStructure(text), null);

test('the first short line is the headline', () => {
  assert.deepEqual(headlineOf('North Korean negotiator heads to Russia\n\nBody text.'), {
    text: 'North Korean negotiator heads to Russia',
    start: 0,
    end: 39,
  });
});

test('a Markdown heading is the headline without its # marks', () => {
  assert.deepEqual(headlineOf('# Council delays vote\n\nBody.'), { text: 'Council delays vote', start: 2, end: 21 });
});

test('a front-matter title is the headline; without one, the first paragraph after the front matter', () => {
  const withTitle = '---\ntitle: "Council delays vote"\ndate: 2014-03-04\n---\n\nBody.';
  assert.deepEqual(headlineOf(withTitle), { text: 'Council delays vote', start: 12, end: 31 });
  const withoutTitle = '---\ndate: 2014-03-04\n---\n\nCouncil delays vote\n\nBody.';
  assert.equal(headlineOf(withoutTitle)?.text, 'Council delays vote');
});

test('running prose is not a headline', () => {
  assert.equal(headlineOf('The council met on Monday and voted to delay the bridge.\n\nMore.'), null);
  assert.equal(headlineOf(''), null);
});

test('a line in title case is a headline even with a final full stop; a sentence is not', () => {
  assert.equal(headlineOf('Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\n\nBody.')?.text, 'Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.');
  assert.equal(headlineOf('Voters abandon the party for Clinton.\n\nBody.'), null);
});
