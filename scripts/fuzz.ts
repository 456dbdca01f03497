/**
 * `npm run fuzz`: property and fuzz testing of the analysis core and of the built language server.
 *   1. adversarial inputs and big files, timed at growing sizes (child process, killed when one hangs)
 *   2. random texts through analyze(): invariants, determinism, time per KB (child process)
 *   3. random editor sessions through the protocol against dist/server.js (this process), at the same time as 2
 * Options: --cases N (default 100000), --sessions N (default 5000), --minutes M (default 25: steps 2 and 3
 * stop there and report what they ran), --workers N (core worker processes, default 1), --seed N,
 * --skip-adversaries.
 * Times are CPU times of the analysing process (steady on a busy machine), in ms.
 * Failing inputs are written to $TMPDIR/press-markup-fuzz/. Exit code 1 when anything failed.
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { anyText } from '../test/fuzz/arbitraries';
import { runSession, SessionHost, sessionPlan, type SessionPlan } from '../test/fuzz/sessions';
import { ServerProcess } from '../test/protocol/lspClient';
import type { AdversaryRow, Timing, WorkerMessage } from './fuzz-worker';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(os.tmpdir(), 'press-markup-fuzz');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const CASES = option('cases', 100_000);
const SESSIONS = option('sessions', 5_000);
const SEED = option('seed', 20260611);
const MINUTES = option('minutes', 25);
const WORKERS = option('workers', 1);
let deadline = Infinity;
const BATCH = 1000;
const SESSIONS_PER_SERVER = 100;
const PARALLEL_SESSIONS = 4;
const CASE_TIMEOUT_MS = 60_000;
const ADVERSARY_TIMEOUT_MS = 300_000;

interface Failure {
  where: 'core' | 'protocol' | 'adversary';
  what: string;
  file?: string;
  minimal?: string;
}

const failures: Failure[] = [];
const show = (text: string, max = 100): string => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

function save(name: string, content: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, content);
  return file;
}

/** Runs the worker; when it stops beating for `timeoutMs` it is killed, the input recorded as a hang, and `onHang` decides how to go on. */
function runWorker(
  args: string[],
  timeoutMs: number,
  onMessage: (m: WorkerMessage) => void,
  onHang: (last: Extract<WorkerMessage, { t: 'beat' }>, crashed: boolean) => string[] | null,
): Promise<void> {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, 'fuzz-worker.ts'), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let last: Extract<WorkerMessage, { t: 'beat' }> = { t: 'beat', seed: -1, index: -1 };
    let finished = false;
    let timer = setTimeout(hang, timeoutMs);
    function hang(): void {
      child.kill('SIGKILL');
      const next = onHang(last, false);
      finished = true;
      if (next) void runWorker(next, timeoutMs, onMessage, onHang).then(resolve);
      else resolve();
    }
    child.on('message', (m: WorkerMessage) => {
      if (m.t === 'beat') {
        last = m;
        clearTimeout(timer);
        timer = setTimeout(hang, timeoutMs);
      } else onMessage(m);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (finished) return;
      finished = true;
      if (code !== 0) {
        failures.push({ where: last.seed === -1 ? 'adversary' : 'core', what: `the worker died (${signal ?? `exit ${code}`}) during ${last.label ?? `case ${last.seed}:${last.index}`}` });
        const next = onHang(last, true);
        if (next) return void runWorker(next, timeoutMs, onMessage, onHang).then(resolve);
      }
      resolve();
    });
  });
}

// ---- 1. adversarial inputs ---------------------------------------------------------------------

const adversaryRows: AdversaryRow[] = [];

