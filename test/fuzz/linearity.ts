/**
 * Linear-time checks on adversarial inputs: the time at 4n must stay within a small multiple of
 * the time at n (quadratic work gives 16x). Times are CPU times and each size runs twice (the
 * faster run counts), so a busy machine rarely fails a linear function.
 */
import { analyze } from '../../server/src/core/analyze';
import { findDocumentCreationTime, findTemporalExpressions } from '../../server/src/core/dates';
import type { TextStructure } from '../../server/src/core/model';
import { findPeople } from '../../server/src/core/people';
import { findQuotes } from '../../server/src/core/quotes';
import { analyzeStructure } from '../../server/src/core/structure';

export interface LinearityCase {
  name: string;
  build(size: number): string;
  run(structure: TextStructure): unknown;
}

export interface Growth {
  small: number;
  large: number;
  /** large / small, with `slackMs` added to small so that tiny times do not make noisy ratios. */
  ratio: number;
}

/** CPU time of this process in ms: unlike wall time, hardly disturbed by other work on the machine. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function fastest(text: string, run: (s: TextStructure) => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const structure = analyzeStructure(text);
    const started = cpuMs();
    run(structure);
    best = Math.min(best, cpuMs() - started);
  }
  return best;
}

export function measureGrowth(c: LinearityCase, size = 10_000, slackMs = 15): Growth {
  const small = fastest(c.build(size), c.run);
  const large = fastest(c.build(size * 4), c.run);
  return { small, large, ratio: large / (small + slackMs) };
}

/** Above this, time grows clearly faster than the input (linear: about 4; quadratic: about 16). */
export const MAX_RATIO = 8;

const repeatWhole = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
const spaces = (n: number): string => ' '.repeat(n);

const structure = (s: TextStructure): unknown => analyzeStructure(s.text);
const dateline = (s: TextStructure): unknown => findDocumentCreationTime(s);
const dates = (s: TextStructure): unknown => findTemporalExpressions(s, { value: '2013-07-02', source: 'option', span: null });
const people = (s: TextStructure): unknown => findPeople(s);
const quotes = (s: TextStructure): unknown => findQuotes(s, [], []);
const whole = (s: TextStructure): unknown => analyze(s.text);

/**
 * Inputs aimed at the regular expressions and scanning loops of each stage, run through the
 * stage's exported function (or the whole analysis), each expected to take linear time.
 */
export const LINEARITY_CASES: LinearityCase[] = [
  { name: 'structure: a line break, then blanks with no second break', build: (n) => `a\n${spaces(n)}b`, run: structure },
  { name: 'structure: alternating line breaks and tabs', build: (n) => repeatWhole('\n\t \r\n \t', n), run: structure },
  { name: 'structure: full stops each followed by many spaces', build: (n) => repeatWhole(`a.${spaces(30)}`, n), run: structure },
  { name: 'structure: closing quotes after full stops', build: (n) => repeatWhole('a.”’)]" ', n), run: structure },
  { name: 'structure: one long dotted word "a.a.a.…"', build: (n) => repeatWhole('a.', n), run: structure },
  { name: 'dateline: front matter never closed', build: (n) => `---\n${repeatWhole('date: x\n', n)}`, run: dateline },
  { name: 'dateline: front-matter date with a long run of blanks', build: (n) => `---\ndate: x${spaces(n)}y\n---\nText.`, run: dateline },
  { name: 'dateline: front-matter date of quotes and blanks', build: (n) => `---\ndate: ${repeatWhole('" \'\t', n)}y\n---\nText.`, run: dateline },
  { name: 'dateline: "Updated" then a long run of blanks', build: (n) => `Updated${spaces(n)}\nText.`, run: dateline },
  { name: 'dateline: wire-dateline look-alike "SEOUL, KOREA, …"', build: (n) => repeatWhole('SEOUL, KOREA, SEOUL, ', n), run: dateline },
  { name: 'dateline: one long first line of dates', build: (n) => repeatWhole('July 2 ', n), run: dateline },
  { name: 'dates: digits and slashes "1/1/1/…"', build: (n) => repeatWhole('1/', n), run: dates },
  { name: 'dates: digits and dashes "1-1-1-…"', build: (n) => repeatWhole('1-', n), run: dates },
  { name: 'dates: digits and colons "1:1:1:…"', build: (n) => repeatWhole('1:', n), run: dates },
  { name: 'dates: months "January January …"', build: (n) => repeatWhole('January ', n), run: dates },
  { name: 'dates: "last last last … month"', build: (n) => `${repeatWhole('last ', n)}month`, run: dates },
  { name: 'dates: "Tuesday, July 2, 2013, …"', build: (n) => repeatWhole('Tuesday, July 2, 2013, ', n), run: dates },
  { name: 'dates: numbers and ordinals "2 3rd 4 5th …"', build: (n) => repeatWhole('2 3rd of 4 5th ', n), run: dates },
  { name: 'people: "Mr. Mr. Mr. …"', build: (n) => repeatWhole('Mr. ', n), run: people },
  { name: 'people: honorific chains "Dr. Prof. Sen. …"', build: (n) => repeatWhole('Dr. Prof. Sen. Gov. Rep. Lt. Gen. ', n), run: people },
  { name: 'people: Capitalised Words run', build: (n) => repeatWhole('Foreign Minister Wang Yi Kim Kye Gwan ', n), run: people },
  { name: 'people: titles run "First Deputy Foreign …"', build: (n) => repeatWhole('First Deputy Foreign ', n), run: people },
  { name: 'people: initials "A. B. C. …"', build: (n) => repeatWhole('A. ', n), run: people },
  { name: 'people: appositions "Kim, a professor at X, …"', build: (n) => repeatWhole('Kim, a professor at the University of X, ', n), run: people },
  { name: 'people: one person mentioned thousands of times', build: (n) => repeatWhole('Mr. Kim said. ', n), run: people },
  { name: 'quotes: straight double quotes """…', build: (n) => repeatWhole('"', n), run: quotes },
  { name: 'quotes: nested curly quotes “‘“‘…', build: (n) => repeatWhole('“‘', n), run: quotes },
  { name: 'quotes: apostrophes and backticks', build: (n) => repeatWhole("'`’", n), run: quotes },
  { name: 'quotes: unclosed quote then prose', build: (n) => `“${repeatWhole('word said Kim ', n)}`, run: quotes },
  { name: 'quotes: words between quote marks “a ‘b …', build: (n) => repeatWhole('“a ‘b ', n), run: quotes },
  { name: 'analysis: attributed quotes "“Yes,” said Mr. Kim. …"', build: (n) => repeatWhole('“Yes,” said Mr. Kim. ', n), run: whole },
  { name: 'analysis: backticks in words "Russia`s …"', build: (n) => repeatWhole('Russia`s ', n), run: whole },
  { name: 'analysis: markdown headings "####…"', build: (n) => repeatWhole('#', n), run: whole },
  { name: 'analysis: HTML tags', build: (n) => repeatWhole('<p class="x"><a href="/">Kim</a></p>', n), run: whole },
  { name: 'analysis: lone surrogates and astral characters', build: (n) => repeatWhole('\ud800a😀\udc00', n), run: whole },
];
