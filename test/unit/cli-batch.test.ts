import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { JobResult } from '../../server/src/cli/job';
import { OrderedRunner } from '../../server/src/cli/pool';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SAMPLE = path.join(ROOT, 'samples/north-korea-negotiator.article');
const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: input ?? '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonLines = (stdout: string) => stdout.trimEnd().split('\n').map((line) => JSON.parse(line));

/** A folder of small articles, each naming a different person, plus files a batch must skip. */
function archive(): { dir: string; articles: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'press-markup-batch-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, '2013', '07'), { recursive: true });
  mkdirSync(path.join(dir, '.git'));
  const people = ['Ann Lee', 'Bob Stone', 'Carla Diaz', 'Dev Patel', 'Emma Novak'];
  const names = ['b.article', '2013/07/a.news.txt', 'c.md', 'a.txt', '2013/z.article'];
  const articles = names.map((name, i) => {
    const file = path.join(dir, name);
    writeFileSync(file, `Talks resume\n\nSEOUL, July 2 (Reuters) - "We will talk," said ${people[i]}, a spokesman, on Tuesday.\n`);
    return file;
  });
  writeFileSync(path.join(dir, 'notes.csv'), 'not,an,article\n');
  writeFileSync(path.join(dir, '.git', 'HEAD.txt'), 'hidden\n');
  return { dir, articles: articles.sort() };
}

test('a directory expands to its article files, recursively and in sorted order', () => {
  const { dir, articles } = archive();
  const { code, stdout, stderr } = run(['analyze', '--format', 'json', dir]);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  const results = JSON.parse(stdout);
  assert.deepEqual(results.map((r: { file: string }) => r.file), articles);
  assert.equal(results.find((r: { file: string }) => r.file.endsWith('c.md')).people[0].name, 'Carla Diaz');
});

test('--format jsonl prints, per line, the same object --format json prints for that file alone', () => {
  const other = archive().articles[0];
  const { code, stdout } = run(['analyze', '--format', 'jsonl', SAMPLE, other]);
  assert.equal(code, 0);
  assert.equal(stdout.split('\n').length, 3);
  const lines = jsonLines(stdout);
  assert.deepEqual(lines[0], JSON.parse(run(['analyze', '--format', 'json', SAMPLE]).stdout));
  assert.deepEqual(lines[1], JSON.parse(run(['analyze', '--format', 'json', other]).stdout));
});

test('--jobs 2 gives exactly the output of --jobs 1, in input order, with a bad input reported in place', () => {
  const { dir, articles } = archive();
  const args = ['analyze', '--format', 'jsonl', SAMPLE, '/no/such/article.txt', dir, SAMPLE];
  const serial = run(args);
  const parallel = run(['analyze', '--jobs', '2', ...args.slice(1)]);
  assert.equal(parallel.code, 2);
  assert.equal(parallel.stderr, 'press-markup: /no/such/article.txt: no such file\n');
  assert.equal(parallel.stdout, serial.stdout);
  assert.deepEqual(jsonLines(parallel.stdout).map((r) => r.file), [SAMPLE, ...articles, SAMPLE]);
  const text = run(['analyze', '-j', '2', dir]);
  assert.equal(text.stdout, run(['analyze', dir]).stdout);
});

test('stdin can list files, one path per line, with "-" or implicitly when no FILE is given', () => {
  const { articles } = archive();
  const list = `${articles[1]}\n\n${articles[0]}\r\n`;
  const explicit = run(['analyze', '--format', 'jsonl', SAMPLE, '-'], list);
  assert.equal(explicit.code, 0);
  assert.deepEqual(jsonLines(explicit.stdout).map((r) => r.file), [SAMPLE, articles[1], articles[0]]);
  const implicit = run(['analyze', '--format', 'jsonl', '--jobs', '2'], list);
  assert.deepEqual(jsonLines(implicit.stdout).map((r) => r.file), [articles[1], articles[0]]);
});

test('stdin JSONL records carry text or a file, their own dct, and an id that comes back', () => {
  const records = [
    JSON.stringify({ id: 'kr-1', text: SAMPLE_TEXT }),
    JSON.stringify({ id: 42, text: 'Markets\n\nShares rose on Tuesday.', dct: '2013-07-02' }),
    '{"text": "broken',
    JSON.stringify({ file: SAMPLE, dct: '2001-01-01' }),
    JSON.stringify({ id: 'x', body: 'no text field' }),
    JSON.stringify({ text: 'Later\n\nOn Monday.', dct: 'next week' }),
  ].join('\n');
  const { code, stdout, stderr } = run(['analyze', '--format', 'jsonl', '-'], records);
  assert.equal(code, 2);
  assert.equal(
    stderr,
    [
      'press-markup: stdin line 3: not valid JSON',
      'press-markup: stdin line 5: a record needs a "file" path or a "text" string',
      'press-markup: stdin line 6: "dct" must look like 2013-07-02 or 2013-07-02T15:59, not "next week"',
      '',
    ].join('\n'),
  );
  const [fromText, dated, fromFile] = jsonLines(stdout);
  assert.deepEqual(Object.keys(fromText).slice(0, 4), ['version', 'file', 'id', 'dct']);
  assert.equal(fromText.file, null);
  assert.equal(fromText.id, 'kr-1');
  assert.equal(fromText.headline.text, 'North Korean negotiator heads to Russia');
  assert.equal(dated.id, 42);
  assert.deepEqual(dated.dct, { value: '2013-07-02', source: 'option' });
  assert.equal(dated.dates[0].value, '2013-07-02');
  assert.equal(fromFile.file, SAMPLE);
  assert.equal('id' in fromFile, false);
  assert.deepEqual(fromFile.dct, { value: '2001-01-01', source: 'option' });
});

