import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AnalysisCache } from '../../server/src/core/paragraphCache';
import { findPeople, type PeopleAnalysis } from '../../server/src/core/people';
import { analyzeStructure } from '../../server/src/core/structure';

const sample = readFileSync(join(__dirname, '../../samples/north-korea-negotiator.article'), 'utf8');

/** An AnalysisCache that counts the paragraphs the people stage reads afresh. */
function countingCache(): { cache: AnalysisCache; readAfresh: () => number } {
  const cache = new AnalysisCache();
  const people = cache.for<unknown>('people');
  const getOwn = people.getOwn.bind(people);
  let count = 0;
  people.getOwn = (key, compute, context) =>
    getOwn(
      key,
      (own) => {
        count++;
        return compute(own);
      },
      context,
    );
  return { cache, readAfresh: () => count };
}

/** The people of each version in turn, found with one cache as after edits; each must equal a fresh analysis's. */
function peopleOfVersions(...versions: string[]): PeopleAnalysis[] {
  const cache = new AnalysisCache();
  return versions.map((text) => {
    const people = findPeople(analyzeStructure(text, cache), {}, cache);
    cache.settle();
    assert.deepEqual(people, findPeople(analyzeStructure(text)));
    return people;
  });
}

test('after an edit, a reused cache gives the people a fresh analysis gives, reading only the edited paragraph again', () => {
  const { cache, readAfresh } = countingCache();
  findPeople(analyzeStructure(sample), {}, cache);
  cache.settle();
  const paragraphs = analyzeStructure(sample).paragraphs.length;
  assert.equal(readAfresh(), paragraphs);

  // One character shorter, early on: every later paragraph moves, and every later "Kim" is someone else.
  const edited = sample.replace('First vice foreign minister Kim Kye-Gwan', 'First vice foreign minister Kim Jong-Un');
  const structure = analyzeStructure(edited);
  const reused = findPeople(structure, {}, cache);
  assert.equal(readAfresh(), paragraphs + 1);
  assert.deepEqual(reused, findPeople(structure));

  const kim = reused.people.find((p) => p.name === 'Kim Jong-Un');
  assert.ok(kim, `no Kim Jong-Un among ${reused.people.map((p) => p.name).join(', ')}`);
  assert.deepEqual(
    kim.mentions.map((m) => m.start),
    [...edited.matchAll(/\bKim\b/g)].map((m) => m.index),
  );
  assert.ok(!reused.people.some((p) => p.name === 'Kim Kye-Gwan'));
});

test('a paragraph written twice is read once, and each copy keeps its own place in the text', () => {
  const paragraph = 'Senator John Smith said the vote would be close.';
  const text = `${paragraph}\n\nThe weather was fine.\n\n${paragraph}`;
  const { cache, readAfresh } = countingCache();
  const found = findPeople(analyzeStructure(text), {}, cache);
  assert.equal(readAfresh(), 2);
  const smith = found.people.find((p) => p.name === 'John Smith');
  assert.ok(smith);
  assert.deepEqual(
    smith.mentions.map((m) => m.start),
    [text.indexOf('John Smith'), text.lastIndexOf('John Smith')],
  );
  assert.deepEqual(
    smith.titles.map((t) => [t.text, t.start]),
    [['Senator', 0]],
  );
});

test('typing in a word that names nobody moves the people with the text, each mention still on its name', () => {
  const cache = new AnalysisCache();
  const before = findPeople(analyzeStructure(sample, cache), {}, cache);
  cache.settle();
  // "cautiously" sits in a later paragraph, after the first people named and before others.
  const at = sample.indexOf('cautiously');
  assert.ok(at > 0);
  const edited = `${sample.slice(0, at)}very ${sample.slice(at)}`;
  const structure = analyzeStructure(edited, cache);
  const after = findPeople(structure, {}, cache);
  assert.deepEqual(after, findPeople(structure));
  for (const person of after.people) {
    for (const mention of person.mentions) assert.equal(edited.slice(mention.start, mention.end), mention.text);
    for (const title of person.titles) assert.equal(edited.slice(title.start, title.end), title.text);
  }
  // Nobody was linked again: a person mentioned only before the edit is the very one found before it.
  const untouched = before.people.filter((p) => p.mentions.every((m) => m.end <= at) && p.titles.every((t) => t.end <= at));
  assert.ok(untouched.length > 0);
  for (const person of untouched) assert.ok(after.people.includes(person), `${person.name} was linked again`);
});

