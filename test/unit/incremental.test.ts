import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, IncrementalAnalyzer } from '../../server/src/core/analyze';
import type { AnalyzeOptions } from '../../server/src/core/model';
import { AnalysisCache, ParagraphCache } from '../../server/src/core/paragraphCache';
import { findPeople } from '../../server/src/core/people';
import { findQuotes } from '../../server/src/core/quotes';
import { analyzeStructure } from '../../server/src/core/structure';

const samples = path.resolve(__dirname, '../../samples');
const sample = (name: string): string => readFileSync(path.join(samples, name), 'utf8');

/** A small deterministic generator, so a failing edit sequence can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What a reporter types or pastes: characters, paragraph breaks (and the tabs, stray carriage returns and
 * byte-order marks pasted text brings onto blank lines), quotation marks, names and dates.
 */
const INSERTIONS = [
  'a', 'K', ' ', '.', ',', '\n', '\n\n', '\r\n\r\n', '\t', '\r', '\ufeff', '\n \t\n', '"', '“', '”', '‘', '’', '`', '7', '😀',
  ' said Tuesday', ' Mr. Kim', ' “We will talk,” he said.', ' last month', '\n\nOn March 3, 2013, the talks began. The next day they ended.',
  '\n\nSEOUL, July 4 (Reuters) - ', ' the third quarter', ' Foreign Minister Wang Yi said', '\n\n“It is over.',
  ' Kim Kye-Gwan', ' Kim Kye-gwan', ' Yang Moo-jin', ' Russia`s', ' on Friday, July 5, 2013,',
];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const roll = next();
  if (roll < 0.35 && text.length > 0) {
    const length = 1 + Math.floor(next() * (next() < 0.8 ? 3 : 200));
    return text.slice(0, at) + text.slice(at + length);
  }
  if (roll < 0.45) {
    // joining two paragraphs or splitting one, the edits that move paragraph boundaries
    const blank = text.indexOf('\n\n', at);
    return blank >= 0 ? `${text.slice(0, blank)} ${text.slice(blank + 2)}` : text;
  }
  return text.slice(0, at) + INSERTIONS[Math.floor(next() * INSERTIONS.length)] + text.slice(at);
}

function checkRandomEdits(start: string, options: AnalyzeOptions, seed: number, edits: number): void {
  const next = random(seed);
  const incremental = new IncrementalAnalyzer(options);
  let text = start;
  for (let k = 0; k < edits; k++) {
    const article = incremental.analyze(text);
    assert.deepEqual(article, analyze(text, options), `seed ${seed}, edit ${k}: the incremental analysis differs from a fresh one`);
    text = edit(text, next);
  }
}

test('after any sequence of edits, the incremental analysis equals a fresh analysis of the same text', () => {
  checkRandomEdits(sample('north-korea-negotiator.article'), {}, 1, 120);
  checkRandomEdits(sample('council-vote.article'), {}, 2, 120);
});

test('equality holds in a document long enough that most speakers lie far from each edit', () => {
  // About 60 KB: most quotations are credited as before an edit rather than searched for again (see SpeakerReuse).
  const parts: string[] = [];
  const articles = ['north-korea-negotiator.article', 'council-vote.article', 'no-dateline.article'].map(sample);
  for (let k = 0; parts.join('').length < 60_000; k++) parts.push(articles[k % articles.length]);
  checkRandomEdits(parts.join('\n\n'), {}, 6, 40);
});

test('edits at the first character of a paragraph or a sentence, typed or deleted: the incremental analysis equals a fresh one', () => {
  let text = sample('north-korea-negotiator.article');
  const incremental = new IncrementalAnalyzer();
  incremental.analyze(text);
  const starts = [0, ...[...text.matchAll(/\n\s*(?=\S)|[.!?]["”’]? (?=[A-Z“"])/g)].map((m) => m.index + m[0].length)];
  const edits = ['So ', 'a', '“', ' ', 'Mr. ', '\n', null];
  starts.reverse().forEach((at, k) => {
    const typed = edits[k % edits.length];
    text = typed === null ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + typed + text.slice(at);
    assert.deepEqual(incremental.analyze(text), analyze(text), `edit ${k} at ${at}`);
  });
});

