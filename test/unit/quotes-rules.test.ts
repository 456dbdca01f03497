import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Article, Person } from '../../server/src/core/model';
import { findQuotes } from '../../server/src/core/quotes';
import { speakerNotIntroduced } from '../../server/src/core/rules/speakerNotIntroduced';

function findings(text: string, code: string): Array<{ text: string; message: string }> {
  return analyze(text)
    .findings.filter((f) => f.code === code)
    .map((f) => ({ text: text.slice(f.start, f.end), message: f.message }));
}

const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'north-korea-negotiator.article'), 'utf8');

describe('unattributed-quote', () => {
  test('fires on a quote nobody is credited with', () => {
    const text = 'The talks began in August 2003.\n\n"Nobody wants another crisis on the peninsula."';
    const found = findings(text, 'unattributed-quote');
    assert.equal(found.length, 1);
    assert.equal(found[0].text, '"Nobody wants another crisis on the peninsula."');
    assert.match(found[0].message, /Nobody is credited/);
  });

  test('does not fire in the headline, which quotes without "said" by convention', () => {
    const text = 'Hillary Clinton Speaks ‘Directly To White People’ After Latest Police Shooting\n\nShe spoke on Monday.\n\n“Nobody wants another crisis.”';
    assert.deepEqual(findings(text, 'unattributed-quote').map((f) => f.text), ['“Nobody wants another crisis.”']);
  });

  test('does not fire on attributed quotes, continued quotes, scare quotes or titles', () => {
    const text = [
      '"We are ready," Kim said.',
      '"We will talk."',
      'The so-called "charm offensive" failed, and Kim appeared on "Face the Nation" on Sunday.',
    ].join('\n\n');
    assert.deepEqual(findings(text, 'unattributed-quote'), []);
  });

  test('stays quiet on the design article', () => {
    assert.deepEqual(findings(sample, 'unattributed-quote'), []);
  });

  test('can be raised to an error or turned off', () => {
    const text = 'Talks failed.\n\n"Nobody wants another crisis."';
    assert.equal(analyze(text, { ruleSeverities: { 'unattributed-quote': 'error' } }).findings.find((f) => f.code === 'unattributed-quote')?.severity, 'error');
    assert.equal(analyze(text, { ruleSeverities: { 'unattributed-quote': 'off' } }).findings.filter((f) => f.code === 'unattributed-quote').length, 0);
  });
});

describe('unbalanced-quotes', () => {
  test('an opening mark never closed', () => {
    const found = findings('"We are ready, Kim said.\n\nThe talks begin Monday.', 'unbalanced-quotes');
    assert.deepEqual(found.map((f) => f.text), ['"']);
    assert.match(found[0].message, /never closed/);
  });

  test('a closing mark with no opening one', () => {
    const found = findings('We are ready,” Kim said.', 'unbalanced-quotes');
    assert.deepEqual(found.map((f) => f.text), ['”']);
    assert.match(found[0].message, /no opening mark/);
  });

  test('a quote running over paragraphs is not unbalanced', () => {
    const text = '"We are ready to talk," Kim said. "We have always been open.\n\n"And we will stay open," he added.';
    assert.deepEqual(findings(text, 'unbalanced-quotes'), []);
  });

  test('the quoted attributes of an embedded tag quote nothing', () => {
    const text = 'Clinton wrote:\n\n<tweet author="HillaryClinton" timestamp="1449075600">Enough is enough.</tweet>\n\nThe post spread.';
    assert.deepEqual(findings(text, 'unbalanced-quotes'), []);
    assert.deepEqual(findings(text, 'unattributed-quote'), []);
    const inside = 'She said: <em class="lead">"We are ready."</em>';
    assert.deepEqual(analyze(inside).quotes.map((q) => q.text), ['"We are ready."']);
  });

  test('apostrophes and nested single quotes are not quotation marks', () => {
    const text = '"He told me \'never again,\' and left," Kim said of the North\'s envoy in the \'90s.';
    assert.deepEqual(findings(text, 'unbalanced-quotes'), []);
  });
});

describe('speaker-not-introduced', () => {
  // Built by hand so the rule is tested apart from how well the people stage finds names.
  function articleWith(text: string, people: Person[]): Omit<Article, 'findings'> {
    const base = analyze(text);
    const { quotes, unmatchedQuoteMarks } = findQuotes(base.structure, people, []);
    return { ...base, people, organizations: [], quotes, unmatchedQuoteMarks };
  }
  function mention(text: string, s: string, kind: 'full' | 'surname', from = 0) {
    const start = text.indexOf(s, from);
    return { text: s, start, end: start + s.length, kind };
  }

  test('flags a speaker quoted by surname before the full name and role appear', () => {
    const text = '"We are ready," Yang said.\n\nLater, Yang Moo-Jin, a professor at Seoul National University, spoke again.';
    const yang: Person = {
      id: 'p1',
      name: 'Yang Moo-Jin',
      titles: [{ ...mention(text, 'professor at Seoul National University', 'full'), attachment: 'apposition' }],
      mentions: [mention(text, 'Yang', 'surname'), mention(text, 'Yang Moo-Jin', 'full')],
    };
    const found = speakerNotIntroduced.check(articleWith(text, [yang]));
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), 'Yang');
    assert.match(found[0].message, /Yang Moo-Jin is quoted here before being introduced; the full name first appears on line 3/);
  });

  test('accepts a speaker introduced in the attribution itself', () => {
    const text = '"We are ready," said Yang Moo-Jin, a professor at Seoul National University.\n\n"We will talk," Yang said.';
    const yang: Person = {
      id: 'p1',
      name: 'Yang Moo-Jin',
      titles: [{ ...mention(text, 'professor at Seoul National University', 'full'), attachment: 'apposition' }],
      mentions: [mention(text, 'Yang Moo-Jin', 'full'), mention(text, 'Yang', 'surname', 60)],
    };
    assert.deepEqual(speakerNotIntroduced.check(articleWith(text, [yang])), []);
  });

  test('a headline may quote its speaker by surname before the story introduces them', () => {
    const text = "Sanders: 'Of Course' Clinton Is Qualified\n\nSen. Bernie Sanders of Vermont said Thursday that Clinton is qualified. \"Of course,\" Sanders said.";
    assert.deepEqual(findings(text, 'speaker-not-introduced'), []);
  });

  test('stays quiet on the design article', () => {
    assert.deepEqual(findings(sample, 'speaker-not-introduced'), []);
  });
});