test('people kept from an analysis before the last are not moved by the last edit alone', () => {
  const cache = new AnalysisCache();
  findPeople(analyzeStructure(sample, cache), {}, cache);
  cache.settle();
  // The next version is split into paragraphs, but its people are not looked for (as when a time budget runs out).
  const second = `Update.\n\n${sample}`;
  analyzeStructure(second, cache);
  cache.settle();
  const third = second.replace('cautiously', 'very cautiously');
  const structure = analyzeStructure(third, cache);
  assert.deepEqual(findPeople(structure, {}, cache), findPeople(structure));
});

test('typing in a capitalised word that names nobody moves the people too, and one that joins a person links them again', () => {
  const text = 'Senator John Smith spoke on Monday. Smith left early.\n\nIn Parliament, Nobody objected.\n\nBrown said so.\n';
  const typo = text.replace('Nobody', 'Nobbody');
  // "Smith" in the second paragraph joins John Smith: his mentions change.
  const named = typo.replace('Nobbody', 'Smith');
  const [before, moved, linked] = peopleOfVersions(text, typo, named);
  const smith = before.people.find((p) => p.name === 'John Smith');
  assert.ok(smith);
  assert.ok(moved.people.includes(smith), 'John Smith was linked again for a word that names nobody');
  assert.equal(linked.people.find((p) => p.name === 'John Smith')?.mentions.length, 3);
});

test('an edit to the name of an organisation moves the people and groups the organisations again', () => {
  const text = 'Senator John Smith spoke on Monday. Smith left early.\n\nOfficials at Johns Hopkins University objected.\n\nBrown said so.\n';
  const [before, after] = peopleOfVersions(text, text.replace('Johns Hopkins University', 'Jons Hopkins University'));
  const smith = before.people.find((p) => p.name === 'John Smith');
  assert.ok(smith);
  assert.deepEqual(after.organizations.map((o) => o.name), ['Jons Hopkins University']);
  assert.ok(after.people.includes(smith), 'John Smith was linked again for an edit to an organisation');
});

test('an edit to the name of a person links the people again and moves the organisations', () => {
  const text = 'Officials at Johns Hopkins University objected.\n\nSenator John Smith spoke on Monday. Smith left early.\n\nBrown said so.\n';
  const [before, after] = peopleOfVersions(text, text.replace('John Smith', 'John Smyth'));
  const university = before.organizations.find((o) => o.name === 'Johns Hopkins University');
  assert.ok(university);
  assert.deepEqual(after.people.map((p) => p.name), ['John Smyth']);
  assert.ok(after.organizations.includes(university), 'the organisations were grouped again for an edit to a person');
});

test('a word typed at the start of a paragraph, or deleted there, moves the people too', () => {
  const text = 'Senator John Smith spoke on Monday. Smith left early.\n\nIn Parliament, Nobody objected.\n\nBrown said so.\n';
  const typed = text.replace('Brown said', 'So Brown said');
  const deleted = typed.replace('In Parliament', 'n Parliament');
  const [before, afterTyping, afterDeleting] = peopleOfVersions(text, typed, deleted);
  const smith = before.people.find((p) => p.name === 'John Smith');
  assert.ok(smith);
  assert.ok(afterTyping.people.includes(smith), 'John Smith was linked again for a word typed at the start of a paragraph');
  assert.ok(afterDeleting.people.some((p) => p.name === 'John Smith' && p.mentions[0] === smith.mentions[0]));
  for (const person of afterDeleting.people) for (const m of person.mentions) assert.equal(deleted.slice(m.start, m.end), m.text);
});
