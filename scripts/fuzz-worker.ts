/**
 * The fuzzing that runs analyze() in-process, in a child of scripts/fuzz.ts so that the parent can
 * kill it when one input hangs. Reports to the parent over IPC.
 *   core SEED BATCHES BATCH_SIZE FIRST DEADLINE  random texts (fast-check), invariants, determinism,
 *                                       timing; stops at DEADLINE (epoch ms)
 *   adversaries FROM                    fixed adversarial inputs at growing sizes, and big files
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions, Article } from '../server/src/core/model';
import { diagnostics } from '../server/src/features/diagnostics';
import { hover } from '../server/src/features/hover';
import { inlayHints } from '../server/src/features/inlayHints';
import { documentSymbols } from '../server/src/features/symbols';
import { ADVERSARIES, analyzeOptions, anyText } from '../test/fuzz/arbitraries';
import { fingerprint, runCase } from '../test/fuzz/invariants';
import { slowestStages, timeStages } from '../test/fuzz/stages';

export type WorkerMessage =
  | { t: 'beat'; seed: number; index: number; label?: string }
  | { t: 'problem'; signature: string; problem: string; text: string; minimal: string; options: AnalyzeOptions }
  | { t: 'batch'; seed: number; cases: number; chars: number; ms: number; determinismChecks: number; worst: Timing[] }
  | { t: 'adversary'; row: AdversaryRow }
  | { t: 'done' };

export interface Timing {
  ms: number;
  chars: number;
  msPerKB: number;
  sample: string;
}

export interface AdversaryRow {
  name: string;
  sizes: Array<{ chars: number; ms: number; msPerKB: number }>;
  /** Exponent k in time ~ size^k between the two largest sizes measured (1 = linear). */
  growth: number | null;
  slowStages: string;
  problems: string[];
}

const send = (message: WorkerMessage): void => {
  process.send?.(message);
};

/** Lower-cased problem with numbers and quoted text removed: one entry per kind of bug. */
export const signatureOf = (problem: string): string =>
  problem
    .split('\n')[0]
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 120);

/** Removes chunks of `text` for as long as it still fails the same way (a small delta debugger). */
export function minimize(text: string, fails: (candidate: string) => boolean, budget = 2000): string {
  let current = text;
  let chunk = Math.max(1, Math.ceil(current.length / 2));
  while (budget > 0) {
    let removed = false;
    for (let at = 0; at < current.length && budget > 0; budget--) {
      const candidate = current.slice(0, at) + current.slice(at + chunk);
      if (fails(candidate)) {
        current = candidate;
        removed = true;
      } else at += chunk;
    }
    if (chunk === 1 && !removed) break;
    if (!removed) chunk = Math.max(1, Math.floor(chunk / 2));
  }
  return current;
}

function reportProblems(text: string, options: AnalyzeOptions, problems: string[], seen: Set<string>): void {
  for (const problem of problems) {
    const signature = signatureOf(problem);
    if (seen.has(signature)) continue;
    seen.add(signature);
    const minimal = minimize(text, (candidate) => runCase(candidate, options).problems.some((p) => signatureOf(p) === signature));
    send({ t: 'problem', signature, problem, text, minimal, options });
  }
}

const snippet = (text: string): string => JSON.stringify(text.slice(0, 60)) + (text.length > 60 ? '…' : '');

function core(seed: number, batches: number, batchSize: number, first: number, deadline: number): void {
  const seen = new Set<string>();
  const recent: Array<{ text: string; options: AnalyzeOptions; article: Article }> = [];
  for (let b = 0; b < batches && Date.now() < deadline; b++) {
    const batchSeed = seed + b;
    const texts = fc.sample(anyText, { seed: batchSeed, numRuns: batchSize });
    const optionSets = fc.sample(analyzeOptions, { seed: batchSeed, numRuns: batchSize });
    let chars = 0;
    let ms = 0;
    let determinismChecks = 0;
    const worst: Timing[] = [];
    let cases = 0;
    for (let i = b === 0 ? first : 0; i < batchSize && Date.now() < deadline; i++) {
      cases++;
      send({ t: 'beat', seed: batchSeed, index: i });
      const text = texts[i];
      // One case in four runs with settings (dct, lexicon extensions, severities), the rest as the CLI does.
      const options: AnalyzeOptions = i % 4 === 0 ? optionSets[i] : {};
      const result = runCase(text, options);
      chars += text.length;
      ms += result.ms;
      if (result.problems.length > 0) reportProblems(text, options, result.problems, seen);
      if (result.article) {
        // Same text, same result, also after other texts were analysed in between.
        if (i % 5 === 0 && recent.length > 0) {
          const earlier = recent[(i * 7919) % recent.length];
          determinismChecks++;
          const again = runCase(earlier.text, earlier.options);
          if (!again.article || fingerprint(again.article) !== fingerprint(earlier.article)) {
            reportProblems(earlier.text, earlier.options, ['not deterministic: the same text gave a different result on a second analysis'], seen);
          }
        }
        recent.push({ text, options, article: result.article });
        if (recent.length > 50) recent.shift();
      }
      if (text.length >= 2048) {
        worst.push({ ms: result.ms, chars: text.length, msPerKB: result.ms / (text.length / 1024), sample: snippet(text) });
        worst.sort((x, y) => y.msPerKB - x.msPerKB);
        worst.length = Math.min(worst.length, 3);
      }
    }
    send({ t: 'batch', seed: batchSeed, cases, chars, ms, determinismChecks, worst });
  }
}

