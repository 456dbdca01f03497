import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { dctProblem } from './args';
import type { Job } from './job';

/** Extensions of the files a directory contributes: the languages the extension analyses by default. */
const ARTICLE_EXTENSIONS = ['.article', '.txt', '.md', '.markdown'];

const isArticleFile = (name: string): boolean => ARTICLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

export function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false; // reading it reports the problem
  }
}

/** Article files under `dir` (recursively; hidden entries and symlinked directories skipped), sorted by path. */
function articleFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (isArticleFile(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && !isDirectory(full)))) found.push(full);
    }
  };
  walk(dir);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Jobs for one command-line argument (not "-"): the file itself, or the article files of a directory. */
export function jobsForArgument(argument: string): Job[] {
  if (!isDirectory(argument)) return [{ kind: 'file', path: argument }];
  const files = articleFilesUnder(argument);
  if (files.length === 0) {
    return [{ kind: 'invalid', message: `${argument}: is a directory with no article files (${ARTICLE_EXTENSIONS.join(', ')})` }];
  }
  return files.map((file) => ({ kind: 'file', path: file }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One stdin line: a file path, or a JSON record {"file"|"text", "dct"?, "id"?}; null for a blank line. */
export function jobForLine(line: string, lineNumber: number): Job | null {
  const where = `stdin line ${lineNumber}`;
  if (line.trim() === '') return null;
  if (!line.trimStart().startsWith('{')) return { kind: 'file', path: line };
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { kind: 'invalid', message: `${where}: not valid JSON` };
  }
  if (!isRecord(record)) return { kind: 'invalid', message: `${where}: not valid JSON` };
  const passThrough = 'id' in record ? { id: record.id } : {};
  let dct: string | undefined;
  if (record.dct !== undefined && record.dct !== null) {
    const problem = typeof record.dct === 'string' ? dctProblem(record.dct) : 'must be a string such as "2013-07-02"';
    if (problem) return { kind: 'invalid', message: `${where}: "dct" ${problem}` };
    dct = record.dct as string;
  }
  if (typeof record.text === 'string') {
    const label = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : where;
    return { kind: 'text', text: record.text, label, ...(dct ? { dct } : {}), ...passThrough };
  }
  if (typeof record.file === 'string' && record.file !== '') return { kind: 'file', path: record.file, ...(dct ? { dct } : {}), ...passThrough };
  return { kind: 'invalid', message: `${where}: a record needs a "file" path or a "text" string` };
}

/** The jobs stdin describes, one line at a time, so a long list streams through. */
export async function* jobsFromStdin(input: NodeJS.ReadableStream): AsyncGenerator<Job> {
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    const job = jobForLine(line, lineNumber);
    if (job) yield job;
  }
}
