import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { ADVERSARIES, analyzeOptions, anyText, samples } from '../fuzz/arbitraries';
import { articleProblems, fingerprint, runCase, splitsSurrogatePair } from '../fuzz/invariants';
import { LINEARITY_CASES, MAX_RATIO, measureGrowth } from '../fuzz/linearity';

// A fixed-seed slice of `npm run fuzz`: the same inputs on every run, so a failure here reproduces.
const SEED = 8;

describe('analysis of hostile text (fixed-seed fuzz subset)', () => {
  test('150 random texts: nothing thrown, no stage skipped, every span inside the text on a code-point boundary', () => {
    const texts = samples(anyText, SEED, 150);
    const options = samples(analyzeOptions, SEED, 150);
    const failures: string[] = [];
    texts.forEach((text, i) => {
      const { problems } = runCase(text, i % 4 === 0 ? options[i] : {});
      if (problems.length > 0) failures.push(`${JSON.stringify(text.slice(0, 80))}: ${problems.slice(0, 3).join('; ')}`);
    });
    assert.deepEqual(failures, []);
  });

  test('the same text gives the same result, also after other texts were analysed', () => {
    const texts = samples(anyText, SEED + 1, 20);
    const first = texts.map((t) => fingerprint(analyze(t)));
    const again = [...texts].reverse().map((t) => fingerprint(analyze(t))).reverse();
    assert.deepEqual(again, first);
  });

  test('each fixed adversarial input at 5 000 characters is analysed cleanly', () => {
    const failures: string[] = [];
    for (const adversary of ADVERSARIES) {
      const text = adversary.build(5_000);
      const { problems } = runCase(text);
      if (problems.length > 0) failures.push(`${adversary.name}: ${problems.slice(0, 2).join('; ')}`);
    }
    assert.deepEqual(failures, []);
  });

  test('BOM, NUL, CR-only and mixed line breaks, lone surrogates and an empty text', () => {
    for (const text of ['', '\ufeff', '\0', '\r', '\r\n\r\n', '\ud800', '\udc00x', '😀', '\ufeff“Yes,”\r said Kim\0 on Tuesday.\r\n\rMr. Kim\u2028left.']) {
      assert.deepEqual(articleProblems(text, analyze(text)), [], JSON.stringify(text));
    }
  });
});

describe('the span checker itself', () => {
  test('flags an offset between the halves of a surrogate pair, and only there', () => {
    const text = 'a😀b';
    assert.equal(splitsSurrogatePair(text, 2), true);
    assert.deepEqual([0, 1, 3, 4].map((o) => splitsSurrogatePair(text, o)), [false, false, false, false]);
  });

  test('reports spans outside the text, reversed, splitting a pair, or with the wrong text', () => {
    const text = 'Kim 😀 said.';
    const article = analyze(text);
    const broken = {
      ...article,
      dates: [{ text: 'x', start: 5, end: 6, type: 'DATE' as const, value: '2013', relative: false }],
      quotes: [{ text: '', start: 9, end: 99, parts: [{ start: 9, end: 99 }], speakerId: 'p404', speakerMention: null, cue: null, expectsSpeaker: true }],
      findings: [{ code: 'analysis-error', severity: 'information' as const, message: 'boom', start: 3, end: 2 }],
    };
    const problems = articleProblems(text, broken).join('\n');
    assert.match(problems, /date 0: \[5, 6\) splits a surrogate pair/);
    assert.match(problems, /date 0: text "x" is not the text/);
    assert.match(problems, /quote 0: \[9, 99\) lies outside the text/);
    assert.match(problems, /names speaker p404/);
    assert.match(problems, /guarded throw: boom/);
    assert.match(problems, /finding 0 \(analysis-error\): \[3, 2\) lies outside the text .* or is reversed/);
  });
});

describe('no regular expression or scan takes super-linear time on adversarial input', () => {
  for (const c of LINEARITY_CASES) {
    test(c.name, () => {
      const g = measureGrowth(c, 8_000);
      assert.ok(
        g.ratio < MAX_RATIO,
        `4x the input took ${(g.large / Math.max(g.small, 0.01)).toFixed(1)}x the CPU time (${g.small.toFixed(1)} ms -> ${g.large.toFixed(1)} ms)`,
      );
    });
  }
});
