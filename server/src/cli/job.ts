import { readFileSync } from 'node:fs';
import { analyze } from '../core/analyze';
import { SEVERITIES, type FailOn, type Format } from './args';
import { articleToJson } from './json';
import { articleToText } from './textReport';

/** One article to analyse: a file to read, or text that came in a stdin record. */
export type Job =
  | { kind: 'file'; path: string; dct?: string; id?: unknown }
  | { kind: 'text'; text: string; label: string; dct?: string; id?: unknown }
  /** An input already known to be unusable (bad stdin record, empty directory): only its message is reported. */
  | { kind: 'invalid'; message: string };

export interface JobSettings {
  format: Format;
  dct?: string;
  failOn?: FailOn;
}

export interface JobResult {
  /** The formatted result (without trailing newline), or null when there is none. */
  output: string | null;
  /** Lines for stderr, without the "press-markup: " prefix. */
  messages: string[];
  /** 0 analysed, 1 a problem at or above --fail-on, 2 unreadable input or a failed analysis. */
  exitCode: number;
}

function describeReadError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EISDIR') return `${file}: is a directory, not an article`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file}: cannot be read (${code ?? String(error)})`;
}

/** Decodes a file as UTF-8 (a BOM is dropped, as editors do); invalid bytes become U+FFFD with a warning. */
function decodeArticle(file: string, bytes: Uint8Array, messages: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    messages.push(`warning: ${file} is not valid UTF-8; unreadable bytes were replaced`);
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Reads (for files), analyses and formats one article. Runs on the main thread or in a worker. */
export function runJob(job: Job, settings: JobSettings): JobResult {
  if (job.kind === 'invalid') return { output: null, messages: [job.message], exitCode: 2 };
  const messages: string[] = [];
  let text: string;
  if (job.kind === 'file') {
    try {
      text = decodeArticle(job.path, readFileSync(job.path), messages);
    } catch (error) {
      return { output: null, messages: [describeReadError(job.path, error)], exitCode: 2 };
    }
  } else {
    text = job.text;
  }
  const name = job.kind === 'file' ? job.path : job.label;
  let article;
  try {
    article = analyze(text, { dct: job.dct ?? settings.dct });
  } catch (error) {
    messages.push(`${name}: the analysis failed (${error instanceof Error ? error.message : String(error)})`);
    return { output: null, messages, exitCode: 2 };
  }
  const failLevel = settings.failOn ? SEVERITIES.indexOf(settings.failOn) : -1;
  const exitCode = article.findings.some((f) => SEVERITIES.indexOf(f.severity) <= failLevel) ? 1 : 0;
  if (settings.format === 'text') return { output: articleToText(name, article), messages, exitCode };
  const result = articleToJson(job.kind === 'file' ? job.path : null, article, 'id' in job ? { id: job.id } : {});
  const output = settings.format === 'json' ? JSON.stringify(result, null, 2) : JSON.stringify(result);
  return { output, messages, exitCode };
}
