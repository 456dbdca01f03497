import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/core/rules';

const ROOT = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('every rule is in the README table with its default severity', () => {
  for (const rule of rules) {
    assert.match(readme, new RegExp(`^ *\\| \`${rule.code}\` \\| ${rule.defaultSeverity} \\|`, 'm'), rule.code);
  }
});

test('every rule can be set in VS Code settings, with its default and description', () => {
  const schema = manifest.contributes.configuration.properties['pressMarkup.rules'].properties;
  assert.deepEqual(Object.keys(schema).sort(), rules.map((r) => r.code).sort());
  for (const rule of rules) {
    assert.equal(schema[rule.code].default, rule.defaultSeverity, rule.code);
    assert.equal(schema[rule.code].description, rule.description, rule.code);
  }
});

test('rule codes are unique and in kebab case', () => {
  const codes = rules.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const code of codes) assert.match(code, /^[a-z]+(?:-[a-z]+)*$/);
});

test('every setting in package.json is listed in the README', () => {
  for (const key of Object.keys(manifest.contributes.configuration.properties)) {
    assert.ok(readme.includes(`\`${key}\``), key);
  }
});
