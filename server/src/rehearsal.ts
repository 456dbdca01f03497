import { IncrementalAnalyzer } from './core/analyze';
import type { AnalyzeOptions } from './core/model';

/**
 * V8 compiles code to fast machine code only once it has run for a while. Opening a document runs the full
 * analysis, but edits run code of their own: edits that only move what the analysis found, and rarer ones that
 * change a name and link the people again. On a 1 MB document the first edits took about twice as long as later
 * ones (up to 290 ms). So, once a large document is open and the server idle, it rehearses edits on a copy of
 * the document's beginning, of which nothing is ever sent to the editor: the user's first edits run warm code.
 */
const REHEARSAL_MIN_LENGTH = 50_000;
/**
 * A document longer than this holds most of the memory the server should take (about 195 MB with 5 MB open), and
 * the rehearsal's own analyses would add 10-20 MB while it runs: it is not rehearsed.
 */
const REHEARSAL_MAX_LENGTH = 2_000_000;
/** Long enough to hold dozens of people and quotations, short enough to analyse in under 100 ms. */
const REHEARSAL_LENGTH = 100_000;
/** Every other one inside a person's name (linking the people again), the others anywhere. */
const REHEARSAL_EDITS = 80;
/** How long the server must have had no edit before a rehearsal step runs. */
const IDLE_MS = 300;

export interface RehearsalReport {
  edits: number;
  length: number;
  ms: number;
}

let started = false;
/** The next step of the rehearsal under way, if any. */
let nextStep: (() => void) | null = null;
let timer: NodeJS.Timeout | undefined;

/**
 * Rehearses once per server, on the first document of REHEARSAL_MIN_LENGTH to REHEARSAL_MAX_LENGTH, one analysis per step while
 * the server is idle; `finished` hears how much was done (an analysis that throws ends the rehearsal early).
 */
export function rehearseOnce(text: string, options: AnalyzeOptions, finished: (report: RehearsalReport) => void): void {
  if (started || text.length < REHEARSAL_MIN_LENGTH || text.length > REHEARSAL_MAX_LENGTH) return;
  started = true;
  const report: RehearsalReport = { edits: 0, length: 0, ms: 0 };
  const steps = rehearsal(text, options, report);
  const step = (): void => {
    const t0 = performance.now();
    let done: boolean;
    try {
      done = steps.next().done === true;
    } catch {
      done = true;
    }
    report.ms += performance.now() - t0;
    if (!done) return schedule(step, 0);
    nextStep = null;
    finished(report);
  };
  nextStep = step;
  schedule(step, IDLE_MS);
}

/** An edit arrived: the next rehearsal step waits until there has been none for IDLE_MS. */
export function postponeRehearsal(): void {
  if (nextStep) schedule(nextStep, IDLE_MS);
}

function schedule(step: () => void, delayMs: number): void {
  clearTimeout(timer);
  timer = setTimeout(step, delayMs);
  // A rehearsal never keeps the server alive.
  timer.unref();
}

/** One analysis per step: the beginning of `text`, then one-letter edits of it. */
function* rehearsal(text: string, options: AnalyzeOptions, report: RehearsalReport): Generator<void> {
  const analyzer = new IncrementalAnalyzer(options);
  const paragraphEnd = text.lastIndexOf('\n\n', REHEARSAL_LENGTH);
  let copy = text.slice(0, paragraphEnd > 0 ? paragraphEnd : REHEARSAL_LENGTH);
  report.length = copy.length;
  let article = analyzer.analyze(copy);
  yield;
  for (let i = 0; i < REHEARSAL_EDITS; i++) {
    // Spread along the text by the golden ratio, so that no two edits fall close together.
    const fraction = (i * 0.618034) % 1;
    const mentions = article.people.flatMap((person) => person.mentions);
    const at = i % 2 === 0 && mentions.length > 0 ? mentions[Math.floor(fraction * mentions.length)].start + 1 : Math.floor(fraction * copy.length);
    copy = copy.slice(0, at) + 'a' + copy.slice(at);
    article = analyzer.analyze(copy);
    report.edits++;
    yield;
  }
}
