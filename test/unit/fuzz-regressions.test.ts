import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleCache } from '../../server/src/articleCache';
import { analyze } from '../../server/src/core/analyze';
import { documentSymbols } from '../../server/src/features/symbols';
import { articleProblems } from '../fuzz/invariants';

// Minimal inputs of the crashes `npm run fuzz` found, kept so they stay fixed.

for (const text of ['and Al-Assad.Gen.Al-Assad', 'and Nguyễn s Vlad Nguyễn', ',Al-Assad y Rep.Al-Assad']) {
  test(`a name glued to abbreviations or stray letters is analysed without error: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(articleProblems(text, analyze(text)), []);
  });
}

test('an edit that repeats a version number still gets the new text analysed', () => {
  const cache = new ArticleCache();
  const document = TextDocument.create('file:///a.article', 'press-article', 1, 'Old text about Mr. Kim.');
  cache.get(document);
  TextDocument.update(document, [{ text: 'Brand new text.' }], 1);
  assert.equal(cache.get(document).text, 'Brand new text.');
});

test('the outline of an article with 150 000 mentions of one person is built', () => {
  const text = `Headline\n\n${'Mr. Kim said on Tuesday.\n'.repeat(150_000)}`;
  const symbols = documentSymbols(analyze(text), TextDocument.create('file:///big.article', 'press-article', 1, text));
  const people = symbols[0].children?.find((s) => s.name === 'People');
  assert.equal(people?.children?.length, 1);
});

for (const text of ['#', '## ', '\uFEFF#\n\nBody text.']) {
  test(`a heading mark with no words yet (${JSON.stringify(text)}) is no headline, and every outline entry has a name`, () => {
    const article = analyze(text);
    assert.equal(article.headline, null);
    const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    assert.ok(names(documentSymbols(article, TextDocument.create('file:///a.article', 'press-article', 1, text))).every((name) => name.trim() !== ''));
  });
}

test('the size-limit message stays readable for small limits', () => {
  const article = analyze('x'.repeat(5_000), { maxTextLength: 2_000 });
  assert.match(article.findings[0].message, /This document \(5000 characters\) is larger than the 2000 characters/);
});
