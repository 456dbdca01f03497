import { Worker, type MessagePort } from 'node:worker_threads';
import type { Job, JobResult, JobSettings, runJob } from './job';

/** Analyses one job where it is called (the main thread with --jobs 1, or a worker). */
export type RunJob = typeof runJob;

/** Marks the workerData of the CLI's own worker threads. */
export const WORKER_MARKER = 'press-markup-cli-worker';

export interface WorkerRequest {
  seq: number;
  job: Job;
}

/** A worker says it is ready once, then answers each request. */
export type WorkerReply = { ready: true } | { seq: number; result: JobResult };

/** Workers that may fail to start in a row before their articles are given up. */
const START_ATTEMPTS = 3;

/** Jobs queued per worker, so a worker never waits for the main thread between articles. */
const QUEUE_PER_WORKER = 4;

/**
 * Finished results that may wait for an earlier, slower article before they are written. Large enough
 * that one long article does not idle the other workers, small enough to bound memory.
 */
const REORDER_LIMIT = 512;

interface Slot {
  worker: Worker;
  /** False until the worker has loaded the analysis: a death before that is no article's fault. */
  ready: boolean;
  /** The jobs sent to this worker and not answered yet, by sequence number, oldest (the running one) first. */
  inFlight: Map<number, Exclude<Job, { kind: 'invalid' }>>;
}

/**
 * Runs jobs on up to `jobs` worker threads (started as they are needed) and hands results to
 * `emit` strictly in submission order. Submitting waits while every worker has 4 jobs queued or
 * 512 results wait for an earlier one, so memory stays bounded however long the input.
 */
export class OrderedRunner {
  private readonly slots: Slot[] = [];
  private readonly done = new Map<number, JobResult>();
  private submitted = 0;
  private emitted = 0;
  private wakeSubmitter: (() => void) | null = null;
  private failedStarts = 0;

  /**
   * With `jobs` 1 every job runs on this thread through `runLocal`; otherwise `workerScript` is started
   * as the workers (the analysis is then never loaded on this thread).
   */
  constructor(
    private readonly jobs: number,
    private readonly settings: JobSettings,
    private readonly emit: (result: JobResult) => void,
    private readonly workerScript: string,
    private readonly runLocal: RunJob | null = null,
  ) {}

  /** Queues a job; resolves once there is room for the next one. */
  async submit(job: Job): Promise<void> {
    const seq = this.submitted++;
    if (job.kind === 'invalid') {
      this.complete(seq, { output: null, messages: [job.message], exitCode: 2 });
    } else if (this.runLocal) {
      this.complete(seq, this.runLocal(job, this.settings));
    } else {
      this.dispatch(seq, job);
    }
    while (this.queued() >= this.jobs * QUEUE_PER_WORKER || this.submitted - this.emitted >= REORDER_LIMIT) {
      await new Promise<void>((resolve) => (this.wakeSubmitter = resolve));
    }
  }

  private queued(): number {
    return this.slots.reduce((sum, slot) => sum + slot.inFlight.size, 0);
  }

  /** Waits for every queued job, then stops the workers. */
  async finish(): Promise<void> {
    while (this.emitted < this.submitted) await new Promise<void>((resolve) => (this.wakeSubmitter = resolve));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(seq: number, job: Exclude<Job, { kind: 'invalid' }>): void {
    const slot = this.pickSlot();
    slot.inFlight.set(seq, job);
    slot.worker.postMessage({ seq, job } satisfies WorkerRequest);
  }

  /** The least busy worker, or a new one while fewer than `jobs` exist and all are busy. */
  private pickSlot(): Slot {
    let best: Slot | undefined;
    for (const slot of this.slots) if (!best || slot.inFlight.size < best.inFlight.size) best = slot;
    if (best && (best.inFlight.size === 0 || this.slots.length >= this.jobs)) return best;
    const slot = this.startWorker();
    this.slots.push(slot);
    return slot;
  }

  private startWorker(): Slot {
    const worker = new Worker(this.workerScript, { workerData: { marker: WORKER_MARKER, settings: this.settings } });
    const slot: Slot = { worker, ready: false, inFlight: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.failedStarts = 0;
        return;
      }
      slot.inFlight.delete(reply.seq);
      this.complete(reply.seq, reply.result);
    });
    // A worker that dies (out of memory, a crash) fails the article it was on; the articles queued
    // behind it go to the other workers or a fresh one. One that dies while starting blames no article,
    // unless workers keep failing to start.
    const fail = (seq: number, job: Exclude<Job, { kind: 'invalid' }>, reason: string): void => {
      const name = job.kind === 'file' ? job.path : job.label;
      this.complete(seq, { output: null, messages: [`${name}: the analysis failed (${reason})`], exitCode: 2 });
    };
    const replace = (reason: string): void => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      const jobs = [...slot.inFlight];
      slot.inFlight.clear();
      if (!slot.ready && ++this.failedStarts >= START_ATTEMPTS) {
        for (const [seq, job] of jobs) fail(seq, job, `no worker thread could start: ${reason}`);
        return;
      }
      const [running, ...queued] = jobs;
      if (running && slot.ready) fail(running[0], running[1], reason);
      else if (running) queued.unshift(running);
      for (const [seq, job] of queued) this.dispatch(seq, job);
    };
    worker.on('error', (error) => replace(error.message));
    worker.on('exit', (code) => replace(`worker exited with code ${code}`));
    return slot;
  }

  private complete(seq: number, result: JobResult): void {
    this.done.set(seq, result);
    while (this.done.has(this.emitted)) {
      const next = this.done.get(this.emitted)!;
      this.done.delete(this.emitted++);
      this.emit(next);
    }
    const wake = this.wakeSubmitter;
    this.wakeSubmitter = null;
    wake?.();
  }
}

/** The worker side: analyse each job it is sent and reply with the formatted result. */
export function serveJobs(port: MessagePort, settings: JobSettings, runJob: RunJob): void {
  port.on('message', ({ seq, job }: WorkerRequest) => {
    port.postMessage({ seq, result: runJob(job, settings) } satisfies WorkerReply);
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
