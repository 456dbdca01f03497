import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SAMPLE = path.join(ROOT, 'samples/north-korea-negotiator.article');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratch(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'press-markup-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

test('json output for one file is one object with the documented keys', () => {
  const { code, stdout } = run('analyze', '--format', 'json', SAMPLE);
  assert.equal(code, 0);
  const result = JSON.parse(stdout);
  assert.deepEqual(Object.keys(result), ['version', 'file', 'dct', 'headline', 'people', 'organizations', 'quotes', 'dates', 'diagnostics']);
  assert.equal(result.version, 1);
  assert.deepEqual(result.headline, { text: 'North Korean negotiator heads to Russia', start: 0, end: 39 });
  const backtick = result.diagnostics.find((d: { code: string }) => d.code === 'backtick-apostrophe');
  assert.deepEqual(Object.keys(backtick), ['code', 'severity', 'message', 'start', 'end']);
});

test('json output for several files is an array in input order', () => {
  const other = scratch('other.article', 'Short headline\n\nA body.');
  const { code, stdout } = run('analyze', '--format=json', SAMPLE, other);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout).map((r: { file: string }) => r.file), [SAMPLE, other]);
});

test('--dct overrides the dateline', () => {
  const file = scratch('dct.article', 'Headline\n\nNothing dated here.');
  const { stdout } = run('analyze', '--format', 'json', '--dct', '2013-07-02', file);
  assert.deepEqual(JSON.parse(stdout).dct, { value: '2013-07-02', source: 'option' });
});

test('a missing file gets a one-line error and exit 2, the other files are still analysed', () => {
  const { code, stdout, stderr } = run('analyze', '--format', 'json', '/no/such/article.txt', SAMPLE);
  assert.equal(code, 2);
  assert.equal(stderr, 'press-markup: /no/such/article.txt: no such file\n');
  assert.equal(JSON.parse(stdout).length, 1);
});

test('a directory without article files is refused in one line', () => {
  const dir = path.dirname(scratch('notes.csv', 'a,b\n'));
  const { code, stderr } = run('analyze', dir);
  assert.equal(code, 2);
  assert.equal(stderr, `press-markup: ${dir}: is a directory with no article files (.article, .txt, .md, .markdown)\n`);
});

test('usage errors say what is wrong and exit 2', () => {
  assert.match(run().stderr, /missing command/);
  assert.equal(run('analyze').code, 2);
  const badDct = run('analyze', '--dct', 'yesterday', SAMPLE);
  assert.equal(badDct.code, 2);
  assert.match(badDct.stderr, /--dct must look like 2013-07-02/);
  assert.match(run('analyze', '--format', 'xml', SAMPLE).stderr, /--format must be text, json or jsonl/);
});

test('invalid UTF-8 is decoded with replacement characters and a warning', () => {
  const file = scratch('latin1.article', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
  const { code, stdout, stderr } = run('analyze', '--format', 'json', file);
  assert.equal(code, 0);
  assert.match(stderr, /not valid UTF-8/);
  assert.equal(JSON.parse(stdout).headline.text, 'Caf\uFFFD');
});

test('a byte-order mark is dropped, so offsets match what editors show', () => {
  const file = scratch('bom.article', '\uFEFFHeadline\n\nRussia`s move.');
  const result = JSON.parse(run('analyze', '--format', 'json', file).stdout);
  assert.deepEqual(result.headline, { text: 'Headline', start: 0, end: 8 });
  assert.equal(result.diagnostics[0].start, 'Headline\n\nRussia'.length);
});

test('text output shows the outline with line:column problems', () => {
  const { code, stdout } = run('analyze', SAMPLE);
  assert.equal(code, 0);
  assert.match(stdout, /^Headline: North Korean negotiator heads to Russia$/m);
  assert.match(stdout, /^ {2}11:29 warning \[backtick-apostrophe\] "Russia`s" has a backtick/m);
});

test('--fail-on exits with 1 when a problem at or above that severity is found, for CI gates', () => {
  // The sample's only problems are backtick warnings.
  assert.equal(run('analyze', '--fail-on', 'warning', SAMPLE).code, 1);
  assert.equal(run('analyze', '--fail-on', 'information', '--jobs', '2', SAMPLE, SAMPLE).code, 1);
  assert.equal(run('analyze', '--fail-on', 'error', SAMPLE).code, 0);
  const clean = scratch('clean.article', 'Council approves budget\n\nThe council approved the budget.');
  assert.equal(run('analyze', '--fail-on=hint', clean).code, 0);
});

test('--fail-on with an unknown severity is a usage error', () => {
  const { code, stderr } = run('analyze', '--fail-on', 'loud', SAMPLE);
  assert.equal(code, 2);
  assert.match(stderr, /--fail-on must be error, warning, information or hint, not "loud"/);
});

test('an unreadable input outranks problems found: exit 2', () => {
  assert.equal(run('analyze', '--fail-on', 'warning', SAMPLE, '/no/such/file.article').code, 2);
});
