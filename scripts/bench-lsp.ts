import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

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

/** The built language server over stdio, driven the way an editor drives it. */
export class BenchServer {
  private readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly waiters: Array<(p: PublishDiagnosticsParams) => boolean> = [];
  private readonly spawnedAt: number;

  constructor(serverScript: string) {
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      for (let i = this.waiters.length - 1; i >= 0; i--) if (this.waiters[i](params)) this.waiters.splice(i, 1);
    });
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** Sends initialize (as an editor without pull configuration); resolves with ms from spawn to the result. */
  async initialize(): Promise<number> {
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {} });
    const ms = performance.now() - this.spawnedAt;
    await this.connection.sendNotification('initialized', {});
    return ms;
  }

  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      this.waiters.push((params) => {
        if (params.uri !== uri || params.version !== version) return false;
        resolve(params);
        return true;
      });
    });
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const published = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'press-article', version: 1, text } });
    return published;
  }

  /** Inserts `insert` at `offset` as a one-range incremental change; resolves when that version's diagnostics arrive. */
  async insert(uri: string, text: string, offset: number, insert: string, version: number): Promise<PublishDiagnosticsParams> {
    const published = this.diagnosticsFor(uri, version);
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

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
