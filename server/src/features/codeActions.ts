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

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * Quick fixes for the diagnostics the editor sends back, taken from the findings that raised them.
 * Only diagnostics touching the requested range count: some editors send every diagnostic on the line.
 */
export function codeActions(article: Article, document: TextDocument, range: Range, contextDiagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of contextDiagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !overlaps(diagnostic.range, range)) continue;
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
