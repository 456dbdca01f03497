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
import { inlayHints } from './features/inlayHints';
import { definition, references } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { documentSymbols } from './features/symbols';
import type { Article } from './core/model';
import { analyzeOptionsFrom, defaultSettings, parseSettings } from './settings';

// Any LSP editor can start `press-markup-ls` bare: stdio is the default transport.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
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
connection.onInitialized(async () => {
  initialized = true;
  if (!pullsConfiguration) return;
  await connection.client.register(DidChangeConfigurationNotification.type, { section: 'pressMarkup' });
  await pullSettings();
});

function applySettings(raw: unknown): void {
  const parsed = parseSettings(raw);
  for (const problem of parsed.problems) connection.window.showWarningMessage(`Press Markup: ${problem}`);
  settings = parsed.settings;
  articles.setOptions(analyzeOptionsFrom(settings));
  documents.all().forEach(scheduleDiagnostics);
  if (initialized && refreshesInlayHints) void connection.languages.inlayHint.refresh();
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
  withArticle(params.textDocument.uri, (article, document) => codeActions(article, document, params.context.diagnostics)),
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