async function adversaries(): Promise<void> {
  await runWorker(
    ['adversaries', '0'],
    ADVERSARY_TIMEOUT_MS,
    (m) => {
      if (m.t !== 'adversary') return;
      adversaryRows.push(m.row);
      const sizes = m.row.sizes.map((s) => `${(s.chars / 1000).toFixed(0)}k: ${s.ms.toFixed(0)} ms`).join(', ');
      process.stdout.write(`  ${m.row.name} — ${sizes}${m.row.problems.length ? ` — ${m.row.problems.length} PROBLEM(S)` : ''}\n`);
      for (const p of m.row.problems.slice(0, 3)) failures.push({ where: 'adversary', what: `${m.row.name}: ${p.split('\n')[0]}` });
    },
    (last, crashed) => {
      if (!crashed) failures.push({ where: 'adversary', what: `HANG: no result within ${ADVERSARY_TIMEOUT_MS / 1000} s on ${last.label}` });
      const outcome = crashed ? 'the worker died' : `killed after ${ADVERSARY_TIMEOUT_MS / 1000} s`;
      adversaryRows.push({ name: `${last.label} (${outcome})`, sizes: [], growth: null, slowStages: '', problems: [outcome] });
      return ['adversaries', String(last.index + 1)];
    },
  );
}

// ---- 2. core cases -----------------------------------------------------------------------------

const core = { cases: 0, chars: 0, ms: 0, determinismChecks: 0, problems: 0, worst: [] as Timing[] };

async function coreCases(): Promise<void> {
  const batches = Math.ceil(CASES / BATCH);
  const perWorker = Math.ceil(batches / WORKERS);
  await Promise.all(
    Array.from({ length: WORKERS }, (_, w) => {
      const firstSeed = SEED + w * perWorker;
      const lastSeed = Math.min(SEED + batches, firstSeed + perWorker) - 1;
      return lastSeed >= firstSeed ? coreWorker(firstSeed, lastSeed) : Promise.resolve();
    }),
  );
}

/** One worker process running the batches seeded firstSeed..lastSeed. */
async function coreWorker(firstSeed: number, lastSeed: number): Promise<void> {
  const run = (seed: number, first: number): string[] => ['core', String(seed), String(lastSeed - seed + 1), String(BATCH), String(first), String(deadline)];
  await runWorker(
    run(firstSeed, 0),
    CASE_TIMEOUT_MS,
    (m) => {
      if (m.t === 'batch') {
        core.cases += m.cases;
        core.chars += m.chars;
        core.ms += m.ms;
        core.determinismChecks += m.determinismChecks;
        core.worst = [...core.worst, ...m.worst].sort((a, b) => b.msPerKB - a.msPerKB).slice(0, 5);
        if (core.cases % 10_000 < m.cases) process.stdout.write(`  core: ${core.cases} cases, ${core.problems} problem(s)\n`);
      } else if (m.t === 'problem') {
        core.problems++;
        const file = save(`core-${failures.length}.json`, JSON.stringify({ problem: m.problem, options: m.options, minimal: m.minimal, text: m.text }, null, 2));
        failures.push({ where: 'core', what: m.problem.split('\n')[0], minimal: m.minimal, file });
        process.stdout.write(`  core PROBLEM: ${m.problem.split('\n')[0].slice(0, 160)}\n    minimal input: ${show(m.minimal)}\n`);
      }
    },
    (last, crashed) => {
      const text = fc.sample(anyText, { seed: last.seed, numRuns: BATCH })[last.index];
      const file = save(`${crashed ? 'crash' : 'hang'}-${last.seed}-${last.index}.txt`, text);
      const what = crashed ? 'CRASH: the process died in analyze()' : `HANG: analyze() ran over ${CASE_TIMEOUT_MS / 1000} s`;
      failures.push({ where: 'core', what: `${what} on case ${last.seed}:${last.index} (${text.length} chars)`, file });
      core.cases += last.index + 1; // the cases of the interrupted batch that did run
      if (last.index + 1 < BATCH) return run(last.seed, last.index + 1);
      return last.seed < lastSeed ? run(last.seed + 1, 0) : null;
    },
  );
}

// ---- 3. protocol sessions ----------------------------------------------------------------------

