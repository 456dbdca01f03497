import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Rule } from '../../server/src/core/rules/rule';

const brokenRule: Rule = {
  code: 'always-throws',
  defaultSeverity: 'warning',
  description: 'A rule with a bug.',
  check() {
    throw new Error('boom');
  },
};

const workingRule: Rule = {
  code: 'finds-backticks',
  defaultSeverity: 'warning',
  description: 'Flags every backtick.',
  check: (article) => [...article.text.matchAll(/`/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + 1, message: 'backtick' })),
};

test('a rule that throws is skipped with one information finding; the other rules still report', () => {
  const article = analyze('Headline\n\nRussia`s move.', {}, [brokenRule, workingRule]);
  assert.deepEqual(
    article.findings.map((f) => [f.code, f.severity]),
    [
      ['analysis-error', 'information'],
      ['finds-backticks', 'warning'],
    ],
  );
  assert.match(article.findings[0].message, /could not finish "always-throws check".*\(boom\)/);
});

test('a rule turned off in settings does not run', () => {
  const article = analyze('Russia`s move.', { ruleSeverities: { 'finds-backticks': 'off' } }, [workingRule]);
  assert.deepEqual(article.findings, []);
});

test('a document over the size limit gets one information finding instead of an analysis', () => {
  const article = analyze('x'.repeat(2_000_001), { maxTextLength: 1_000_000 });
  assert.equal(article.findings.length, 1);
  assert.equal(article.findings[0].code, 'document-too-large');
  assert.match(article.findings[0].message, /This document \(2\.0 MB\) is larger than the 1\.0 MB/);
});

test('past its time budget the analysis reports what it found and names what it skipped', () => {
  const slowRule: Rule = {
    code: 'slow-check',
    defaultSeverity: 'warning',
    description: 'Takes its time.',
    check() {
      const until = performance.now() + 30;
      while (performance.now() < until);
      return [];
    },
  };
  const article = analyze('Russia`s move.', { timeBudgetMs: 20 }, [workingRule, slowRule, workingRule]);
  const codes = article.findings.map((f) => f.code);
  assert.ok(codes.includes('analysis-time-budget'), codes.join(' '));
  assert.match(article.findings.find((f) => f.code === 'analysis-time-budget')?.message ?? '', /not checked: .*finds-backticks check/);
});

test('without a time budget (the CLI) everything runs, however long it takes', () => {
  const article = analyze('Russia`s move.', {}, [workingRule]);
  assert.deepEqual(article.findings.map((f) => f.code), ['finds-backticks']);
});
