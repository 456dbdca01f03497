import { findDocumentCreationTime, findTemporalExpressions } from './dates';
import { findHeadline } from './headline';
import type { AnalyzeOptions, Article, Finding } from './model';
import { findPeople } from './people';
import { findQuotes } from './quotes';
import { rules } from './rules';
import { toFinding } from './rules/rule';
import { analyzeStructure } from './structure';

/** The whole analysis: text in, article model out. Pure and deterministic. */
export function analyze(text: string, options: AnalyzeOptions = {}): Article {
  const structure = analyzeStructure(text);
  const dct = findDocumentCreationTime(structure, options.dct);
  const headline = findHeadline(structure, dct);
  const dates = findTemporalExpressions(structure, dct);
  const { people, organizations } = findPeople(structure, options.lexicon);
  const { quotes, unmatchedQuoteMarks } = findQuotes(structure, people, organizations, options.lexicon);
  const article = { text, structure, headline, dct, people, organizations, quotes, dates, unmatchedQuoteMarks };
  return { ...article, findings: runRules(article, options) };
}

function runRules(article: Omit<Article, 'findings'>, options: AnalyzeOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = options.ruleSeverities?.[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const finding of rule.check(article)) findings.push(toFinding(rule, severity, finding));
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}
