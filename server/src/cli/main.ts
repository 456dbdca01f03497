#!/usr/bin/env node
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArguments, USAGE, UsageError, type CliOptions } from './args';
import { isDirectory, jobsForArgument, jobsFromStdin } from './inputs';
import type { Job, JobResult } from './job';
import { OrderedRunner, serveJobs, WORKER_MARKER } from './pool';

/** Writes results as they arrive in order: text reports, one JSON object or a streamed array, or JSON lines. */
class ResultWriter {
  private written = 0;
  exitCode = 0;

  constructor(
    private readonly format: CliOptions['format'],
    private readonly singleObject: boolean,
  ) {}

  write(result: JobResult): void {
    for (const message of result.messages) process.stderr.write(`press-markup: ${message}\n`);
    // An unusable input (2) outranks problems found (1).
    this.exitCode = Math.max(this.exitCode, result.exitCode);
    if (result.output === null) return;
    if (this.format === 'text') process.stdout.write(`${result.output}\n\n`);
    else if (this.format === 'jsonl' || this.singleObject) process.stdout.write(`${result.output}\n`);
    // The same text as JSON.stringify(array, null, 2), written one element at a time.
    else process.stdout.write(`${this.written === 0 ? '[\n  ' : ',\n  '}${result.output.replace(/\n/g, '\n  ')}`);
    this.written++;
  }

  end(): void {
    if (this.format === 'json' && !this.singleObject) process.stdout.write(this.written === 0 ? '[]\n' : '\n]\n');
  }
}

async function main(args: string[]): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseArguments(args);
    if (options !== 'help' && options.inputs.length === 0 && process.stdin.isTTY) throw new UsageError('no FILE given');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`press-markup: ${error.message} (see press-markup --help)\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const inputs = options.inputs.length > 0 ? options.inputs : ['-'];
  const implicitStdin = options.inputs.length === 0;
  // One file argument keeps the historical single-object JSON; anything that can expand gives an array.
  const singleObject = inputs.length === 1 && inputs[0] !== '-' && !isDirectory(inputs[0]);
  const writer = new ResultWriter(options.format, singleObject);
  // Loaded on demand: with --jobs N only the workers load the analysis and its word lists.
  const runLocal = options.jobs === 1 ? (await import('./job')).runJob : null;
  const runner = new OrderedRunner(options.jobs, { format: options.format, dct: options.dct, failOn: options.failOn }, (r) => writer.write(r), __filename, runLocal);
  let count = 0;
  const submit = async (job: Job): Promise<void> => {
    count++;
    await runner.submit(job);
  };
  let stdinRead = false;
  for (const input of inputs) {
    if (input !== '-') {
      for (const job of jobsForArgument(input)) await submit(job);
    } else if (!stdinRead) {
      stdinRead = true;
      for await (const job of jobsFromStdin(process.stdin)) await submit(job);
    }
  }
  await runner.finish();
  if (implicitStdin && count === 0) {
    process.stderr.write('press-markup: no FILE given and nothing on stdin (see press-markup --help)\n');
    return 2;
  }
  writer.end();
  return writer.exitCode;
}

if (isMainThread) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`press-markup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else if (parentPort && workerData?.marker === WORKER_MARKER) {
  const port = parentPort;
  void import('./job').then(({ runJob }) => serveJobs(port, workerData.settings, runJob));
}
