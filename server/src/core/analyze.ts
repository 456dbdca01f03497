import { findDocumentCreationTime, findTemporalExpressions } from './dates';
import { findHeadline } from './headline';
import { entityExtents } from './lookup';
import type { AnalyzeOptions, Article, Finding } from './model';
import { findPeople } from './people';
import { AnalysisCache } from './paragraphCache';
import { findQuotes, MAX_QUOTATIONS_PER_DOCUMENT } from './quotes';
import { rules } from './rules';
import { toFinding, type Rule } from './rules/rule';
import { analyzeStructure } from './structure';

/** Code of the finding that reports a part of the analysis that failed on this text. */
export const INTERNAL_ERROR_CODE = 'analysis-error';

function failure(part: string, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: INTERNAL_ERROR_CODE,
    severity: 'information',
    message: `Press Markup could not finish "${part}" on this article and skipped it; everything else was checked. (${reason})`,
    start: 0,
    end: 0,
  };
}

/** "12.3 MB", "0.05 MB", "2000 characters": readable at any size limit a user may set. */
export function readableSize(length: number): string {
  if (length < 10_000) return `${length} characters`;
  const mb = length / 1_000_000;
  return `${mb >= 1 ? mb.toFixed(1) : mb.toFixed(2)} MB`;
}

/** An article too large to analyse within an editor's patience: one information finding, nothing else. */
function tooLarge(text: string, limit: number): Article {
  return {
    text,
    structure: { text, paragraphs: [], sentences: [] },
    headline: null,
    dct: null,
    people: [],
    organizations: [],
    quotes: [],
    dates: [],
    unmatchedQuoteMarks: [],
    findings: [
      {
        code: 'document-too-large',
        severity: 'information',
        message: `This document (${readableSize(text.length)}) is larger than the ${readableSize(limit)} Press Markup analyses in the editor; raise pressMarkup.maxDocumentSize to analyse it.`,
        start: 0,
        end: 0,
      },
    ],
  };
}

/** The document holds more quotations than any article; from `from` on it was not read for them. */
function quotationsUnread(from: number): Finding {
  return {
    code: 'too-many-quotations',
    severity: 'information',
    message: `Press Markup stopped looking for quotations here: this document already holds over ${MAX_QUOTATIONS_PER_DOCUMENT.toLocaleString('en-US')} quotations and stray quotation marks, far more than any article.`,
    start: from,
    end: from,
  };
}

/** The analysis ran out of its time budget: what was found is shown, the rest is named. */
function overBudget(budgetMs: number, skipped: string[]): Finding {
  return {
    code: 'analysis-time-budget',
    severity: 'information',
    message: `Press Markup stopped after ${(budgetMs / 1000).toFixed(1)} s on this article and shows what it found so far; not checked: ${skipped.join(', ')}.`,
    start: 0,
    end: 0,
  };
}

/**
 * The whole analysis: text in, article model out. Pure and deterministic. A stage or rule that
 * throws is skipped with one information finding, so one bug never takes the rest down.
 * `cache` carries per-paragraph results from the previous analysis of the same document under the
 * same options; the result is the same with or without it.
 */
export function analyze(text: string, options: AnalyzeOptions = {}, ruleSet: readonly Rule[] = rules, cache?: AnalysisCache): Article {
  if (options.maxTextLength !== undefined && text.length > options.maxTextLength) {
    cache?.clear(); // nothing analysed, nothing worth keeping
    return tooLarge(text, options.maxTextLength);
  }
  const failures: Finding[] = [];
  const deadline = options.timeBudgetMs === undefined ? Infinity : performance.now() + options.timeBudgetMs;
  const skipped: string[] = [];
  const guarded = <T>(part: string, run: () => T, fallback: T): T => {
    if (performance.now() > deadline) {
      skipped.push(part);
      return fallback;
    }
    try {
      return run();
    } catch (error) {
      failures.push(failure(part, error));
      return fallback;
    }
  };
  const structure = analyzeStructure(text, cache);
  const dct = guarded('dateline', () => findDocumentCreationTime(structure, options.dct), null);
  const headline = guarded('headline', () => findHeadline(structure, dct), null);
  const dates = guarded('dates', () => findTemporalExpressions(structure, dct, cache), []);
  const { people, organizations } = guarded('people', () => findPeople(structure, options.lexicon, cache), { people: [], organizations: [] });
  entityExtents(people, organizations); // for hovers, made while the entities are fresh in the processor's cache
  const { quotes, unmatchedQuoteMarks, unreadFrom } = guarded(
    'quotes',
    () => findQuotes(structure, people, organizations, options.lexicon, cache),
    { quotes: [], unmatchedQuoteMarks: [], unreadFrom: null },
  );
  const article = { text, structure, headline, dct, people, organizations, quotes, dates, unmatchedQuoteMarks };
  const findings: Finding[] = [];
  for (const rule of ruleSet) {
    const severity = options.ruleSeverities?.[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const found = guarded(`${rule.code} check`, () => rule.check(article), []);
    for (const finding of found) findings.push(toFinding(rule, severity, finding));
  }
  cache?.settle();
  findings.push(...failures);
  if (unreadFrom !== null) findings.push(quotationsUnread(unreadFrom));
  if (skipped.length > 0) findings.push(overBudget(options.timeBudgetMs ?? 0, skipped));
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return { ...article, findings };
}

/** Analyses successive versions of one document, re-analysing only the paragraphs an edit touched. */
export class IncrementalAnalyzer {
  private readonly cache = new AnalysisCache();

  constructor(
    private readonly options: AnalyzeOptions = {},
    private readonly ruleSet: readonly Rule[] = rules,
  ) {}

  analyze(text: string): Article {
    return analyze(text, this.options, this.ruleSet, this.cache);
  }
}
