/**
 * Times each stage of the pipeline on its own (through the stages' exported functions, in the
 * order analyze() runs them), so a slow input can be traced to the stage that is slow on it. CPU ms.
 */
import { findDocumentCreationTime, findTemporalExpressions } from '../../server/src/core/dates';
import { findHeadline } from '../../server/src/core/headline';
import type { Article } from '../../server/src/core/model';
import { findPeople } from '../../server/src/core/people';
import { findQuotes } from '../../server/src/core/quotes';
import { rules } from '../../server/src/core/rules';
import { analyzeStructure } from '../../server/src/core/structure';
import { cpuMs } from './linearity';

export type StageTimes = Record<string, number>;

/** Milliseconds per stage; a stage that throws is timed up to the throw and the rest still run. */
export function timeStages(text: string): StageTimes {
  const times: StageTimes = {};
  const timed = <T>(name: string, run: () => T, fallback: T): T => {
    const started = cpuMs();
    try {
      return run();
    } catch {
      return fallback;
    } finally {
      times[name] = cpuMs() - started;
    }
  };
  const structure = timed('structure', () => analyzeStructure(text), { text, paragraphs: [], sentences: [] });
  const dct = timed('dateline', () => findDocumentCreationTime(structure), null);
  const headline = timed('headline', () => findHeadline(structure, dct), null);
  const dates = timed('dates', () => findTemporalExpressions(structure, dct), []);
  const { people, organizations } = timed('people', () => findPeople(structure), { people: [], organizations: [] });
  const { quotes, unmatchedQuoteMarks } = timed('quotes', () => findQuotes(structure, people, organizations), { quotes: [], unmatchedQuoteMarks: [], unreadFrom: null });
  const article: Omit<Article, 'findings'> = { text, structure, headline, dct, people, organizations, quotes, dates, unmatchedQuoteMarks };
  for (const rule of rules) timed(`rule ${rule.code}`, () => rule.check(article), []);
  return times;
}

/** "quotes 812 ms, people 40 ms": the stages that took most of the time. */
export function slowestStages(times: StageTimes, count = 2): string {
  return Object.entries(times)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
    .join(', ');
}
