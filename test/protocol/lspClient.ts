import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

import { SERVER_NODE_OPTIONS } from '../../server/src/nodeOptions';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

/** The real built server over stdio, started as the extension starts it, with a minimal client around it (tests, fuzzing and the bench). */
export class ServerProcess {
  readonly connection: ProtocolConnection;
  /** When the process was spawned (performance.now()), for cold-start timing. */
  readonly spawnedAt = performance.now();
  protected readonly child: ChildProcess;
  /** The server's process id. */
  get pid(): number {
    return this.child.pid!;
  }
  private readonly diagnosticWaiters: Array<(p: PublishDiagnosticsParams) => boolean> = [];
  readonly stderr: string[] = [];
  /** The messages the server logged (window/logMessage), in order. */
  readonly logged: string[] = [];
  /** Every document the server published diagnostics for. */
  readonly diagnosedUris = new Set<string>();

  constructor(args: string[] = ['--stdio'], script = SERVER) {
    this.child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnosedUris.add(params.uri);
      for (let i = this.diagnosticWaiters.length - 1; i >= 0; i--) {
        if (this.diagnosticWaiters[i](params)) this.diagnosticWaiters.splice(i, 1);
      }
    });
    // Servers ask for settings and show messages; answer like a minimal editor would.
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logged.push(params.message);
    });
    this.connection.listen();
  }

  async initialize(capabilities: Record<string, unknown> = { workspace: { configuration: true } }) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: {},
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
  }

  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.diagnosticWaiters.push((params) => {
        if (params.uri !== uri || (version !== undefined && params.version !== version)) return false;
        clearTimeout(timer);
        resolve(params);
        return true;
      });
    });
  }

  async open(uri: string, text: string, languageId = 'press-article', version = 1, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const diagnostics = this.nextDiagnostics(uri, version, timeoutMs);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return diagnostics;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
