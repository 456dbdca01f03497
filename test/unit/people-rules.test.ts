import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, IncrementalAnalyzer } from '../../server/src/core/analyze';
import { nameSpellingVariants } from '../../server/src/core/rules/nameSpellingVariants';

function findings(text: string, code: string) {
  return analyze(text).findings.filter((f) => f.code === code);
}

test('name-spelling-variants: one person spelled with and without a capital after the hyphen', () => {
  const text = 'Kim Kye-Gwan left for Moscow.\n\nKim Kye-gwan will meet officials there.';
  const found = findings(text, 'name-spelling-variants');
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].start, found[0].end), 'Kim Kye-gwan');
  assert.match(found[0].message, /Kim Kye-Gwan/);
  assert.equal(found[0].fixes?.[0].newText, 'Kim Kye-Gwan');
});

test('name-spelling-variants: the spelling written most often is the one to keep, and a slip of the shift key loses a tie', () => {
  const text = 'Kim Kye-gwan arrived.\n\nKim Kye-Gwan met officials. Kim Kye-Gwan left.\n\nHIllary Clinton spoke. Later Hillary Clinton left.';
  const found = findings(text, 'name-spelling-variants');
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['Kim Kye-gwan', 'HIllary Clinton']);
  assert.equal(found[0].fixes?.[0].newText, 'Kim Kye-Gwan');
  assert.match(found[1].message, /spelled "Hillary Clinton".*use one spelling for Hillary Clinton\.$/);
});

test('name-spelling-variants: a non-breaking space is no other spelling', () => {
  assert.deepEqual(findings('Donald Trump spoke.\n\nDonald\u00a0Trump left.', 'name-spelling-variants'), []);
});

test('name-spelling-variants: two people one letter apart with one first name', () => {
  const text = 'Mikhail Sytenko flew to Baghdad. Later Mikhail Sitenko met officials.';
  const found = findings(text, 'name-spelling-variants');
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].start, found[0].end), 'Mikhail Sitenko');
});

test('name-spelling-variants: surnames, plurals, possessives and headlines in capitals are no variants', () => {
  const text =
    'KIM KYE-GWAN HEADS TO RUSSIA\n\nBill Clinton met Hillary Clinton. Clinton said the Clintons were ready. Kim Kye-Gwan and Kim`s aides agreed.';
  assert.deepEqual(findings(text, 'name-spelling-variants'), []);
});

test('first-mention-without-title: a headline may name a person before the story gives the role', () => {
  const text = "Kasich: 'We Are Going All the Way'\n\nOhio Gov. John Kasich said Tuesday he would stay in the race. \"We are going all the way,\" Kasich said.";
  assert.deepEqual(findings(text, 'first-mention-without-title'), []);
});

test('first-mention-without-title: a quoted person introduced without a role', () => {
  const text = 'Tom Jones arrived on Monday.\n\n"We will win," Jones said.';
  const found = findings(text, 'first-mention-without-title');
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].start, found[0].end), 'Tom Jones');
  assert.equal(found[0].severity, 'information');
  assert.match(found[0].message, /never says who/);
});

test('first-mention-without-title: the role given only later is named in the message', () => {
  const text = 'Tom Jones arrived on Monday.\n\n"We will win," said Jones, the party chairman.';
  const found = findings(text, 'first-mention-without-title');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /party chairman/);
});

test('first-mention-without-title: where the person works says who they are ("Steve Milunovich at First Boston")', () => {
  assert.deepEqual(findings('"It will be slow," said Steve Milunovich at First Boston.', 'first-mention-without-title'), []);
  assert.deepEqual(findings('"Security is tight," said Marilynn Buckham, of Buffalo Womanservices.', 'first-mention-without-title'), []);
  assert.equal(findings('"It will be slow," said Steve Milunovich on Monday.', 'first-mention-without-title').length, 1);
});

test('first-mention-without-title: silent when the first mention gives the role or the person is not quoted', () => {
  const sample = '"North Korea has clarified its stance," said Yang Moo-Jin, a professor at Seoul`s University of North Korean Studies.';
  assert.deepEqual(findings(sample, 'first-mention-without-title'), []);
  assert.deepEqual(findings('Tom Jones arrived on Monday and left.', 'first-mention-without-title'), []);
});

test('name-spelling-variants: a person found spelled one way is checked again once a mention is respelled, wherever it moved', () => {
  const text = 'Kim Kye-Gwan left for Moscow.\n\nKim Kye-Gwan will meet officials there.';
  const incremental = new IncrementalAnalyzer();
  const codes = (version: string) => incremental.analyze(version).findings.filter((f) => f.code === 'name-spelling-variants').map((f) => version.slice(f.start, f.end));
  assert.deepEqual(codes(text), []);
  // Every mention moves; the second is spelled another way.
  assert.deepEqual(codes(`Update. ${text.replace('Kim Kye-Gwan will', 'Kim Kye-gwan will')}`), ['Kim Kye-gwan']);
  // Spelled one way again, and moved back.
  assert.deepEqual(codes(text), []);
});

test('name-spelling-variants: a person written many different ways still gets one finding per variant spelling', () => {
  // Twenty wordings of one person (more than the rule compares one by one), two of them one spelling apart.
  const text = 'Kim Kye-Gwan arrived.';
  const at = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });
  const wordings = Array.from({ length: 20 }, (_, k) => ({ start: 0, end: 3, text: `Kim${'a'.repeat(k + 1)}`, kind: 'surname' as const }));
  const mentions = [{ ...at(0, 12), kind: 'full' as const }, ...wordings, { start: 0, end: 12, text: 'Kim Kye-gwan', kind: 'full' as const }];
  const article = {
    ...analyze(text),
    people: [{ id: 'p1', name: 'Kim Kye-Gwan', titles: [], mentions }],
  };
  const found = nameSpellingVariants.check(article);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /"Kim Kye-gwan" is spelled "Kim Kye-Gwan"/);
});