/** The editor features on a big article, as the server would run them: none may throw. */
function featureProblems(text: string, article: Article): string[] {
  const problems: string[] = [];
  const document = TextDocument.create('file:///fuzz.article', 'press-article', 1, text);
  const tryFeature = (name: string, run: () => unknown): void => {
    try {
      run();
    } catch (error) {
      problems.push(`${name} threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  tryFeature('documentSymbols', () => documentSymbols(article, document));
  tryFeature('diagnostics', () => diagnostics(article, document));
  tryFeature('inlayHints', () => inlayHints(article, document, { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }));
  tryFeature('hover', () => [0, text.length >> 1, text.length].forEach((o) => hover(article, document, document.positionAt(o))));
  return problems;
}

const kb = (chars: number): number => chars / 1024;

/** Times `build` at growing sizes while each run stays under `stopAfterMs`. */
function measure(name: string, build: (size: number) => string, sizes: number[], stopAfterMs: number, index: number): AdversaryRow {
  const row: AdversaryRow = { name, sizes: [], growth: null, slowStages: '', problems: [] };
  for (const size of sizes) {
    send({ t: 'beat', seed: -1, index, label: `${name} at ${size} chars` });
    const text = build(size);
    const result = runCase(text);
    row.sizes.push({ chars: text.length, ms: result.ms, msPerKB: result.ms / kb(text.length) });
    for (const p of result.problems) if (!row.problems.includes(p)) row.problems.push(p);
    if (result.article) for (const p of featureProblems(text, result.article)) if (!row.problems.includes(p)) row.problems.push(p);
    if (result.ms > stopAfterMs) break;
  }
  const [a, b] = row.sizes.slice(-2);
  if (a && b && a.ms > 5) row.growth = Math.log(b.ms / a.ms) / Math.log(b.chars / a.chars);
  const last = row.sizes[row.sizes.length - 1];
  if (last.msPerKB > 2 || (row.growth ?? 0) > 1.4) {
    send({ t: 'beat', seed: -1, index, label: `${name}: timing its stages` });
    row.slowStages = slowestStages(timeStages(build(Math.min(last.chars, 20_000))));
  }
  return row;
}

const CORPUS = path.resolve(__dirname, '../../shared/corpora/polnear/dev/text');

function newsArticles(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));
}

/** Real news text of `size` code units: corpus articles one after another. */
function newsOfSize(articles: string[], size: number, separator = '\n\n'): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const article = articles[i % articles.length];
    parts.push(article);
    length += article.length + separator.length;
  }
  return parts.join(separator).slice(0, size);
}

/** Every timed input, in order; `from` skips those already done before a hang. */
function adversaries(from: number): void {
  const articles = newsArticles();
  const shortLines = (n: number): string => {
    const lines = newsOfSize(articles, n * 2).split(/(?<=[.!?,;])\s+|\n+/).filter((l) => l.trim());
    return lines.map((l) => l.slice(0, 40)).join('\n').slice(0, n);
  };
  const tasks: Array<(index: number) => AdversaryRow> = [
    // The baseline every other timing is compared with: real articles, one by one and concatenated.
    (index) => {
      let ms = 0;
      let chars = 0;
      const problems: string[] = [];
      for (const article of articles) {
        send({ t: 'beat', seed: -1, index, label: 'news articles' });
        const result = runCase(article);
        ms += result.ms;
        chars += article.length;
        problems.push(...result.problems);
      }
      return { name: `news: ${articles.length} PolNeAR dev articles, one by one`, sizes: [{ chars, ms, msPerKB: ms / kb(chars) }], growth: null, slowStages: '', problems };
    },
    (index) => measure('news: PolNeAR articles concatenated', (n) => newsOfSize(articles, n), [250_000, 1_000_000], 60_000, index),
    (index) => measure('news: one 10 MB line (line breaks turned into spaces)', (n) => newsOfSize(articles, n, ' ').replace(/[\r\n]+/g, ' '), [1_000_000, 10_000_000], 30_000, index),
    (index) => measure('news: 100 000 short lines (about 3.5 MB)', shortLines, [350_000, 3_500_000], 30_000, index),
    ...ADVERSARIES.map((adversary) => (index: number) => measure(adversary.name, (n) => adversary.build(n), [10_000, 40_000, 160_000], 1500, index)),
  ];
  for (let index = from; index < tasks.length; index++) send({ t: 'adversary', row: tasks[index](index) });
}

const [command, ...args] = process.argv.slice(2);
if (command === 'core') core(Number(args[0]), Number(args[1]), Number(args[2]), Number(args[3]), Number(args[4]));
else if (command === 'adversaries') adversaries(Number(args[0] ?? 0));
process.send?.({ t: 'done' } satisfies WorkerMessage, () => process.disconnect());
