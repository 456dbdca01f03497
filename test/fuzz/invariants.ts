/**
 * What must hold for any text the analysis is given: nothing thrown or skipped, every span inside
 * the text on a code-point boundary, ids consistent, and the same text always giving the same result.
 */
import { analyze, INTERNAL_ERROR_CODE } from '../../server/src/core/analyze';
import type { AnalyzeOptions, Article, Span } from '../../server/src/core/model';
import { cpuMs } from './linearity';

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function checkSpan(text: string, label: string, span: Span & { text?: string }, problems: string[]): void {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    problems.push(`${label}: offsets are not integers (${start}, ${end})`);
    return;
  }
  if (start < 0 || end > text.length || start > end) {
    problems.push(`${label}: [${start}, ${end}) lies outside the text (length ${text.length}) or is reversed`);
    return;
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) problems.push(`${label}: [${start}, ${end}) splits a surrogate pair`);
  if (span.text !== undefined && span.text !== text.slice(start, end)) {
    problems.push(`${label}: text ${JSON.stringify(span.text.slice(0, 60))} is not the text at [${start}, ${end}) ${JSON.stringify(text.slice(start, Math.min(end, start + 60)))}`);
  }
}

/** Every problem with `article` as the analysis of `text`; empty when all invariants hold. */
export function articleProblems(text: string, article: Article): string[] {
  const problems: string[] = [];
  if (article.text !== text) problems.push('article.text is not the analysed text');
  const spans: Array<[string, Span & { text?: string }]> = [];
  article.structure.paragraphs.forEach((p, i) => spans.push([`paragraph ${i}`, p]));
  article.structure.sentences.forEach((s, i) => spans.push([`sentence ${i}`, s]));
  if (article.headline) {
    spans.push(['headline', article.headline]);
    if (!article.headline.text.trim()) problems.push('the headline is empty');
  }
  if (article.dct?.span) spans.push(['dct span', article.dct.span]);
  const ids = new Set<string>();
  for (const person of article.people) {
    if (ids.has(person.id)) problems.push(`duplicate id ${person.id}`);
    ids.add(person.id);
    if (person.mentions.length === 0) problems.push(`person ${person.id} has no mention`);
    if (!person.name.trim()) problems.push(`person ${person.id} has an empty name`);
    person.mentions.forEach((m, i) => spans.push([`${person.id} mention ${i}`, m]));
    person.titles.forEach((t, i) => spans.push([`${person.id} title ${i}`, t]));
  }
  for (const org of article.organizations) {
    if (ids.has(org.id)) problems.push(`duplicate id ${org.id}`);
    ids.add(org.id);
    if (!org.name.trim()) problems.push(`organisation ${org.id} has an empty name`);
    org.mentions.forEach((m, i) => spans.push([`${org.id} mention ${i}`, m]));
  }
  article.quotes.forEach((q, i) => {
    spans.push([`quote ${i}`, q]);
    if (q.parts.length === 0) problems.push(`quote ${i} has no parts`);
    q.parts.forEach((p, j) => {
      spans.push([`quote ${i} part ${j}`, p]);
      if (p.start < q.start || p.end > q.end) problems.push(`quote ${i} part ${j} [${p.start}, ${p.end}) lies outside its quote [${q.start}, ${q.end})`);
    });
    if (q.speakerMention) spans.push([`quote ${i} speaker mention`, q.speakerMention]);
    if (q.cue) spans.push([`quote ${i} cue`, q.cue]);
    if (q.speakerId !== null && !article.people.some((p) => p.id === q.speakerId) && !article.organizations.some((o) => o.id === q.speakerId)) {
      problems.push(`quote ${i} names speaker ${q.speakerId}, who is neither a person nor an organisation`);
    }
  });
  article.dates.forEach((d, i) => {
    spans.push([`date ${i}`, d]);
    if (!d.value) problems.push(`date ${i} "${d.text}" has an empty value`);
  });
  article.unmatchedQuoteMarks.forEach((m, i) => spans.push([`unmatched quote mark ${i}`, m]));
  article.findings.forEach((f, i) => {
    if (f.code === INTERNAL_ERROR_CODE) problems.push(`guarded throw: ${f.message}`);
    spans.push([`finding ${i} (${f.code})`, f]);
    f.fixes?.forEach((fix, j) => spans.push([`finding ${i} fix ${j}`, fix]));
  });
  for (const [label, span] of spans) checkSpan(text, label, span, problems);
  return problems;
}

export interface CaseResult {
  article: Article | null;
  /** CPU time of the analysis. */
  ms: number;
  problems: string[];
}

/** Analyses `text` once, catching what escapes, and checks the invariants. */
export function runCase(text: string, options: AnalyzeOptions = {}): CaseResult {
  const started = cpuMs();
  let article: Article | null = null;
  try {
    article = analyze(text, options);
  } catch (error) {
    const ms = cpuMs() - started;
    return { article: null, ms, problems: [`exception escaped analyze(): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`] };
  }
  const ms = cpuMs() - started;
  return { article, ms, problems: articleProblems(text, article) };
}

/** Stable serialisation for determinism checks. */
export const fingerprint = (article: Article): string => JSON.stringify(article);