const protocol = { sessions: 0, requests: 0, servers: 0, cancelled: 0, malformedErrors: 0, loggedMalformed: 0, problems: 0, slowestStopMs: 0 };

/** Runs `plans` on one server; when the server dies, the rest go to a fresh one. */
async function serverBatch(seed: number, plans: SessionPlan[], offset: number): Promise<void> {
  const server = new ServerProcess();
  const host = new SessionHost(server);
  server.connection.onRequest('workspace/inlayHint/refresh', () => null);
  protocol.servers++;
  await server.initialize({ workspace: { configuration: true, inlayHint: { refreshSupport: true } } });
  let next = 0;
  let malformedNotifications = 0;
  const worker = async (): Promise<void> => {
    while (next < plans.length && !host.closed) {
      const i = next++;
      const result = await runSession(host, plans[i], `file:///fuzz/s${offset + i}.article`);
      protocol.sessions++;
      protocol.requests += result.requests;
      protocol.cancelled += result.cancelled;
      protocol.malformedErrors += result.malformedErrors;
      malformedNotifications += result.malformedNotifications;
      if (result.problems.length > 0) recordSession(seed, offset + i, plans[i], result.problems);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_SESSIONS }, worker));
  // Errors logged for the malformed didChange notifications sent are the server carrying on, as it should.
  // (One malformed message can be logged twice: once for its shape, once by the handler that fails on it.)
  const expected = host.errorLogs.filter((m) => m.includes('textDocument/didChange')).slice(0, 2 * malformedNotifications);
  protocol.loggedMalformed += expected.length;
  for (const message of host.errorLogs.filter((m) => !expected.includes(m))) {
    failures.push({ where: 'protocol', what: `server logged an error (batch seed ${seed}): ${message.split('\n')[0]}` });
  }
  const stderr = server.stderr.join('');
  if (host.closed) {
    failures.push({ where: 'protocol', what: `CRASH: the server exited during batch seed ${seed}, around session ${offset + next - 1}: ${stderr.slice(0, 400)}` });
    await server.stop();
    if (next < plans.length) await serverBatch(seed, plans.slice(next), offset + next);
    return;
  }
  const stopping = performance.now();
  await server.stop();
  const stopMs = performance.now() - stopping;
  protocol.slowestStopMs = Math.max(protocol.slowestStopMs, stopMs);
  if (stopMs >= 2000) failures.push({ where: 'protocol', what: `server (batch seed ${seed}) did not exit after shutdown/exit; it was killed` });
  if (stderr.trim()) failures.push({ where: 'protocol', what: `server wrote to stderr (batch seed ${seed}): ${stderr.split('\n')[0]}` });
}

