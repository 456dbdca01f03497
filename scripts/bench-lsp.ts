import { readFileSync } from 'node:fs';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from '../test/protocol/lspClient';

/**
 * Where the lines of a document start, kept up to date under one-character inserts without copying the
 * text: rebuilding a 1 MB string per edit filled the bench's own heap, and its collections showed up in
 * the round trips it times.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  length: number;

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    this.length = text.length;
  }

  /** The LSP position (UTF-16 column) of an offset. */
  positionAt(offset: number): { line: number; character: number } {
    let low = 0;
    let high = this.starts.length;
    while (high - low > 1) {
      const mid = (low + high) >>> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  /** Records an insert of text without line breaks at `offset`. */
  insertAt(offset: number, length: number): void {
    for (let line = this.positionAt(offset).line + 1; line < this.starts.length; line++) this.starts[line] += length;
    this.length += length;
  }
}

/** Large documents take long to analyse on a busy machine: wait up to 10 minutes for their diagnostics. */
const BENCH_TIMEOUT_MS = 600_000;

/** The built language server over stdio (the protocol tests' client), with timing and /proc readings. */
export class BenchServer extends ServerProcess {
  constructor(serverScript: string) {
    super(['--stdio'], serverScript);
  }

  /** Sends initialize (as an editor without pull configuration); resolves with ms from spawn to the result. */
  async startupMs(): Promise<number> {
    await this.initialize({});
    return performance.now() - this.spawnedAt;
  }

  override open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    return super.open(uri, text, 'press-article', 1, BENCH_TIMEOUT_MS);
  }

  /** Inserts `insert` (no line breaks) at `offset` as a one-range incremental change; resolves when that version's diagnostics arrive. */
  async insert(uri: string, lines: LineIndex, offset: number, insert: string, version: number): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, version, BENCH_TIMEOUT_MS);
    const position = lines.positionAt(offset);
    lines.insertAt(offset, insert.length);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: insert }],
    });
    return published;
  }

  hover(uri: string, position: { line: number; character: number }): Promise<unknown> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  documentSymbols(uri: string): Promise<unknown[] | null> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  /** Resident and peak resident memory of the server process, in MB (from /proc). */
  memory(): { rssMB: number; peakMB: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (field: string): number => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  }

  /** CPU time (user + system) the server process has used so far, in ms (10 ms resolution). */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }
}
