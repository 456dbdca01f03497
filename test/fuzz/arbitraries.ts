/**
 * Generators of hostile and news-like text for the fuzz tests (fast-check arbitraries) and the
 * fixed adversarial inputs aimed at regular-expression backtracking and super-linear loops.
 */
import fc from 'fast-check';

const fromCodes = (from: number, to: number): fc.Arbitrary<string> => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));

/** Characters editors really receive from odd files: astral, combining, RTL, zero-width, lone surrogates, NUL, C0/C1. */
export const junkChar: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), // any code point, astral included
  fc.constantFrom('😀', '𝐀', '𠜎', '👩‍👩‍👧', '🇰🇷', 'e\u0301', 'ﬁ', 'İ', 'ß', 'ǅ'),
  fromCodes(0x0300, 0x036f), // combining marks
  fromCodes(0x0590, 0x06ff), // Hebrew, Arabic
  fc.constantFrom('\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2069'), // bidi controls
  fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'), // zero-width
  fromCodes(0xd800, 0xdfff), // lone surrogates
  fromCodes(0x0000, 0x001f), // NUL and C0 controls
  fromCodes(0x007f, 0x009f), // DEL and C1 controls
  fc.constantFrom('\ufffd', '\u2028', '\u2029', '\u0085', '\u00a0', '\u3000', '\u000b', '\u000c'),
);

/** Every quotation mark and apostrophe an article may hold, straight, curly, typewriter or guillemet. */
export const QUOTE_MARKS = ['"', '“', '”', '‘', '’', "'", '`', '«', '»', '„', '‹', '›', '″', '´'] as const;
export const quoteMark: fc.Arbitrary<string> = fc.constantFrom(...QUOTE_MARKS);

export const newline: fc.Arbitrary<string> = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r', '\u2028');

/** Building blocks of news prose. */
const FRAGMENTS = {
  given: ['Kim', 'Hillary', 'Wang', 'Vladimir', 'Igor', 'Yun', 'Jean-Luc', 'María', 'Seán', 'Zoë', 'Ali', 'Dmitry', 'Mary-Kate'],
  surname: ['Kye-Gwan', 'Clinton', 'Yi', 'Titov', 'Morgulov', 'Byung-Se', "O'Brien", 'de la Cruz', 'Müller', 'Nguyễn', 'Smith', 'MacLeod', 'Al-Assad'],
  honorific: ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Sen.', 'Gov.', 'Rep.', 'Prof.', 'Sir', 'Lt. Gen.', 'Mr', 'Dame'],
  title: [
    'Foreign Minister', 'First vice foreign minister', 'First Deputy Foreign Minister', 'Secretary of State', 'former President',
    'a professor at Seoul\'s University of North Korean Studies', 'the chief executive of Acme Corp.', 'spokeswoman', 'Deputy Managing Editor',
    "China's Foreign Minister", 'South Korean Foreign Minister', 'the minister', 'an analyst at the Brookings Institution',
  ],
  org: ['RIA Novosti', 'Korean Central News Agency', 'Reuters', 'the White House', 'Yonhap', 'the United Nations', 'NATO', 'the Kremlin', 'IST'],
  verb: ['said', 'told reporters', 'told', 'added', 'according to', 'said on Tuesday', 'wrote', 'insisted', 'asked', 'says', 'noted', 'quipped'],
  pronoun: ['he', 'she', 'they', 'He', 'She', 'It'],
  date: [
    'Tuesday', 'on Tuesday', 'last month', 'next week', 'July 2, 2013', 'Jul 02, 2013', 'August 2003', '2013-07-02', '15:59 PM IST', '1/2/2013',
    'two days ago', 'a year earlier', 'the next day', 'in the 1990s', 'this weekend', 'Tuesday, July 3, 2013', 'every Monday', 'three years',
    'mid-2012', 'since 2001', 'at 10 a.m.', 'noon', 'yesterday', 'tomorrow', 'Q3 2014', 'the first half of 2012', '31/12/1999', '2 July',
    'Feb. 29, 2013', 'June 31', '0000-00-00', '9999-99-99', '12:99', 'the 21st century', 'winter', 'decades',
  ],
  word: [
    'the', 'talks', 'nuclear', 'programme', 'in', 'Moscow', 'Beijing', 'and', 'would', 'visit', 'a', 'of', 'peninsula', 'six-party', 'stance',
    'will', 'not', 'resume', 'meeting', 'sanctions', 'vote', 'on', 'for', 'election', 'court', 'ruling', 'market', 'U.S.', 'e.g.', 'etc.',
  ],
  punct: [',', '.', ';', ':', '!', '?', ' -', ' —', ' –', '...', '…', '(', ')', '[', ']', ' /'],
  dateline: [
    'Updated: Jul 02, 2013, 15:59 PM IST', 'Published: 2 July 2013', 'SEOUL, July 2 (Reuters) -', 'MOSCOW (AP) —', '---\ndate: 2013-07-02\n---',
    'By Jane Doe | July 2, 2013', 'Updated: Feb 30, 2013, 25:61 PM XYZ', '---\ndate: nonsense\n---', 'WASHINGTON —',
  ],
} as const;

