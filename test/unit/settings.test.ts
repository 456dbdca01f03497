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
