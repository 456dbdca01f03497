#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { analyze } from '../core/analyze';
import { articleToJson } from './json';
import { articleToText } from './textReport';

const USAGE = `Usage: press-markup analyze [--format text|json] [--dct DATE] FILE...

Marks up news articles: people and their roles, quotes and their speakers, dates and their values.

  --format text|json  readable outline (default) or the JSON described in the README
  --dct DATE          document creation time (YYYY-MM-DD or YYYY-MM-DDTHH:MM); overrides the dateline
  -h, --help          show this help

Exit codes: 0 all files analysed, 2 a usage error or a file that could not be read.`;

interface CliOptions {
  format: 'text' | 'json';
  dct?: string;
  files: string[];
}

class UsageError extends Error {}

function parseArguments(args: string[]): CliOptions | 'help' {
  if (args.includes('-h') || args.includes('--help')) return 'help';
  const [command, ...rest] = args;
  if (command !== 'analyze') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const options: CliOptions = { format: 'text', files: [] };
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
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
      options.format = format;
    } else if (flag === '--dct') {
      const dct = value();
      if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$/.test(dct)) {
        throw new UsageError(`--dct must look like 2013-07-02 or 2013-07-02T15:59, not "${dct}"`);
      }
      options.dct = dct;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option "${flag}"`);
    } else {
      options.files.push(arg);
    }
  }
  if (options.files.length === 0) throw new UsageError('no FILE given');
  return options;
}

/** Reads a file as UTF-8 (a BOM is dropped, as editors do); invalid bytes become U+FFFD with a warning. */
function readArticle(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    process.stderr.write(`press-markup: warning: ${file} is not valid UTF-8; unreadable bytes were replaced\n`);
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function describeReadError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EISDIR') return `${file}: is a directory, not an article`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file}: cannot be read (${code ?? String(error)})`;
}

function main(args: string[]): number {
  let options: CliOptions | 'help';
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`press-markup: ${error.message} (see press-markup --help)\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let exitCode = 0;
  const results: ReturnType<typeof articleToJson>[] = [];
  for (const file of options.files) {
    let text: string;
    try {
      text = readArticle(file);
    } catch (error) {
      process.stderr.write(`press-markup: ${describeReadError(file, error)}\n`);
      exitCode = 2;
      continue;
    }
    const article = analyze(text, { dct: options.dct });
    if (options.format === 'json') results.push(articleToJson(file, article));
    else process.stdout.write(`${articleToText(file, article)}\n\n`);
  }
  if (options.format === 'json') {
    const output = options.files.length === 1 ? (results[0] ?? null) : results;
    if (output !== null) process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  }
  return exitCode;
}

process.exitCode = main(process.argv.slice(2));