const recordedSessionProblems = new Set<string>();
function recordSession(seed: number, index: number, plan: SessionPlan, problems: string[]): void {
  protocol.problems++;
  const kind = problems[0].replace(/\(in ".*$/, '').replace(/\d+/g, 'N').slice(0, 100);
  if (recordedSessionProblems.has(kind)) return;
  recordedSessionProblems.add(kind);
  const file = save(`session-${seed}-${index}.json`, JSON.stringify({ problems, plan }, null, 2));
  failures.push({ where: 'protocol', what: `session ${seed}:${index}: ${problems[0]}`, file });
  process.stdout.write(`  protocol PROBLEM: session ${seed}:${index}: ${problems[0].slice(0, 160)}\n`);
}

async function protocolSessions(): Promise<void> {
  for (let done = 0, b = 0; done < SESSIONS && Date.now() < deadline; b++) {
    const count = Math.min(SESSIONS_PER_SERVER, SESSIONS - done);
    const seed = SEED + 100_000 + b;
    await serverBatch(seed, fc.sample(sessionPlan, { seed, numRuns: count }), 0);
    done += count;
    if (done % 1000 === 0) process.stdout.write(`  protocol: ${done} sessions, ${protocol.problems} problem(s)\n`);
  }
}

// ---- summary -----------------------------------------------------------------------------------

function summary(seconds: number): void {
  const line = (s = ''): boolean => process.stdout.write(`${s}\n`);
  const news = adversaryRows.find((r) => r.name.startsWith('news: ') && r.name.includes('one by one'));
  const newsRate = news?.sizes[0]?.msPerKB;
  line('\n================ Press Markup fuzz summary ================');
  line(`seed ${SEED}; took ${(seconds / 60).toFixed(1)} min`);
  if (core.cases < CASES || protocol.sessions < SESSIONS) line(`time budget of ${MINUTES} min reached before ${CASES} cases / ${SESSIONS} sessions (raise --minutes)`);
  line(
    `core:     ${core.cases} cases (${(core.chars / 1e6).toFixed(1)} M chars, ${(core.ms / 1000).toFixed(0)} s in analyze(), ` +
      `${core.determinismChecks} determinism re-checks); kinds of problem: ${core.problems}`,
  );
  line(`          worst time per KB among inputs >= 2 KB:`);
  for (const w of core.worst) line(`            ${w.msPerKB.toFixed(2)} ms/KB (${w.ms.toFixed(0)} ms, ${w.chars} chars) ${w.sample}`);
  line(
    `protocol: ${protocol.sessions} sessions on ${protocol.servers} server processes, ${protocol.requests} requests ` +
      `(${protocol.cancelled} cancelled; malformed messages: ${protocol.malformedErrors} requests answered with an error, ${protocol.loggedMalformed} notifications logged); sessions with problems: ${protocol.problems}; slowest shutdown ${protocol.slowestStopMs.toFixed(0)} ms`,
  );
  if (adversaryRows.length > 0) {
    line(`adversarial inputs (CPU ms; news baseline ${newsRate?.toFixed(2) ?? '?'} ms/KB; FLAG = over 5x the news rate, or growing faster than size^1.4 over 250 ms):`);
    for (const row of adversaryRows) {
      const last = row.sizes[row.sizes.length - 1];
      // Growth measured on runs of a few ms is GC and JIT noise: only a run of 250 ms or more can show it.
      const grows = (row.growth ?? 0) > 1.4 && last !== undefined && last.ms >= 250;
      const flag = (last && newsRate && last.msPerKB > 5 * newsRate && last.ms > 50) || grows || row.problems.length > 0;
      const sizes = row.sizes.map((s) => `${s.chars >= 1e6 ? `${(s.chars / 1e6).toFixed(1)}M` : `${(s.chars / 1000).toFixed(0)}k`} ${s.ms.toFixed(0)} ms`).join(', ');
      const growth = row.growth === null ? '' : ` growth ^${row.growth.toFixed(2)}`;
      const per = last ? ` ${last.msPerKB.toFixed(2)} ms/KB` : '';
      line(`  ${flag ? 'FLAG' : '    '} ${row.name}: ${sizes};${per}${growth}${row.slowStages ? ` [${row.slowStages}]` : ''}`);
    }
  }
  line(`failures: ${failures.length}${failures.length ? ` (inputs saved in ${OUT})` : ''}`);
  for (const f of failures) line(`  [${f.where}] ${f.what.slice(0, 200)}${f.minimal !== undefined ? `\n      minimal: ${show(f.minimal, 200)}` : ''}${f.file ? `\n      ${f.file}` : ''}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  process.stdout.write('building dist/ ...\n');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (!process.argv.includes('--skip-adversaries')) {
    process.stdout.write('adversarial inputs (alone, so that their timings are not disturbed):\n');
    await adversaries();
  }
  deadline = Date.now() + MINUTES * 60_000;
  process.stdout.write(`${CASES} core cases and ${SESSIONS} protocol sessions, side by side, for at most ${MINUTES} minutes:\n`);
  await Promise.all([coreCases(), protocolSessions()]);
  summary((performance.now() - started) / 1000);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

void main();
