import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeValue } from '../core/dates/words';
import type { Article } from '../core/model';

/** After each relative date ("Tuesday", "last month"), the calendar value it resolves to. */
export function inlayHints(article: Article, document: TextDocument, range: Range): InlayHint[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  return article.dates
    .filter((date) => date.relative && date.end >= from && date.start <= to && /^\d{4}/.test(date.value))
    .map((date) => ({
      position: document.positionAt(date.end),
      label: `= ${describeValue(date.type, date.value)}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: `${date.text} → ${date.value}`,
    }));
}