test('text reports for stdin records are headed by their id', () => {
  const { stdout } = run(['analyze', '-'], JSON.stringify({ id: 'wire-7', text: 'Headline here\n\nBody.' }));
  assert.match(stdout, /^== wire-7\nHeadline: Headline here$/m);
});

test('empty input: "-" prints nothing and succeeds, no FILE at all is a usage error', () => {
  assert.deepEqual(run(['analyze', '--format', 'jsonl', '-']), { code: 0, stdout: '', stderr: '' });
  assert.deepEqual(run(['analyze', '--format', 'json', '-']), { code: 0, stdout: '[]\n', stderr: '' });
  const none = run(['analyze']);
  assert.equal(none.code, 2);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^press-markup: no FILE given and nothing on stdin/);
});

test('--jobs must be a positive whole number', () => {
  for (const bad of ['0', 'two', '-1']) {
    const { code, stderr } = run(['analyze', '--jobs', bad, SAMPLE]);
    assert.equal(code, 2);
    assert.match(stderr, /^press-markup: --jobs must be a whole number from 1/);
  }
});

test('a reader that stops after the first line (| head -1) ends the run quietly', async () => {
  const { dir } = archive();
  const child = spawn(process.execPath, [CLI, 'analyze', '--format', 'jsonl', dir, dir, dir, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = await new Promise<string>((resolve) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('\n')) {
        child.stdout.destroy();
        resolve(seen.slice(0, seen.indexOf('\n')));
      }
    });
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(JSON.parse(firstLine).version, 1);
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

/**
 * A stand-in worker script: like the real one it says it is ready, then works on one article at a time
 * (20 ms each) and answers with the record's label; it dies on the text "crash". `prelude` runs first.
 */
function fakeWorker(prelude = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'press-markup-worker-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'worker.js');
  writeFileSync(
    file,
    `const fs = require('node:fs');
     const { parentPort } = require('node:worker_threads');
     ${prelude}
     parentPort.on('message', ({ seq, job }) => {
       if (job.text === 'crash') process.exit(3);
       for (const until = Date.now() + 20; Date.now() < until; );
       parentPort.postMessage({ seq, result: { output: job.label, messages: [], exitCode: 0 } });
     });
     parentPort.postMessage({ ready: true });`,
  );
  return file;
}

async function runFake(workerScript: string, texts: Record<string, string>): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const runner = new OrderedRunner(2, { format: 'jsonl' }, (result) => results.push(result), workerScript);
  for (const [label, text] of Object.entries(texts)) await runner.submit({ kind: 'text', label, text });
  await runner.finish();
  return results;
}

test('a worker that dies fails only the article it was on; the others still come out, in order', async () => {
  const texts = { a: '', b: '', c: 'crash', d: '', e: '', f: '', g: '', h: '' };
  const results = await runFake(fakeWorker(), texts);
  assert.deepEqual(
    results.map((r) => r.output ?? r.messages.join()),
    ['a', 'b', 'c: the analysis failed (worker exited with code 3)', 'd', 'e', 'f', 'g', 'h'],
  );
  assert.deepEqual(results.map((r) => r.exitCode), [0, 0, 2, 0, 0, 0, 0, 0]);
});

test('a worker that dies while starting blames no article; one that can never start fails them all', async () => {
  // The first start finds a marker file, removes it and quits, as when the script is replaced mid-run.
  const flaky = fakeWorker();
  const marker = path.join(path.dirname(flaky), 'first-start');
  writeFileSync(marker, '');
  writeFileSync(flaky, `if (require('node:fs').existsSync(${JSON.stringify(marker)})) { require('node:fs').rmSync(${JSON.stringify(marker)}); process.exit(0); }\n${readFileSync(flaky, 'utf8')}`);
  const recovered = await runFake(flaky, { a: '', b: '', c: '' });
  assert.deepEqual(recovered.map((r) => r.output), ['a', 'b', 'c']);

  const broken = fakeWorker('process.exit(0);');
  const failed = await runFake(broken, { a: '', b: '' });
  assert.deepEqual(failed.map((r) => r.exitCode), [2, 2]);
  assert.match(failed[0].messages[0], /^a: the analysis failed \(no worker thread could start: worker exited with code 0\)$/);
});
