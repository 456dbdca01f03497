import { readFileSync } from 'node:fs';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from '../test/protocol/lspClient';

/** Line starts of a text, to turn offsets into LSP positions (UTF-16 columns). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
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

  /** Inserts `insert` at `offset` as a one-range incremental change; resolves when that version's diagnostics arrive. */
  async insert(uri: string, text: string, offset: number, insert: string, version: number): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, version, BENCH_TIMEOUT_MS);
    const position = positionAt(text, offset);
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
