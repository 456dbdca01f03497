export const USAGE = `Usage: press-markup analyze [--format text|json|jsonl] [--dct DATE] [--jobs N] [--fail-on SEVERITY] [FILE|DIR|-]...

Marks up news articles: people and their roles, quotes and their speakers, dates and their values.

  --format text|json|jsonl  readable outline (default), the JSON described in the README,
                            or the same objects one per line, streamed as they are ready
  --dct DATE                document creation time (YYYY-MM-DD or YYYY-MM-DDTHH:MM); overrides the dateline
  -j, --jobs N              analyse N articles at a time on worker threads (default 1);
                            results still come out in input order
  --fail-on SEVERITY        exit with 1 when a problem of this severity or worse is found
                            (error, warning, information or hint)
  -h, --help                show this help

A directory stands for the article files (.article, .txt, .md, .markdown) under it, in sorted order.
With "-", or with no FILE when stdin is not a terminal, inputs are read from stdin, one per line:
a file path, or a JSON record {"file": PATH} or {"text": ARTICLE} with optional "dct" and "id"
(the id is copied into the result).

Exit codes: 0 all inputs analysed; 1 a problem at or above --fail-on was found;
2 a usage error or an input that could not be read or analysed (the other inputs are still analysed).`;

export type Format = 'text' | 'json' | 'jsonl';

/** Severities from worst to mildest, as --fail-on ranks them. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type FailOn = (typeof SEVERITIES)[number];

export interface CliOptions {
  format: Format;
  dct?: string;
  jobs: number;
  failOn?: FailOn;
  /** Files, directories and "-" (stdin), in the order given. */
  inputs: string[];
}

export class UsageError extends Error {}

const DCT_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$/;

/** Null when `dct` is a valid --dct value, else the message saying what it should look like. */
export function dctProblem(dct: string): string | null {
  return DCT_PATTERN.test(dct) ? null : `must look like 2013-07-02 or 2013-07-02T15:59, not "${dct}"`;
}

export function parseArguments(args: string[]): CliOptions | 'help' {
  if (args.includes('-h') || args.includes('--help')) return 'help';
  const [command, ...rest] = args;
  if (command !== 'analyze') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const options: CliOptions = { format: 'text', jobs: 1, inputs: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inlineValue] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const v = inlineValue ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'jsonl') {
        throw new UsageError(`--format must be text, json or jsonl, not "${format}"`);
      }
      options.format = format;
    } else if (flag === '--dct') {
      const dct = value();
      const problem = dctProblem(dct);
      if (problem) throw new UsageError(`--dct ${problem}`);
      options.dct = dct;
    } else if (flag === '--jobs' || flag === '-j') {
      const jobs = value();
      if (!/^[1-9]\d{0,3}$/.test(jobs)) throw new UsageError(`--jobs must be a whole number from 1, not "${jobs}"`);
      options.jobs = Number(jobs);
    } else if (flag === '--fail-on') {
      const severity = value();
      if (!(SEVERITIES as readonly string[]).includes(severity)) {
        throw new UsageError(`--fail-on must be error, warning, information or hint, not "${severity}"`);
      }
      options.failOn = severity as FailOn;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option "${flag}"`);
    } else {
      options.inputs.push(arg);
    }
  }
  return options;
}