const pick = (key: keyof typeof FRAGMENTS): fc.Arbitrary<string> => fc.constantFrom(...FRAGMENTS[key]);

const name: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick('given'), pick('surname')).map(([g, s]) => `${g} ${s}`),
  fc.tuple(pick('honorific'), pick('surname')).map(([h, s]) => `${h} ${s}`),
  pick('surname'),
  fc.tuple(pick('surname'), fc.constantFrom("'s", '`s', '’s', "s'")).map(([s, p]) => s + p),
);

const clause: fc.Arbitrary<string> = fc
  .array(fc.oneof({ arbitrary: pick('word'), weight: 6 }, { arbitrary: name, weight: 2 }, { arbitrary: pick('date'), weight: 2 }, pick('org'), pick('punct')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((words) => words.join(' '));

const quoted: fc.Arbitrary<string> = fc
  .tuple(quoteMark, clause, fc.constantFrom(',', '.', '', '?', '!'), quoteMark)
  .map(([open, body, end, close]) => `${open}${body}${end}${close}`);

/** One news sentence: attributed quotes before or after, titles as premodifiers or appositions, dates. */
const sentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(quoted, pick('verb'), name).map(([q, v, n]) => `${q} ${v} ${n}.`),
  fc.tuple(quoted, name, pick('verb')).map(([q, n, v]) => `${q} ${n} ${v}.`),
  fc.tuple(name, pick('verb'), quoted).map(([n, v, q]) => `${n} ${v}: ${q}`),
  fc.tuple(pick('title'), name, pick('verb'), clause).map(([t, n, v, c]) => `${t} ${n} ${v} ${c}.`),
  fc.tuple(name, pick('title'), pick('verb'), pick('date')).map(([n, t, v, d]) => `${n}, ${t}, ${v} ${d}.`),
  fc.tuple(quoted, pick('pronoun'), pick('verb'), quoted).map(([a, p, v, b]) => `${a} ${p} ${v}, ${b}`),
  fc.tuple(clause, pick('date')).map(([c, d]) => `${c[0]?.toUpperCase() ?? ''}${c.slice(1)} ${d}.`),
  clause,
);

const paragraph: fc.Arbitrary<string> = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));

/** A news-like article: optional headline and dateline, then paragraphs separated by mixed line breaks. */
export const newsText: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(clause, { nil: undefined }),
    fc.option(pick('dateline'), { nil: undefined }),
    fc.array(fc.tuple(newline, paragraph), { minLength: 1, maxLength: 8 }),
  )
  .map(([headline, dateline, body]) => {
    const head = [headline, dateline].filter((x) => x !== undefined).join('\n');
    return head + body.map(([sep, p]) => sep + p).join('');
  });

/** Text edits that break news text the way paste accidents and bad encodings do. */
type Mutation = { at: number; kind: 'insert' | 'delete' | 'swapQuotes' | 'duplicate' | 'newlines'; payload: string; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('insert', 'delete', 'swapQuotes', 'duplicate', 'newlines'),
  payload: fc.oneof(fc.string({ unit: junkChar, maxLength: 8 }), quoteMark, newline, fc.constantFrom('\ufeff', '\0', '\r', '’s', 'Mr.')),
  length: fc.nat({ max: 40 }),
}) as fc.Arbitrary<Mutation>;

function applyMutation(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.payload + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'swapQuotes':
      return text.slice(0, at) + text.slice(at, at + m.length * 4).replace(/["“”‘’'`«»]/g, m.payload || '"') + text.slice(at + m.length * 4);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'newlines':
      return text.replace(/\r?\n/g, (nl, offset: number) => (offset >= at && offset < at + m.length * 20 ? m.payload : nl));
  }
}

export const mutatedNews: fc.Arbitrary<string> = fc
  .tuple(newsText, fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, mutations]) => mutations.reduce(applyMutation, text));

/** Words glued by random quotation marks and apostrophes. */
export const quoteSoup: fc.Arbitrary<string> = fc
  .array(fc.oneof({ arbitrary: quoteMark, weight: 3 }, pick('word'), name, fc.constantFrom(' ', ', ', '. ', '\n', "'s ", 'said ')), { maxLength: 60 })
  .map((parts) => parts.join(''));

