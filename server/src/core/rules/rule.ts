import type { Article, Finding, Fix, Severity, Span } from '../model';

/** What a rule reports before its code and severity are applied. */
export interface RuleFinding extends Span {
  message: string;
  fixes?: Fix[];
}

/** One diagnostic rule: a stable code, a default severity, and a check over the article. */
export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for the settings documentation. */
  description: string;
  check(article: Omit<Article, 'findings'>): RuleFinding[];
}

export function toFinding(rule: Rule, severity: Severity, finding: RuleFinding): Finding {
  return { code: rule.code, severity, ...finding };
}