test('equality holds without a dateline, with a --dct override and with lexicon extensions', () => {
  checkRandomEdits(sample('no-dateline.article'), {}, 3, 80);
  checkRandomEdits(sample('north-korea-negotiator.article'), { dct: '2013-07-09' }, 4, 60);
  checkRandomEdits(sample('council-vote.article'), { lexicon: { titles: ['chief whip'], honorifics: ['Sen.'] } }, 5, 60);
});

test('an edit that changes the dateline re-anchors every relative date, even in paragraphs it did not touch', () => {
  const text = 'Talks end\n\nUpdated: Jul 02, 2013, 15:59 PM IST\n\nKim said on Tuesday that talks would resume next week.\n';
  const incremental = new IncrementalAnalyzer();
  const before = incremental.analyze(text).dates.find((d) => d.text === 'Tuesday');
  const after = incremental.analyze(text.replace('Jul 02', 'Jul 09')).dates.find((d) => d.text === 'Tuesday');
  assert.equal(before?.value, '2013-07-02');
  assert.equal(after?.value, '2013-07-09');
});

test('an edit that moves text keeps every offset right in the paragraphs after it', () => {
  const text = sample('north-korea-negotiator.article');
  const incremental = new IncrementalAnalyzer();
  incremental.analyze(text);
  const edited = `Breaking update.\n\n${text}`;
  const article = incremental.analyze(edited);
  for (const date of article.dates) assert.equal(edited.slice(date.start, date.end), date.text);
  for (const person of article.people) for (const mention of person.mentions) assert.equal(edited.slice(mention.start, mention.end), mention.text);
  for (const quote of article.quotes) assert.equal(edited.slice(quote.start, quote.end), quote.text);
});

test('editing a long document keeps no earlier version of its text in memory', () => {
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  const articles = ['north-korea-negotiator.article', 'council-vote.article', 'no-dateline.article'].map(sample);
  // About 0.5 MB, with curly quotes: two bytes per character, 1 MB per version. Model texts of 13 characters
  // or more ("Friday, July 5, 2013") are what V8 makes as views into the text rather than copies.
  const parts: string[] = [];
  for (let k = 0; parts.join('').length < 500_000; k++) parts.push(`Part ${k}, filed on Friday, July 5, 2013.\n\n${articles[k % articles.length]}\n\n`);
  let text = parts.join('');
  const next = random(11);
  const incremental = new IncrementalAnalyzer();
  incremental.analyze(text);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let k = 0; k < 30; k++) {
    const at = Math.floor(next() * text.length);
    text = `${text.slice(0, at)}a${text.slice(at)}`;
    incremental.analyze(text);
  }
  collectGarbage();
  const grown = (process.memoryUsage().heapUsed - before) / 1e6;
  // Each version kept would take 0.5 to 1 MB.
  assert.ok(grown < 1, `the heap grew by ${grown.toFixed(2)} MB over 30 one-character edits: earlier versions of the text are kept`);
});

test('an edit that gives a person a title credits them a quote elsewhere that names them by it', () => {
  const incremental = new IncrementalAnalyzer();
  // "the veteran negotiator" is no mention of Kim (he is not called a veteran): only his title's head word links it.
  const before = 'SEOUL, July 2, 2013\n\nKim Kye-Gwan arrived in Beijing on Tuesday.\n\nTalks began at noon.\n\n"We will talk," the veteran negotiator said.\n';
  incremental.analyze(before);
  const after = before.replace('Kim Kye-Gwan arrived', 'Chief negotiator Kim Kye-Gwan arrived');
  const article = incremental.analyze(after);
  assert.deepEqual(article, analyze(after));
  const kim = article.people.find((p) => p.name === 'Kim Kye-Gwan');
  assert.ok(kim);
  assert.equal(article.quotes[0].speakerId, kim.id);
});

test('the paragraph cache keeps only what the last analysis used, so memory follows the document, not its history', () => {
  const cache = new ParagraphCache<number>();
  let computed = 0;
  const length = (key: string): number => {
    computed++;
    return key.length;
  };
  for (const paragraph of ['first paragraph', 'second paragraph']) cache.get(paragraph, length);
  cache.settle();
  for (const paragraph of ['first paragraph', 'second paragraph, edited']) cache.get(paragraph, length);
  cache.settle();
  assert.equal(computed, 3, 'the unchanged paragraph is not computed again');
  assert.equal(cache.size, 2, 'the paragraph as it was before the edit is gone');
});

