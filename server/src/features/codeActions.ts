import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Article } from '../core/model';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toRange } from './ranges';

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Quick fixes for the diagnostics the editor sends back, taken from the findings that raised them. */
export function codeActions(article: Article, document: TextDocument, contextDiagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of contextDiagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const finding = article.findings.find(
      (f) => f.code === diagnostic.code && sameRange(toRange(document, f), diagnostic.range),
    );
    finding?.fixes?.forEach((fix, i) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: { changes: { [document.uri]: [{ range: toRange(document, fix), newText: fix.newText }] } },
      });
    });
  }
  return actions;
}
