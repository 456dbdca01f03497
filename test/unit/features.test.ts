import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, IncrementalAnalyzer } from '../../server/src/core/analyze';
import { analyzeStructure } from '../../server/src/core/structure';
import type { Article, Finding, Mention, Person, Quote, Severity, TemporalExpression } from '../../server/src/core/model';
import { diagnostics, TOO_MANY_PROBLEMS_CODE } from '../../server/src/features/diagnostics';
import { hover } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { definition, references } from '../../server/src/features/navigation';
import { rename, renamedMention } from '../../server/src/features/rename';
import { documentSymbols } from '../../server/src/features/symbols';

// The editor features are tested on a hand-built model, so they pin the presentation
// independently of how well the analysis stages find things.
const TEXT = [
  'Minister resigns',
  '',
  'Updated: Jul 02, 2013',
  '',
  'Foreign Minister Yun Byung-Se 🇰🇷 resigned on Tuesday. "I am done," Yun said. Mr. Yun\'s aide agreed.',
].join('\n');

function span(text: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = TEXT.indexOf(text, start + 1);
  assert.ok(start >= 0, text);
  return { text, start, end: start + text.length };
}

function mention(text: string, kind: Mention['kind'], occurrence = 0): Mention {
  return { ...span(text, occurrence), kind };
}

function fixture(): Article {
  const yun: Person = {
    id: 'p1',
    name: 'Yun Byung-Se',
    titles: [{ ...span('Foreign Minister'), attachment: 'premodifier', affiliation: 'South Korea' }],
    mentions: [mention('Yun Byung-Se', 'full'), mention('Yun', 'surname', 1), mention('Mr. Yun', 'honorific')],
    gender: 'male',
  };
  const quote: Quote = {
    ...span('"I am done,"'),
    parts: [span('"I am done,"')],
    speakerId: 'p1',
    speakerMention: span('Yun', 1),
    cue: span('said'),
    expectsSpeaker: true,
  };
  const tuesday: TemporalExpression = { ...span('Tuesday'), type: 'DATE', value: '2013-07-02', relative: true };
  const july: TemporalExpression = { ...span('Jul 02, 2013'), type: 'DATE', value: '2013-07-02', relative: false };
  const year: TemporalExpression = { ...span('2013'), type: 'DATE', value: '2012', relative: false };
  return {
    text: TEXT,
    structure: analyzeStructure(TEXT),
    headline: span('Minister resigns'),
    dct: { value: '2013-07-02', source: 'dateline', span: span('Updated: Jul 02, 2013') },
    people: [yun],
    organizations: [],
    quotes: [quote],
    dates: [july, year, tuesday], // in text order, as the analysis gives them
    unmatchedQuoteMarks: [],
    findings: [],
  };
}

const document = TextDocument.create('file:///a.article', 'press-article', 1, TEXT);
const at = (text: string, occurrence = 0, delta = 1) => document.positionAt(span(text, occurrence).start + delta);

