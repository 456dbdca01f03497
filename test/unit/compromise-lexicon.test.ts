import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { deriveLexicon, LEXICON_FILE } from '../../scripts/compromise-lexicon';

test("the names, places and ordinary words taken from compromise match the installed compromise (npm run lexicon rewrites them)", () => {
  const stored = JSON.parse(readFileSync(LEXICON_FILE, 'utf8')) as unknown;
  assert.deepEqual(stored, deriveLexicon());
});