test('paragraphs deleted, moved, repeated or replaced leave nothing of theirs behind in the cache', () => {
  const cache = new ParagraphCache<number>();
  const analyse = (paragraphs: string[]): void => {
    for (const paragraph of paragraphs) cache.get(paragraph, (key) => key.length);
    cache.settle();
  };
  const versions = [
    ['A.', 'B.', 'C.', 'D.'],
    ['A.', 'B.', 'C.'], // the last deleted
    ['A.', 'C.'], // one in the middle deleted
    ['C.', 'A.', 'C.'], // moved and repeated
    ['C.', 'A2.', 'C.'], // one edited
    ['E.', 'F.'], // all replaced
    ['E.', 'E.', 'E.'],
    ['E.'],
  ];
  for (const paragraphs of versions) {
    analyse(paragraphs);
    assert.equal(cache.size, new Set(paragraphs).size, `after ${paragraphs.join(' ')}`);
  }
});

test('one paragraph text in two contexts keeps a value for each, and a paragraph inserted before others leaves theirs', () => {
  const cache = new ParagraphCache<string>();
  let computed = 0;
  const tagged = (context: string) => (key: string): string => {
    computed++;
    return `${key} in ${context}`;
  };
  const analyse = (paragraphs: [string, string][]): string[] => {
    const values = paragraphs.map(([text, context]) => cache.get(text, tagged(context), context));
    cache.settle();
    return values;
  };
  const repeated: [string, string][] = [['On Tuesday, talks began.', '2013-07-02'], ['Other news here.', ''], ['On Tuesday, talks began.', '2013-07-09']];
  analyse(repeated);
  assert.equal(computed, 3);
  assert.deepEqual(analyse(repeated), ['On Tuesday, talks began. in 2013-07-02', 'Other news here. in ', 'On Tuesday, talks began. in 2013-07-09']);
  assert.equal(computed, 3, 'neither context of the repeated text is computed again');
  const inserted = analyse([repeated[0], ['A new paragraph.', ''], ...repeated.slice(1)]);
  assert.equal(inserted[3], 'On Tuesday, talks began. in 2013-07-09');
  assert.equal(computed, 4, 'only the new paragraph is computed');
});

test('a document that grows past the size limit and back is analysed as if fresh', () => {
  const text = sample('north-korea-negotiator.article');
  const options = { maxTextLength: text.length + 100 };
  const incremental = new IncrementalAnalyzer(options);
  incremental.analyze(text);
  assert.equal(incremental.analyze(text + 'x'.repeat(200)).findings[0].code, 'document-too-large');
  const edited = text.replace('Tuesday', 'Wednesday');
  assert.deepEqual(incremental.analyze(edited), analyze(edited, options));
});

test('typing in a word that names nobody keeps every quotation credited as a fresh analysis credits it', () => {
  const text = sample('north-korea-negotiator.article');
  const incremental = new IncrementalAnalyzer();
  incremental.analyze(text);
  const at = text.indexOf('cautiously');
  const edited = `${text.slice(0, at)}very ${text.slice(at)}`;
  const article = incremental.analyze(edited);
  assert.deepEqual(article, analyze(edited));
  const credited = article.quotes.filter((q) => q.speakerId !== null && q.speakerMention && q.speakerMention.start > at);
  assert.ok(credited.length > 0, 'no quotation after the edit is credited');
  for (const quote of credited) assert.equal(edited.slice(quote.speakerMention!.start, quote.speakerMention!.end), quote.speakerMention!.text);
});

test('an edit near a quotation that changes who "he" is credits the new speaker, though no name moved', () => {
  const incremental = new IncrementalAnalyzer();
  // Far below, with nobody named in between, a second "he" is whoever the first one was.
  const filler = 'the weather stayed mild and the talks went on '.repeat(45);
  const before = `MOSCOW, July 2, 2013\n\nThen Mr. Smith told Mr. Jones the news. "We will talk," he said.\n\n${filler}\n\n"Fine," he said.\n`;
  const speakerNames = (text: string): Array<string | undefined> => {
    const article = incremental.analyze(text);
    assert.deepEqual(article, analyze(text));
    return article.quotes.map((q) => article.people.find((p) => p.id === q.speakerId)?.name);
  };
  assert.deepEqual(speakerNames(before), ['Smith', 'Smith']);
  // "with Mr. Smith" is no subject: the subject of the sentence before the quotation is now Mr. Jones.
  assert.deepEqual(speakerNames(before.replace('Then Mr. Smith', 'Then with Mr. Smith')), ['Jones', 'Jones']);
});

