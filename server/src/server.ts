#!/usr/bin/env -S node --max-semi-space-size=4
import {
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { beginAnalysisProgress, PROGRESS_MIN_LENGTH } from './analysisProgress';
import { ArticleCache } from './articleCache';
import { readableSize } from './core/analyze';
import { lowerHelperThreadPriority } from './helperThreads';
import { cancelWaitingRequests } from './requestCancellation';
import { collectWhenIdle, postponeCollection } from './idleCollection';
import { postponeRehearsal, rehearseOnce, type RehearsalReport } from './rehearsal';
import { codeActions } from './features/codeActions';
import { diagnostics } from './features/diagnostics';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { definition, references } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { documentSymbols } from './features/symbols';
import type { Article } from './core/model';
import { analyzeOptionsFrom, defaultSettings, parseSettings } from './settings';

// Any LSP editor can start `press-markup-ls` bare: stdio is the default transport.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) process.argv.push('--stdio');

lowerHelperThreadPriority();
const connection = createConnection(ProposedFeatures.all, cancelWaitingRequests);
const documents = new TextDocuments(TextDocument);
const articles = new ArticleCache();
let pullsConfiguration = false;
let refreshesInlayHints = false;
let settings = defaultSettings;

connection.onInitialize((params) => {
  pullsConfiguration = params.capabilities.workspace?.configuration === true;
  refreshesInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  applySettings(params.initializationOptions?.settings);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      documentSymbolProvider: { label: 'Press Markup' },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      inlayHintProvider: true,
    },
    serverInfo: { name: 'press-markup-ls', version: '0.1.0' },
  };
});

let initialized = false;
/** A request to the editor that failed (the editor lacks it or went away): logged, never fatal. */
function logClientFailure(what: string): (error: unknown) => void {
  return (error) => connection.console.warn(`Press Markup: the editor did not answer ${what} (${error instanceof Error ? error.message : String(error)})`);
}

connection.onInitialized(async () => {
  initialized = true;
  if (!pullsConfiguration) return;
  await connection.client.register(DidChangeConfigurationNotification.type, { section: 'pressMarkup' }).catch(logClientFailure('the registration for settings changes'));
  await pullSettings();
});

