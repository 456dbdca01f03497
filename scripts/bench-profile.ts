import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import * as path from 'node:path';
import { analyze, IncrementalAnalyzer } from '../server/src/core/analyze';
import { buildDocument, mixedArticles, random } from './bench-corpus';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** How many analyses the profile covers (the figures are their sum). */
  runs: number;
  /** Inclusive time per part of the core (the outermost core file on the stack decides), largest first. */
  byStage: Array<{ stage: string; ms: number }>;
  /** Self time per function, largest first. */
  byFunction: Array<{ name: string; where: string; ms: number }>;
}

const ROOT = path.resolve(__dirname, '..');
const CORE = `${path.join(ROOT, 'server/src/core')}/`;

const filePath = (url: string): string => (url.startsWith('file://') ? new URL(url).pathname : url);

/** "people" for server/src/core/people/x.ts, "structure" for server/src/core/structure.ts, null outside the core. */
function stageOf(url: string): string | null {
  const file = filePath(url);
  if (!file.startsWith(CORE)) return null;
  const rest = file.slice(CORE.length);
  const stage = rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest.replace(/\.ts$/, '');
  return stage === 'analyze' ? null : stage;
}

/** "server/src/core/people/tokens.ts:42": the source line (through tsx's source map when there is one). */
function where(url: string, line: number, column: number): string {
  const file = filePath(url);
  if (!file) return '(native)';
  const entry = findSourceMap(file)?.findEntry(line, column) as { originalLine?: number } | undefined;
  const sourceLine = entry?.originalLine ?? line;
  const modules = file.lastIndexOf('/node_modules/');
  const shown = modules >= 0 ? file.slice(modules + '/node_modules/'.length) : path.relative(ROOT, file);
  return `${shown}:${sourceLine + 1}`;
}

/** Runs `work` (`runs` analyses) under the V8 sampling profiler and says which core stages and functions took the time. */
export async function profile(work: () => void, runs = 1): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  work();
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stageMs = new Map<string, number>();
  const selfMs = new Map<string, { name: string; where: string; ms: number }>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') return;
    totalMs += ms;
    let stage = '(outside the core stages)';
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const s = stageOf(byId.get(n)!.callFrame.url);
      if (s) stage = s;
    }
    if (functionName === '(garbage collector)') stage = '(garbage collector)';
    stageMs.set(stage, (stageMs.get(stage) ?? 0) + ms);
    const key = `${functionName}@${url}:${lineNumber}:${columnNumber}`;
    const entry = selfMs.get(key) ?? { name: functionName || '(anonymous)', where: where(url, lineNumber, columnNumber), ms: 0 };
    entry.ms += ms;
    selfMs.set(key, entry);
  });
  return {
    totalMs,
    runs,
    byStage: [...stageMs].map(([stage, ms]) => ({ stage, ms })).sort((a, b) => b.ms - a.ms),
    byFunction: [...selfMs.values()].sort((a, b) => b.ms - a.ms),
  };
}

/** One-character edits profiled after the document is open, and edits made before them so V8 has optimised the code. */
const PROFILED_EDITS = 100;
export const WARM_UP_EDITS = 30;

/**
 * Run directly (`node --no-turbo-inlining --import tsx scripts/bench-profile.ts BYTES [edits]`), it profiles
 * one analysis of the corpus document of that size, or with `edits` PROFILED_EDITS re-analyses after
 * one-character inserts at random places, and prints the summary as JSON. Without inlining each stage keeps
 * its own frames, so the time is charged to the stage that spent it.
 */
if (require.main === module) {
  const bytes = Number(process.argv[2] ?? 1_000_000);
  const articles = mixedArticles();
  analyze(buildDocument(articles, 100_000));
  let text = buildDocument(articles, bytes);
  if (process.argv[3] === 'edits') {
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text);
    const next = random(7);
    const edit = (): void => {
      const at = Math.floor(next() * text.length);
      text = `${text.slice(0, at)}a${text.slice(at)}`;
      analyzer.analyze(text);
    };
    for (let k = 0; k < WARM_UP_EDITS; k++) edit();
    void profile(() => {
      for (let k = 0; k < PROFILED_EDITS; k++) edit();
    }, PROFILED_EDITS).then((summary) => process.stdout.write(JSON.stringify(summary)));
  } else {
    void profile(() => analyze(text)).then((summary) => process.stdout.write(JSON.stringify(summary)));
  }
}