test('a person named far above a quotation renumbers the people after them, and the quotation keeps its speaker under the new id', () => {
  const incremental = new IncrementalAnalyzer();
  // Hundreds of mentions and a long stretch without names lie between the edit and the quotation.
  const meetings = 'Bob Jones spoke with Carl Lane and Dan Moss.\n\n'.repeat(80);
  const filler = 'the weather stayed mild and the talks went on '.repeat(45);
  const before = `WASHINGTON, July 2, 2013\n\nTom Brady met officials on Monday.\n\n${meetings}${filler}\n\nBob Jones arrived late. "We are ready," he said.\n`;
  const speakers = (text: string): Array<[string | null, string | undefined]> => {
    const article = incremental.analyze(text);
    assert.deepEqual(article, analyze(text));
    return article.quotes.map((q) => [q.speakerId, article.people.find((p) => p.id === q.speakerId)?.name]);
  };
  assert.deepEqual(speakers(before), [['p2', 'Bob Jones']]);
  // Jane Doerr is now the second person named: Bob Jones is the third.
  assert.deepEqual(speakers(before.replace('met officials', 'met Jane Doerr')), [['p3', 'Bob Jones']]);
});

test('an edit far above a quotation that changes whom a name near it means credits the quotation afresh', () => {
  const incremental = new IncrementalAnalyzer();
  const filler = 'the weather stayed mild and the talks went on '.repeat(45);
  const before = `WASHINGTON, July 2, 2013\n\nJohn Smith met Bob Jones on Monday.\n\nMary Smith joined them.\n\n${filler}\n\nSmith arrived late. "We are ready," he said.\n`;
  const speakerNames = (text: string): Array<string | undefined> => {
    const article = incremental.analyze(text);
    assert.deepEqual(article, analyze(text));
    return article.quotes.map((q) => article.people.find((p) => p.id === q.speakerId)?.name);
  };
  // "Smith" is Mary Smith, so "he" is the last man named.
  assert.deepEqual(speakerNames(before), ['Bob Jones']);
  // Misspelt, she is Mary Smiths: "Smith" is John Smith now, the subject "he" refers to.
  assert.deepEqual(speakerNames(before.replace('Mary Smith joined', 'Mary Smiths joined')), ['John Smith']);
});

test('speakers kept from an analysis before the last are not taken again after the last edit alone', () => {
  const cache = new AnalysisCache();
  const speakerNames = (text: string, withCache?: AnalysisCache): Array<string | undefined> => {
    const structure = analyzeStructure(text, withCache);
    const { people, organizations } = findPeople(structure, {}, withCache);
    const { quotes } = findQuotes(structure, people, organizations, {}, withCache);
    withCache?.settle();
    return quotes.map((q) => people.find((p) => p.id === q.speakerId)?.name);
  };
  const filler = 'the weather stayed mild and the talks went on '.repeat(90);
  const first = `MOSCOW, July 2, 2013\n\nThen Mr. Smith told Mr. Jones the news. "We will talk," he said.\n\n${filler}\n\nThe talks ended.\n`;
  assert.deepEqual(speakerNames(first, cache), ['Smith']);
  // The next version ("with Mr. Smith": Jones is the subject now) is read for people, but not for quotations (as when a time budget runs out).
  const second = first.replace('Then Mr. Smith', 'with Mr. Smith');
  findPeople(analyzeStructure(second, cache), {}, cache);
  cache.settle();
  // The last edit lies far from the quotation, and moved nothing it reads.
  const middle = second.indexOf('went on', 2000);
  const third = `${second.slice(0, middle)}still ${second.slice(middle)}`;
  assert.deepEqual(speakerNames(third, cache), ['Jones']);
  assert.deepEqual(speakerNames(third), ['Jones']);
});
