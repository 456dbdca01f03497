import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStructure } from '../../server/src/core/structure';

function sentencesOf(text: string): string[] {
  const structure = analyzeStructure(text);
  return structure.sentences.map((s) => text.slice(s.start, s.end));
}

test('paragraphs are separated by blank lines, including CRLF ones', () => {
  const text = 'Headline\r\n\r\nFirst paragraph.\r\nSame paragraph.\r\n \r\nSecond.';
  const structure = analyzeStructure(text);
  assert.deepEqual(
    structure.paragraphs.map((p) => text.slice(p.start, p.end)),
    ['Headline', 'First paragraph.\r\nSame paragraph.', 'Second.'],
  );
});

test('sentences do not break after honorifics, initials or abbreviations', () => {
  assert.deepEqual(sentencesOf('Mr. Kim met George W. Bush and George H.W. Bush in the U.S. on Jan. 3. Then he left.'), [
    'Mr. Kim met George W. Bush and George H.W. Bush in the U.S. on Jan. 3.',
    'Then he left.',
  ]);
});

test('a sentence ends after closing quotation marks', () => {
  assert.deepEqual(sentencesOf('"We are ready." She left.'), ['"We are ready."', 'She left.']);
});