export const unicodeJunk: fc.Arbitrary<string> = fc.string({ unit: junkChar, maxLength: 200 });

/** Junk and news interleaved, so junk lands inside names, quotes and dates. */
export const mixedText: fc.Arbitrary<string> = fc
  .array(fc.oneof(sentence, fc.string({ unit: junkChar, maxLength: 6 }), newline, quoteMark), { maxLength: 30 })
  .map((parts) => parts.join(''));

/** Any text the analysis might be given, weighted towards news so that every stage gets work. */
export const anyText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { arbitrary: newsText, weight: 4 },
      { arbitrary: mutatedNews, weight: 4 },
      { arbitrary: mixedText, weight: 3 },
      { arbitrary: quoteSoup, weight: 2 },
      { arbitrary: unicodeJunk, weight: 1 },
      { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 300 }), weight: 1 },
    ),
    fc.constantFrom('', '', '', '', '\ufeff', '\ufeff\ufeff', '\0'),
  )
  .map(([text, prefix]) => prefix + text);

/** Severity settings and lexicon extensions, valid or odd (empty words, regex metacharacters, huge lists). */
export const analyzeOptions = fc.record(
  {
    dct: fc.constantFrom('2013-07-02', '2013-07-02T15:59', '1999-12-31T23:59', '2016-02-29', '0001-01-01', '9999-12-31'),
    lexicon: fc.record(
      {
        titles: fc.array(fc.oneof(pick('title'), fc.string({ maxLength: 12 }), fc.constantFrom('(', '.*', '[a-', '\\', 'Mr.')), { maxLength: 5 }),
        speechVerbs: fc.array(fc.oneof(pick('verb'), fc.string({ maxLength: 12 }), fc.constantFrom('(', '.*+', '?')), { maxLength: 5 }),
        honorifics: fc.array(fc.oneof(pick('honorific'), fc.string({ maxLength: 8 }), fc.constantFrom('.', ')', '')), { maxLength: 5 }),
        organizations: fc.array(fc.oneof(pick('org'), fc.string({ maxLength: 12 }), fc.constantFrom('the', 'Kim', '$')), { maxLength: 5 }),
      },
      { requiredKeys: [] },
    ),
    ruleSeverities: fc.dictionary(
      fc.constantFrom('backtick-apostrophe', 'unattributed-quote', 'unbalanced-quotes', 'weekday-date-mismatch', 'name-spelling-variants'),
      fc.constantFrom('error', 'warning', 'information', 'hint', 'off'),
    ) as fc.Arbitrary<Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>>,
  },
  { requiredKeys: [] },
);

/** A named, deterministic adversarial input of about `size` UTF-16 code units. */
export interface Adversary {
  name: string;
  build(size: number): string;
}

const repeat = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);

/** Repeats `unit` to `size`, cut at a unit boundary so the pattern stays intact. */
const repeatWhole = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

