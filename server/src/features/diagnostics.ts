import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Article, Finding, Severity } from '../core/model';
import { toRange } from './ranges';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'Press Markup';

/** Code of the diagnostic that says how many problems were left out. */
export const TOO_MANY_PROBLEMS_CODE = 'too-many-problems';

const MOST_SERIOUS_FIRST: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * The article's problems as diagnostics: all of them up to `limit`; past it (a pasted archive, binary junk),
 * the `limit` most serious, earliest first, and one diagnostic saying how many were left out, so that the
 * editor is never handed hundreds of thousands of entries.
 */
export function diagnostics(article: Article, document: TextDocument, limit = Infinity): Diagnostic[] {
  const { findings } = article;
  const toDiagnostic = (finding: Finding): Diagnostic => ({
    range: toRange(document, finding),
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  });
  if (findings.length <= limit) return findings.map(toDiagnostic);
  // Every finding more serious than the cut severity is shown, and as many of the cut severity as fit, in text order.
  const counts = MOST_SERIOUS_FIRST.map(() => 0);
  for (const finding of findings) counts[MOST_SERIOUS_FIRST.indexOf(finding.severity)]++;
  let cutRank = 0;
  let moreSerious = 0;
  for (; cutRank < counts.length && moreSerious + counts[cutRank] < limit; cutRank++) moreSerious += counts[cutRank];
  let room = limit - moreSerious;
  const shown: Diagnostic[] = [];
  for (const finding of findings) {
    const rank = MOST_SERIOUS_FIRST.indexOf(finding.severity);
    if (rank < cutRank || (rank === cutRank && room-- > 0)) shown.push(toDiagnostic(finding));
  }
  shown.unshift({
    range: toRange(document, { start: 0, end: 0 }),
    severity: DiagnosticSeverity.Information,
    code: TOO_MANY_PROBLEMS_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: `Press Markup shows ${limit} of the ${findings.length} problems in this document, the most serious first; raise pressMarkup.maxProblems to see them all.`,
  });
  return shown;
}
