import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ServerProcess } from './lspClient';

const ROOT = path.resolve(__dirname, '../..');
const TRAP = path.resolve(__dirname, '../fuzz/trap-network.cjs');
const SAMPLE_FILE = path.join(ROOT, 'samples/north-korea-negotiator.article');
const SAMPLE = readFileSync(SAMPLE_FILE, 'utf8');

const dir = mkdtempSync(path.join(os.tmpdir(), 'press-markup-privacy-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh log for the trap; returns its path and a reader split into "# loaded" lines and attempts. */
function trapLog(name: string): { file: string; read(): { loaded: string[]; attempts: string[] } } {
  const file = path.join(dir, `${name}.log`);
  writeFileSync(file, '');
  return {
    file,
    read() {
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      return { loaded: lines.filter((l) => l.startsWith('# loaded')), attempts: lines.filter((l) => !l.startsWith('#')) };
    },
  };
}

const runTrapped = (log: string, args: string[], input?: string) =>
  spawnSync(process.execPath, ['--require', TRAP, ...args], {
    cwd: ROOT,
    env: { ...process.env, PRESS_MARKUP_TRAP_LOG: log },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the network trap used below', () => {
  test('catches HTTP, fetch and raw sockets (so an empty log below means no attempt)', () => {
    const log = trapLog('control');
    const script = `
      for (const attempt of [() => require('https').get('https://example.com/'), () => fetch('http://example.com/'),
                             () => require('net').connect(80, 'example.com'), () => require('dns').lookup('example.com', () => {})]) {
        try { attempt(); } catch {}
      }`;
    runTrapped(log.file, ['-e', script]);
    const { attempts } = log.read();
    assert.deepEqual(attempts.map((a) => a.split(' ')[0]), ['https.get', 'fetch', 'net.connect', 'dns.lookup']);
  });
});

describe('no network access and no programs started', () => {
  test('the CLI analysing the samples on two worker threads', () => {
    const log = trapLog('cli');
    const samples = path.join(ROOT, 'samples');
    const run = runTrapped(log.file, [path.join(ROOT, 'dist/cli.js'), 'analyze', '--format', 'json', '--jobs', '2', samples]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Kim Kye-Gwan/);
    const { loaded, attempts } = log.read();
    assert.deepEqual(attempts, []);
    assert.ok(loaded.some((l) => l.includes('worker thread')), 'the trap ran in the worker threads too');
  });

  describe('the language server through a whole editing session', () => {
    const log = trapLog('server');
    let server: ServerProcess;
    const uri = 'file:///privacy.article';
    before(async () => {
      // The server inherits NODE_OPTIONS from this process: set it only while spawning.
      const saved = { options: process.env.NODE_OPTIONS, log: process.env.PRESS_MARKUP_TRAP_LOG };
      process.env.NODE_OPTIONS = `${saved.options ?? ''} --require ${TRAP}`.trim();
      process.env.PRESS_MARKUP_TRAP_LOG = log.file;
      try {
        server = new ServerProcess();
      } finally {
        for (const [key, value] of [['NODE_OPTIONS', saved.options], ['PRESS_MARKUP_TRAP_LOG', saved.log]] as const) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
      await server.initialize({ workspace: { configuration: true, inlayHint: { refreshSupport: true } } });
      server.connection.onRequest('workspace/inlayHint/refresh', () => null);
    });
    after(() => server.stop());

    test('open, every request, settings change, edit, close: no attempt recorded', async () => {
      const published = await server.open(uri, SAMPLE);
      const textDocument = { uri };
      const position = { line: 4, character: 10 };
      await server.connection.sendRequest('textDocument/hover', { textDocument, position });
      await server.connection.sendRequest('textDocument/documentSymbol', { textDocument });
      await server.connection.sendRequest('textDocument/definition', { textDocument, position });
      await server.connection.sendRequest('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
      await server.connection.sendRequest('textDocument/rename', { textDocument, position, newName: 'Someone Else' });
      await server.connection.sendRequest('textDocument/codeAction', {
        textDocument,
        range: published.diagnostics[0].range,
        context: { diagnostics: published.diagnostics },
      });
      await server.connection.sendRequest('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { pressMarkup: { rules: { 'backtick-apostrophe': 'off' } } } });
      const edited = server.nextDiagnostics(uri, 2);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${SAMPLE}\n\nMore.` }] });
      await edited;
      await server.connection.sendNotification('textDocument/didClose', { textDocument });
      await server.connection.sendRequest('textDocument/hover', { textDocument, position });
      const { loaded, attempts } = log.read();
      assert.deepEqual(attempts, []);
      assert.equal(loaded.length, 1, 'the trap ran in the server process');
    });
  });
});

describe('no telemetry', () => {
  const bundles = readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.js'));

  test('the bundles name no analytics or crash-reporting service', () => {
    const services = /google-analytics|googletagmanager|segment\.(io|com)|mixpanel|amplitude|sentry\.io|posthog|applicationinsights|visualstudio\.com\/v2\/track|datadoghq|bugsnag|newrelic|honeycomb\.io|plausible\.io/i;
    for (const bundle of bundles) {
      const found = readFileSync(path.join(ROOT, 'dist', bundle), 'utf8').match(services);
      assert.equal(found, null, `${bundle} mentions ${found?.[0]}`);
    }
  });

  test('the only web addresses in the bundles are documentation links in bundled libraries', () => {
    const documentation = new Set(['https://www.regextester.com/106421', 'https://github.com/Microsoft/vscode/issues/58649']);
    for (const bundle of bundles) {
      const urls = readFileSync(path.join(ROOT, 'dist', bundle), 'utf8').match(/\b(?:https?|wss?):\/\/[^\s'"`)<>\]]+/g) ?? [];
      assert.deepEqual([...new Set(urls)].filter((u) => !documentation.has(u)), [], bundle);
    }
  });

  test("Press Markup's own code never sends LSP telemetry events or opens network connections", () => {
    const sources: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) sources.push(full);
      }
    };
    walk(path.join(ROOT, 'server/src'));
    walk(path.join(ROOT, 'client/src'));
    const forbidden = /\btelemetry\b|from 'node:(?:net|tls|http2?|https|dgram|dns|child_process)'|\bfetch\(|\bWebSocket\b/;
    const offenders = sources.filter((file) => forbidden.test(readFileSync(file, 'utf8'))).map((f) => path.relative(ROOT, f));
    assert.deepEqual(offenders, []);
  });
});