export const ADVERSARIES: readonly Adversary[] = [
  { name: '"Mr. Mr. Mr. …"', build: (n) => repeatWhole('Mr. ', n) },
  { name: '"Mr. Kim Mr. Kim …" (one person, many mentions)', build: (n) => repeatWhole('Mr. Kim ', n) },
  { name: 'honorific chains "Dr. Prof. Sen. Gov. …"', build: (n) => repeatWhole('Dr. Prof. Sen. Gov. Rep. Lt. Gen. ', n) },
  { name: 'nested curly quotes “‘“‘…', build: (n) => repeatWhole('“‘', n) },
  { name: 'nested quotes with words “a ‘b “c …', build: (n) => repeatWhole('“a ‘b ', n) },
  { name: 'straight double quotes """…', build: (n) => repeatWhole('"', n) },
  { name: 'apostrophes and backticks \'`\'`…', build: (n) => repeatWhole("'`’", n) },
  { name: 'guillemets «««…»»»', build: (n) => repeatWhole('«', n / 2) + repeatWhole('»', n / 2) },
  { name: 'unclosed quote then prose', build: (n) => `“${repeatWhole('word said Kim ', n)}` },
  { name: 'quoted attributions "“Yes,” said Kim. …"', build: (n) => repeatWhole('“Yes,” said Mr. Kim. ', n) },
  { name: 'Capitalised Words run', build: (n) => repeatWhole('Foreign Minister Wang Yi Kim Kye Gwan ', n) },
  { name: 'capitalised words without spaces Ab-Cd-Ef-…', build: (n) => repeatWhole('Ab-', n) },
  { name: 'ALL CAPS words', build: (n) => repeatWhole('SEOUL MOSCOW REUTERS ', n) },
  { name: 'initials "A. B. C. …"', build: (n) => repeatWhole('A. ', n) },
  { name: 'abbreviations "U.S.U.S.…"', build: (n) => repeatWhole('U.S.', n) },
  { name: 'titles run "Deputy Deputy …"', build: (n) => repeatWhole('First Deputy Foreign ', n) },
  { name: 'possessives "Kim\'s Kim\'s …"', build: (n) => repeatWhole("Kim's ", n) },
  { name: 'digits and slashes "1/1/1/…"', build: (n) => repeat('1/', n) },
  { name: 'digits and dashes "1-1-1-…"', build: (n) => repeat('1-', n) },
  { name: 'digits and colons "1:1:1:…"', build: (n) => repeat('1:', n) },
  { name: 'digits and dots "1.1.1.…"', build: (n) => repeat('1.', n) },
  { name: 'spaced digits "1 1 1 …"', build: (n) => repeat('1 ', n) },
  { name: 'one long number', build: (n) => repeat('1234567890', n) },
  { name: 'ISO dates run', build: (n) => repeatWhole('2013-07-02 ', n) },
  { name: 'dates run "July 2, 2013, …"', build: (n) => repeatWhole('Tuesday, July 2, 2013, ', n) },
  { name: 'months run "January January …"', build: (n) => repeatWhole('January ', n) },
  { name: 'relative dates "last last last … month"', build: (n) => `${repeatWhole('last ', n)}month` },
  { name: 'times "10:00 a.m. …"', build: (n) => repeatWhole('10:00 a.m. ', n) },
  { name: '"-----"', build: (n) => repeat('-', n) },
  { name: '"((((" then "))))"', build: (n) => repeat('(', n / 2) + repeat(')', n / 2) },
  { name: '"....."', build: (n) => repeat('.', n) },
  { name: '",,,,,"', build: (n) => repeat(',', n) },
  { name: 'spaces', build: (n) => repeat(' ', n) },
  { name: 'tabs and spaces', build: (n) => repeat(' \t', n) },
  { name: 'LF lines', build: (n) => repeat('\n', n) },
  { name: 'CR lines', build: (n) => repeat('\r', n) },
  { name: 'CRLF then spaces "\\r\\n \\r\\n …"', build: (n) => repeat('\r\n ', n) },
  { name: 'blank lines with BOMs', build: (n) => repeat('\n\ufeff', n) },
  { name: 'NUL bytes', build: (n) => repeat('\0', n) },
  { name: 'zero-width joiners', build: (n) => repeat('a\u200d', n) },
  { name: 'combining marks on one letter', build: (n) => `a${repeat('\u0301', n - 1)}` },
  { name: 'astral characters', build: (n) => repeat('😀', n) },
  { name: 'lone surrogates', build: (n) => repeat('\ud800a\udc00', n) },
  { name: 'RTL override text', build: (n) => repeatWhole('\u202eמר כים אמר ', n) },
  { name: 'one long word', build: (n) => repeat('a', n) },
  { name: 'one long capitalised word', build: (n) => `A${repeat('b', n - 1)}` },
  { name: 'hyphenated word "a-a-a-…"', build: (n) => repeat('a-', n) },
  { name: 'sentence without end "the the the …"', build: (n) => repeatWhole('the ', n) },
  { name: 'said said said', build: (n) => repeatWhole('said ', n) },
  { name: 'comma lists "Kim, Wang, Yun, …"', build: (n) => repeatWhole('Kim, Wang, Yun, Titov, ', n) },
  { name: 'appositions "Kim, a professor at X, …"', build: (n) => repeatWhole('Kim, a professor at the University of X, ', n) },
  { name: 'datelines "Updated: Jul 02, 2013 …"', build: (n) => repeatWhole('Updated: Jul 02, 2013, 15:59 PM IST\n', n) },
  { name: 'front-matter fences "---\\n"', build: (n) => repeatWhole('---\n', n) },
  { name: 'markdown headings "# # # …"', build: (n) => repeat('#', n) },
  { name: 'HTML tags', build: (n) => repeatWhole('<p class="x"><a href="/">Kim</a></p>', n) },
  { name: 'URLs and e-mail', build: (n) => repeatWhole('https://example.com/a/b?c=d kim@example.com ', n) },
  { name: 'binary junk', build: (n) => Array.from({ length: n }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('') },
];

/** Fixed-seed samples of an arbitrary, for the quick subset in `npm test`. */
export function samples<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return fc.sample(arbitrary, { seed, numRuns: count });
}