describe('hover', () => {
  test('on a surname shows the full name, role with affiliation, counts and quotes', () => {
    const result = hover(fixture(), document, at('Yun', 1));
    assert.ok(result);
    assert.equal(
      (result.contents as { value: string }).value,
      [
        '**Yun Byung-Se** (person)',
        '',
        '- Foreign Minister — South Korea',
        '',
        'Mentioned 3 times, first on line 5 · quoted 1 time',
        '',
        '- line 5: "I am done,"',
      ].join('\n'),
    );
    assert.deepEqual(result.range, { start: at('Yun', 1, 0), end: at('Yun', 1, 3) });
  });

  test('a speaker quoted throughout a long document lists the first ten quotes and counts the rest', () => {
    const article = fixture();
    article.quotes = Array.from({ length: 12 }, () => article.quotes[0]);
    const value = (hover(article, document, at('Yun', 1))?.contents as { value: string }).value;
    assert.match(value, /quoted 12 times/);
    assert.equal(value.split('\n').filter((line) => line.startsWith('- line 5: ')).length, 10);
    assert.ok(value.endsWith('\n- …and 2 more'), value);
  });

  test('on a relative date shows the day in words, ISO value and distance from publication', () => {
    const value = (hover(fixture(), document, at('Tuesday'))?.contents as { value: string }).value;
    assert.equal(value, '**Tuesday, July 2, 2013** (date)\n\nValue: `2013-07-02`\n\nThe day of publication (2013-07-02)');
  });

  test('on a quote shows the speaker, role and cue', () => {
    const value = (hover(fixture(), document, at('am done'))?.contents as { value: string }).value;
    assert.equal(value, '**Quote** by **Yun Byung-Se**\n\n_Foreign Minister — South Korea_\n\nAttributed through “Yun” · cue: “said”');
  });

  test('article text is escaped, so a backtick apostrophe does not turn into a code span', () => {
    const article = fixture();
    article.people[0].titles = [{ ...span('Foreign Minister'), text: 'professor at Seoul`s University', attachment: 'apposition', affiliation: 'Seoul`s University' }];
    const value = (hover(article, document, at('Yun', 1))?.contents as { value: string }).value;
    assert.match(value, /^- professor at Seoul\\`s University$/m, 'escaped, and the affiliation is not repeated');
  });

  test('on plain words gives nothing', () => {
    assert.equal(hover(fixture(), document, at('resigned')), null);
  });
});

describe('outline', () => {
  test('has the headline as root, people with title and quotes, and dates oldest first', () => {
    const [root] = documentSymbols(fixture(), document);
    assert.equal(root.name, 'Minister resigns');
    assert.equal(root.detail, 'published 2013-07-02');
    assert.deepEqual(root.children?.map((c) => c.name), ['People', 'Dates']);
    const [people, dates] = root.children ?? [];
    assert.equal(people.children?.[0].name, 'Yun Byung-Se');
    assert.equal(people.children?.[0].detail, 'Foreign Minister');
    assert.deepEqual(people.children?.[0].children?.map((q) => q.name), ['"I am done,"']);
    assert.deepEqual(dates.children?.map((d) => d.name), ['2013 → 2012', 'Jul 02, 2013 → 2013-07-02', 'Tuesday → 2013-07-02']);
  });

  test('a quotation shows on one line: line breaks and runs of spaces become one space, and a long one is cut at 60 characters', () => {
    const outlineName = (quoteText: string) => documentSymbols({ ...fixture(), quotes: [{ ...fixture().quotes[0], text: quoteText }] }, document)[0].children?.[0].children?.[0].children?.[0].name;
    assert.equal(outlineName('  "We will\r\n\r\n   not\u00a0 resign," '), '"We will not resign,"');
    const long = `"${'word '.repeat(40)}"`;
    assert.equal(outlineName(long), `${long.replace(/\s+/g, ' ').slice(0, 59)}…`);
    assert.equal(outlineName(`"${'x'.repeat(58)}"`), `"${'x'.repeat(58)}"`, 'exactly 60 characters fit');
    assert.equal(outlineName(`"${'x'.repeat(58)} \n"`), `"${'x'.repeat(58)} "`.slice(0, 59) + '…', 'a space before the closing mark makes 61');
  });
});

test('after edits, the outline is the one of a fresh analysis, also when a line break replaces a character before a quote', () => {
  const sample = readFileSync(path.resolve(__dirname, '../../samples/north-korea-negotiator.article'), 'utf8');
  const incremental = new IncrementalAnalyzer();
  const edited = TextDocument.create('file:///edited.article', 'press-article', 1, sample);
  const firstQuote = sample.indexOf('“', sample.indexOf('\n\n', 200));
  // The same length each time: the quotations and dates after the edit keep their offsets, not their lines.
  const edits = [
    { at: firstQuote - 2, text: '\n' },
    { at: firstQuote - 2, text: ' ' },
    { at: sample.length - 10, text: 'x' },
    { at: 5, text: '\n' },
  ];
  documentSymbols(incremental.analyze(edited.getText()), edited);
  for (const [k, { at, text }] of edits.entries()) {
    TextDocument.update(edited, [{ range: { start: edited.positionAt(at), end: edited.positionAt(at + 1) }, text }], k + 2);
    const fresh = TextDocument.create('file:///fresh.article', 'press-article', 1, edited.getText());
    assert.deepEqual(documentSymbols(incremental.analyze(edited.getText()), edited), documentSymbols(analyze(fresh.getText()), fresh), `edit ${k}`);
  }
});

describe('navigation', () => {
  test('go to definition jumps from "Mr. Yun" to the first full mention', () => {
    const location = definition(fixture(), document, at('Mr. Yun', 0, 5));
    assert.deepEqual(location?.range.start, at('Yun Byung-Se', 0, 0));
  });

  test('find references lists every mention', () => {
    assert.equal(references(fixture(), document, at('Yun', 1))?.length, 3);
  });

  test('rename edits every mention, keeping honorifics and possessives', () => {
    const edit = rename(fixture(), document, at('Yun', 1), 'Yoon Byung-se');
    const edited = TextDocument.applyEdits(document, edit?.changes?.[document.uri] ?? []);
    assert.match(edited, /Foreign Minister Yoon Byung-se 🇰🇷 resigned/);
    assert.match(edited, /"I am done," Yoon said\. Mr\. Yoon's aide/);
  });

  test('a surname stays the surname when the new name has a different length', () => {
    const surname: Mention = { text: 'Clinton', start: 0, end: 7, kind: 'surname' };
    assert.deepEqual(renamedMention(surname, 'Hillary Clinton', 'Hillary Rodham Clinton'), { offset: 0, length: 7, text: 'Clinton' });
  });
});

test('inlay hints show the resolved date after relative dates only', () => {
  const hints = inlayHints(fixture(), document, { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } });
  assert.deepEqual(hints.map((h) => h.label), ['= Tuesday, July 2, 2013']);
  assert.deepEqual(hints[0].position, at('Tuesday', 0, 7));
});

test('the timeline puts weeks, quarters, seasons and decades at their start, durations last', () => {
  const article = fixture();
  const date = (text: string, value: string, type: TemporalExpression['type'] = 'DATE'): TemporalExpression => ({
    text,
    start: 0,
    end: 1,
    type,
    value,
    relative: true,
  });
  article.dates = [
    date('three years', 'P3Y', 'DURATION'),
    date('now', 'PRESENT_REF'),
    date('weekend', '2013-W26-WE'),
    date('the 1990s', '199'),
    date('the fourth quarter', '2013-Q4'),
    date('last spring', '2013-SP'),
  ];
  const [root] = documentSymbols(article, document);
  const dates = root.children?.find((c) => c.name === 'Dates');
  assert.deepEqual(
    dates?.children?.map((d) => d.name.split(' → ')[0]),
    ['the 1990s', 'last spring', 'weekend', 'now', 'the fourth quarter', 'three years'],
  );
});

describe('problems', () => {
  const finding = (text: string, severity: Severity): Finding => ({ ...span(text), code: 'some-rule', severity, message: `about ${text}` });
  const article = (): Article => ({
    ...fixture(),
    findings: [finding('Minister', 'information'), finding('Updated', 'information'), finding('Yun', 'warning'), finding('Tuesday', 'warning'), finding('done', 'information')],
  });
  const messages = (limit: number) => diagnostics(article(), document, limit).map((d) => d.message);

  test('every problem is shown up to pressMarkup.maxProblems', () => {
    assert.deepEqual(messages(5), ['about Minister', 'about Updated', 'about Yun', 'about Tuesday', 'about done']);
  });

  test('past the limit, the most serious problems are shown, earliest first, after one that says how many were left out', () => {
    const shown = diagnostics(article(), document, 3);
    assert.equal(shown[0].code, TOO_MANY_PROBLEMS_CODE);
    assert.equal(shown[0].message, 'Press Markup shows 3 of the 5 problems in this document, the most serious first; raise pressMarkup.maxProblems to see them all.');
    assert.deepEqual(shown[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(shown.slice(1).map((d) => d.message), ['about Minister', 'about Yun', 'about Tuesday']);
    assert.deepEqual(messages(1).slice(1), ['about Yun']);
  });
});
