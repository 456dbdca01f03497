#!/usr/bin/env node
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleCache } from './articleCache';
import { codeActions } from './features/codeActions';
import { diagnostics } from './features/diagnostics';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { analyzeOptionsFrom, parseSettings } from './settings';

// Any LSP editor can start `press-markup-ls` bare: stdio is the default transport.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const articles = new ArticleCache();
let pullsConfiguration = false;

connection.onInitialize((params) => {
  pullsConfiguration = params.capabilities.workspace?.configuration === true;
  applySettings(params.initializationOptions?.settings);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      documentSymbolProvider: { label: 'Press Markup' },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'press-markup-ls', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (!pullsConfiguration) return;
  await connection.client.register(DidChangeConfigurationNotification.type, { section: 'pressMarkup' });
  await pullSettings();
});

function applySettings(raw: unknown): void {
  const { settings, problems } = parseSettings(raw);
  for (const problem of problems) connection.window.showWarningMessage(`Press Markup: ${problem}`);
  articles.setOptions(analyzeOptionsFrom(settings));
  documents.all().forEach(scheduleDiagnostics);
}

async function pullSettings(): Promise<void> {
  applySettings(await connection.workspace.getConfiguration('pressMarkup'));
}

connection.onDidChangeConfiguration(async (change) => {
  if (pullsConfiguration) await pullSettings();
  else applySettings(change.settings?.pressMarkup);
});

// Edits arrive in bursts while typing: analyse once per burst, for the latest version only.
const pending = new Map<string, NodeJS.Immediate>();
function scheduleDiagnostics(document: TextDocument): void {
  clearImmediate(pending.get(document.uri));
  pending.set(
    document.uri,
    setImmediate(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current) return;
      const article = articles.get(current);
      connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: diagnostics(article, current) });
    }),
  );
}

documents.onDidChangeContent((change) => scheduleDiagnostics(change.document));
documents.onDidClose((event) => {
  clearImmediate(pending.get(event.document.uri));
  pending.delete(event.document.uri);
  articles.forget(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? hover(articles.get(document), document, params.position) : null;
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? documentSymbols(articles.get(document), document) : null;
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? codeActions(articles.get(document), document, params.context.diagnostics) : null;
});

documents.listen(connection);
connection.listen();
