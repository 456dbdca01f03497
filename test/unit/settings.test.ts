import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings, parseSettings } from '../../server/src/settings';

test('missing settings give the defaults without complaint', () => {
  assert.deepEqual(parseSettings(undefined), { settings: defaultSettings, problems: [] });
});

test('rule severities and word lists are taken as given', () => {
  const { settings, problems } = parseSettings({
    rules: { 'backtick-apostrophe': 'off', 'unattributed-quote': 'error' },
    lexicon: { titles: ['Deputy Managing Editor'], speechVerbs: ['quipped'] },
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(settings.rules, { 'backtick-apostrophe': 'off', 'unattributed-quote': 'error' });
  assert.deepEqual(settings.lexicon.titles, ['Deputy Managing Editor']);
  assert.deepEqual(settings.lexicon.speechVerbs, ['quipped']);
});

test('wrong types are reported in plain words and replaced by defaults', () => {
  const { settings, problems } = parseSettings({ rules: { 'backtick-apostrophe': 'loud' }, lexicon: { titles: 'Editor' } });
  assert.deepEqual(settings.rules, {});
  assert.deepEqual(settings.lexicon.titles, []);
  assert.deepEqual(problems, [
    'Setting pressMarkup.rules.backtick-apostrophe must be one of error, warning, information, hint, off; the default is used.',
    'Setting pressMarkup.lexicon.titles must be a list of words; it is ignored.',
  ]);
  assert.equal(parseSettings(42).problems.length, 1);
});

test('pressMarkup.maxProblems is a whole number of at least 1', () => {
  assert.equal(parseSettings({ maxProblems: 250 }).settings.maxProblems, 250);
  assert.equal(parseSettings({ maxProblems: 2.5 }).settings.maxProblems, 2);
  for (const wrong of [0, -3, 'many', Number.NaN]) {
    const { settings, problems } = parseSettings({ maxProblems: wrong });
    assert.equal(settings.maxProblems, defaultSettings.maxProblems);
    assert.deepEqual(problems, ['Setting pressMarkup.maxProblems must be a number of at least 1; the default is used.']);
  }
});