function applySettings(raw: unknown): void {
  const parsed = parseSettings(raw);
  // A notification, not window/showMessageRequest: there is nothing to choose, and no reply to wait for.
  for (const problem of parsed.problems) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Press Markup: ${problem}` });
  settings = parsed.settings;
  articles.setOptions(analyzeOptionsFrom(settings));
  documents.all().forEach(scheduleDiagnostics);
  if (initialized && refreshesInlayHints) void connection.languages.inlayHint.refresh().catch(logClientFailure('the inlay hint refresh'));
}

async function pullSettings(): Promise<void> {
  const raw = await connection.workspace.getConfiguration('pressMarkup').then(
    (value: unknown) => ({ value }),
    (error: unknown) => logClientFailure('the settings request')(error),
  );
  if (raw) applySettings(raw.value);
}

connection.onDidChangeConfiguration(async (change) => {
  if (pullsConfiguration) await pullSettings();
  else applySettings(change.settings?.pressMarkup);
});

// A lone edit is analysed at once (after QUEUE_MS, so that changes already sent are taken in too). Edits
// arriving faster than the document analyses, or a flood of them from a program, are a burst: after an
// analysis, the next one then waits until as much time has passed as the last one took (at least
// BURST_MIN_MS, at most BURST_MS), and covers the latest version, so a slow document cannot keep the
// server busy all the time. (The connection hands over one message per event-loop turn, so setImmediate
// alone would not batch.)
const QUEUE_MS = 1;
/** Changes closer together than this come from a program (a paste, a multi-cursor edit), not from typing. */
const FLOOD_GAP_MS = 2;
const BURST_MIN_MS = 10;
const BURST_MS = 50;
/** An analysis this long read much of a large document and left much garbage behind. */
const LARGE_ANALYSIS_MS = 250;
const pending = new Map<string, NodeJS.Timeout>();
const lastAnalysis = new Map<string, { end: number; duration: number }>();
const lastChange = new Map<string, number>();
function scheduleDiagnostics(document: TextDocument): void {
  postponeCollection();
  postponeRehearsal();
  const now = performance.now();
  const previousChange = lastChange.get(document.uri);
  lastChange.set(document.uri, now);
  if (pending.has(document.uri)) return; // the scheduled run reads the latest version
  const last = lastAnalysis.get(document.uri);
  const gap = previousChange === undefined ? Infinity : now - previousChange;
  const burst = last !== undefined && (gap < FLOOD_GAP_MS || gap < Math.min(BURST_MS, last.duration));
  const window = last ? Math.min(BURST_MS, Math.max(BURST_MIN_MS, last.duration)) : 0;
  const delay = burst ? Math.max(QUEUE_MS, window - (now - last.end)) : QUEUE_MS;
  const run = setTimeout(async () => {
    // Still pending while the editor puts up the progress indicator: edits meanwhile are read by this run.
    const length = documents.get(document.uri)?.getText().length ?? 0;
    const readsWholeText = length >= PROGRESS_MIN_LENGTH && length <= settings.maxDocumentSize && !articles.buildsOnEarlierAnalysis(document.uri);
    const progress = readsWholeText ? await beginAnalysisProgress(connection.window, document.uri, length) : null;
    // A close (and reopen) meanwhile has scheduled a run of its own.
    if (pending.get(document.uri) === run) pending.delete(document.uri);
    const current = documents.get(document.uri);
    if (current) {
      const start = performance.now();
      const article = articles.get(current);
      connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: diagnostics(article, current, settings.maxProblems) });
      const end = performance.now();
      lastAnalysis.set(current.uri, { end, duration: end - start });
      if (end - start > LARGE_ANALYSIS_MS) collectWhenIdle();
      if (article.text.length <= settings.maxDocumentSize) rehearseOnce(article.text, analyzeOptionsFrom(settings), logRehearsal);
    }
    progress?.done();
  }, delay);
  pending.set(document.uri, run);
}

function logRehearsal({ edits, length, ms }: RehearsalReport): void {
  connection.console.log(`Press Markup warmed up for editing: ${edits} practice edits on a private copy of the first ${readableSize(length)} of a document, never shown or saved (${Math.round(ms)} ms)`);
  collectWhenIdle();
}

documents.onDidChangeContent((change) => scheduleDiagnostics(change.document));
documents.onDidClose((event) => {
  clearTimeout(pending.get(event.document.uri));
  pending.delete(event.document.uri);
  lastAnalysis.delete(event.document.uri);
  lastChange.delete(event.document.uri);
  articles.forget(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

/** Runs a feature on the latest analysis of a document; null when the editor names a document it never opened. */
function withArticle<T>(uri: string, feature: (article: Article, document: TextDocument) => T): T | null {
  const document = documents.get(uri);
  return document ? feature(articles.get(document), document) : null;
}

connection.onHover((params) =>
  withArticle(params.textDocument.uri, (article, document) => hover(article, document, params.position)),
);

connection.onDocumentSymbol((params) =>
  withArticle(params.textDocument.uri, (article, document) => documentSymbols(article, document)),
);

connection.onCodeAction((params) =>
  withArticle(params.textDocument.uri, (article, document) => codeActions(article, document, params.range, params.context.diagnostics)),
);

connection.onDefinition((params) =>
  withArticle(params.textDocument.uri, (article, document) => definition(article, document, params.position)),
);

connection.onReferences((params) =>
  withArticle(params.textDocument.uri, (article, document) => references(article, document, params.position)),
);

connection.onPrepareRename((params) =>
  withArticle(params.textDocument.uri, (article, document) => prepareRename(article, document, params.position)),
);

connection.onRenameRequest((params) =>
  withArticle(params.textDocument.uri, (article, document) => rename(article, document, params.position, params.newName)),
);

connection.languages.inlayHint.on((params) =>
  settings.relativeDateHints ? withArticle(params.textDocument.uri, (article, document) => inlayHints(article, document, params.range)) : [],
);

documents.listen(connection);
connection.listen();
