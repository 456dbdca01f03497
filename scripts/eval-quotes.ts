/**
 * Quote detection and speaker attribution, measured on PolNeAR (../shared/corpora/polnear/{dev,train}).
 * Runs the product's own analysis (`analyze`) and, side by side, a "nearest person name in the paragraph"
 * baseline. Run with `npm run eval:quotes` (add `--examples` to print an example of each error pattern).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/core/analyze';
import type { Article, Span } from '../server/src/core/model';

const CORPUS = join(__dirname, '..', '..', 'shared', 'corpora', 'polnear');
const SHOW_EXAMPLES = process.argv.includes('--examples');
/** `--show=TEXT`: print every example of the error patterns containing TEXT. */
const SHOW_ALL = process.argv.find((a) => a.startsWith('--show='))?.slice('--show='.length);

const DEFINITIONS = `How it is measured
- Gold direct quote: a PolNeAR attribution (one annotator per article: the first .ann file in name order) whose
  Content contains quotation marks (“ ” " always; ‘ ’ ' only as a pair that opens before a word and closes after
  one, so apostrophes do not count). Its quoted part: in each Content fragment, from the first quotation mark to the
  last (to the fragment's end or start when the fragment holds a single mark).
- Predicted quote: every quote the analysis reports as speech (expectsSpeaker, or a speaker found); scare quotes and
  titles the analysis marks as unspoken are not predictions. A predicted quote matches a gold quote when one of its
  parts shares at least one character with the gold quoted part.
- Detection: precision = matched predictions / predictions; recall = matched gold quotes / gold quotes.
- Speaker: only gold quotes whose Source contains a name (a capitalised word that never occurs in lower case in the
  split's texts, days and months excluded). The predicted speaker is that of the matched prediction with the largest
  overlap. It is right when its mention overlaps the gold Source span, or names the same person: a linked person or
  organisation has a mention overlapping the Source, or the name words of one are contained in those of the other
  ("Clinton" / "Hillary Clinton"). Accuracy = right / found quotes; precision = right / found quotes given a
  speaker; recall = right / gold quotes.
- Baseline: quotation marks paired left to right on each line (every pair a quote); speaker = the capitalised word
  sequence nearest to the quote on its line (outside quotes).`;

interface Fragmented {
  fragments: Span[];
  text: string;
}

interface GoldQuote {
  id: string;
  quoted: Span[];
  source: Span[] | null;
  sourceText: string;
  isName: boolean;
}

interface Doc {
  name: string;
  text: string;
  gold: GoldQuote[];
}

interface Predicted {
  parts: Span[];
  mention: Span | null;
  /** Spans of every mention of the linked person or organisation. */
  linkedMentions: Span[];
  mentionText: string;
  linkedName: string;
}

const DOUBLE_MARKS = '"“”„‟«»';
const SINGLE_MARKS = "'‘’‚‛";
const NON_NAMES = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Offsets (relative to s) of the quotation marks in s: double marks, and single marks that pair as quotes. */
function quotationMarks(s: string): number[] {
  const marks: number[] = [];
  let openSingle = -1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (DOUBLE_MARKS.includes(ch)) marks.push(i);
    else if (SINGLE_MARKS.includes(ch)) {
      const before = s[i - 1];
      const after = s[i + 1];
      if (!isLetter(before) && isLetter(after) && ch !== '’') openSingle = i;
      else if (openSingle >= 0 && !isLetter(after) && before !== ' ') {
        marks.push(openSingle, i);
        openSingle = -1;
      }
    }
  }
  return marks.sort((a, b) => a - b);
}

function parseAnn(ann: string, text: string): Array<{ content: Fragmented; source: Fragmented | null; id: string }> {
  const spans = new Map<string, Fragmented & { kind: string }>();
  const events: Array<{ id: string; args: Map<string, string> }> = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols[0].startsWith('T') && cols.length >= 2) {
      const [kind, ...rest] = cols[1].split(' ');
      const fragments = rest
        .join(' ')
        .split(';')
        .map((f) => f.trim().split(/\s+/).map(Number))
        .map(([start, end]) => ({ start, end }));
      spans.set(cols[0], { kind, fragments, text: fragments.map((f) => text.slice(f.start, f.end)).join(' ') });
    } else if (cols[0].startsWith('E') && cols.length >= 2) {
      const args = new Map<string, string>();
      for (const arg of cols[1].trim().split(/\s+/)) {
        const [role, ref] = arg.split(':');
        args.set(role.replace(/\d+$/, ''), ref);
      }
      events.push({ id: cols[0], args });
    }
  }
  const out = [];
  for (const event of events) {
    const content = spans.get(event.args.get('Content') ?? '');
    if (!content) continue;
    const source = spans.get(event.args.get('Source') ?? '') ?? null;
    out.push({ content, source, id: event.id });
  }
  return out;
}

function quotedParts(text: string, content: Fragmented): Span[] {
  const parts: Span[] = [];
  for (const fragment of content.fragments) {
    const marks = quotationMarks(text.slice(fragment.start, fragment.end)).map((m) => m + fragment.start);
    if (marks.length === 0) continue;
    if (marks.length === 1) {
      const m = marks[0];
      const opening = isLetter(text[m + 1]);
      parts.push(opening ? { start: m, end: fragment.end } : { start: fragment.start, end: m + 1 });
    } else parts.push({ start: marks[0], end: marks[marks.length - 1] + 1 });
  }
  return parts;
}

function lowercaseVocabulary(texts: string[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/\b[a-z][a-z.-]*/g)) vocabulary.add(m[0]);
  return vocabulary;
}

function nameWords(s: string, vocabulary: Set<string>): string[] {
  const words: string[] = [];
  for (const m of s.matchAll(/\p{Lu}[\p{L}.'’-]*/gu)) {
    const lower = m[0].toLowerCase().replace(/['’]s$/, '');
    if (vocabulary.has(lower) || NON_NAMES.has(lower)) continue;
    words.push(lower);
  }
  return words;
}

function loadSplit(split: string): Doc[] {
  const dir = join(CORPUS, split);
  const annFiles = readdirSync(join(dir, 'attributions')).sort();
  const docs: Doc[] = [];
  for (const file of readdirSync(join(dir, 'text')).sort()) {
    const name = file.replace(/\.txt$/, '');
    const annFile = annFiles.find((a) => a.startsWith(name + '_'));
    if (!annFile) continue;
    const text = readFileSync(join(dir, 'text', file), 'utf8');
    const gold: GoldQuote[] = [];
    for (const attribution of parseAnn(readFileSync(join(dir, 'attributions', annFile), 'utf8'), text)) {
      const quoted = quotedParts(text, attribution.content);
      if (quoted.length === 0) continue;
      gold.push({
        id: attribution.id,
        quoted,
        source: attribution.source?.fragments ?? null,
        sourceText: attribution.source?.text ?? '',
        isName: false,
      });
    }
    docs.push({ name, text, gold });
  }
  const vocabulary = lowercaseVocabulary(docs.map((d) => d.text));
  for (const doc of docs) for (const g of doc.gold) g.isName = g.source !== null && nameWords(g.sourceText, vocabulary).length > 0;
  return docs;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlapLength(as: Span[], bs: Span[]): number {
  let n = 0;
  for (const a of as) for (const b of bs) n += Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return n;
}

function productPredictions(article: Article): Predicted[] {
  const entities = new Map<string, { name: string; mentions: Span[] }>();
  for (const p of article.people) entities.set(p.id, p);
  for (const o of article.organizations) entities.set(o.id, o);
  return article.quotes
    .filter((q) => q.expectsSpeaker || q.speakerMention !== null)
    .map((q) => {
      const linked = q.speakerId ? entities.get(q.speakerId) : undefined;
      return {
        parts: q.parts,
        mention: q.speakerMention,
        mentionText: q.speakerMention?.text ?? '',
        linkedMentions: linked?.mentions ?? [],
        linkedName: linked?.name ?? '',
      };
    });
}

const BASELINE_STOP = new Set(
  'The A An He She It They We I You His Her Their Our But And Or So If In On At For As By To Of With This That These Those What When Where Why How Mr Mrs Ms There Here Then Also Not No Yes'.split(' '),
);

function baselinePredictions(text: string): Predicted[] {
  const out: Predicted[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const quotes: Span[] = [];
    for (const m of line.matchAll(/["“][^"“”]*["”]/g)) {
      const start = lineStart + (m.index ?? 0);
      quotes.push({ start, end: start + m[0].length });
    }
    const names: Span[] = [];
    for (const m of line.matchAll(/\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)*/gu)) {
      const start = lineStart + (m.index ?? 0);
      const span = { start, end: start + m[0].length };
      if (BASELINE_STOP.has(m[0].replace(/[.'’]+$/, ''))) continue;
      if (quotes.some((q) => overlaps(q, span))) continue;
      names.push(span);
    }
    for (const q of quotes) {
      let best: Span | null = null;
      let bestDistance = Infinity;
      for (const n of names) {
        const distance = n.end <= q.start ? q.start - n.end : n.start - q.end;
        if (distance < bestDistance) [best, bestDistance] = [n, distance];
      }
      out.push({
        parts: [q],
        mention: best,
        mentionText: best ? text.slice(best.start, best.end) : '',
        linkedMentions: [],
        linkedName: '',
      });
    }
    lineStart += line.length + 1;
  }
  return out;
}

interface Tally {
  predicted: number;
  predictedMatched: number;
  gold: number;
  goldFound: number;
  nameGold: number;
  nameFound: number;
  nameFoundWithSpeaker: number;
  nameRight: number;
  errors: Map<string, { count: number; examples: string[] }>;
}

function newTally(): Tally {
  return {
    predicted: 0,
    predictedMatched: 0,
    gold: 0,
    goldFound: 0,
    nameGold: 0,
    nameFound: 0,
    nameFoundWithSpeaker: 0,
    nameRight: 0,
    errors: new Map(),
  };
}

function noteError(tally: Tally, pattern: string, example: string): void {
  const entry = tally.errors.get(pattern);
  if (entry) {
    entry.count++;
    entry.examples.push(example);
  } else tally.errors.set(pattern, { count: 1, examples: [example] });
}

const PRONOUNS = /^(he|she|they|it|we|i|you|him|her|them)$/i;

/** A rough description of where a span sits relative to a quote, for error patterns. */
function place(text: string, span: Span | null, quote: Span[]): string {
  if (!span) return 'none';
  const first = quote[0];
  const last = quote[quote.length - 1];
  const between = span.start < first.start ? text.slice(span.end, first.start) : text.slice(last.end, span.start);
  const side = span.start < first.start ? 'before' : span.start >= last.end ? 'after' : 'inside';
  if (between.includes('\n')) return `${side}, other paragraph`;
  if (/[.!?]["”’]?\s+\p{Lu}/u.test(between)) return `${side}, other sentence`;
  return `${side}, same sentence`;
}

function kindOf(mentionText: string): string {
  if (mentionText === '') return 'nothing';
  if (PRONOUNS.test(mentionText)) return 'pronoun';
  if (/^\p{Lu}/u.test(mentionText) && !/^(The|A|An|His|Her|Their)\b/.test(mentionText)) return 'name';
  return 'noun phrase';
}

/** `unspoken`: quotation spans the analysis found but did not count as speech (scare quotes, titles). */
function score(doc: Doc, predictions: Predicted[], tally: Tally, vocabulary: Set<string>, unspoken: Span[] = []): void {
  const { text } = doc;
  const goldMatched = doc.gold.map(() => [] as Array<{ p: Predicted; overlap: number }>);
  for (const p of predictions) {
    tally.predicted++;
    let matched = false;
    doc.gold.forEach((g, i) => {
      const overlap = overlapLength(p.parts, g.quoted);
      if (overlap > 0) {
        matched = true;
        goldMatched[i].push({ p, overlap });
      }
    });
    if (matched) tally.predictedMatched++;
    else {
      const q = p.parts[0];
      const snippet = text.slice(q.start, Math.min(q.end, q.start + 60)).replace(/\n/g, ' ');
      const words = text.slice(q.start, q.end).split(/\s+/).length;
      noteError(tally, `spurious quote: ${words <= 4 ? 'a few words' : 'longer'}, ${p.mention ? 'with' : 'no'} speaker`, `${doc.name}: ${snippet}`);
    }
  }
  doc.gold.forEach((g, i) => {
    tally.gold++;
    const matches = goldMatched[i].sort((a, b) => b.overlap - a.overlap);
    const snippet = text.slice(g.quoted[0].start, Math.min(g.quoted[0].end, g.quoted[0].start + 60)).replace(/\n/g, ' ');
    if (matches.length > 0) tally.goldFound++;
    else {
      const why = unspoken.some((u) => g.quoted.some((q) => overlaps(u, q))) ? 'taken for a scare quote or title' : 'marks not found as a quote';
      noteError(tally, `missed quote: ${why}`, `${doc.name}: ${snippet}`);
    }
    if (!g.isName || !g.source) return;
    tally.nameGold++;
    if (matches.length === 0) return;
    tally.nameFound++;
    const p = matches[0].p;
    if (!p.mention) {
      noteError(tally, `no speaker (gold ${place(text, g.source[0], g.quoted)})`, `${doc.name}: ${snippet} <- ${g.sourceText}`);
      return;
    }
    tally.nameFoundWithSpeaker++;
    const source = g.source;
    const right =
      source.some((s) => overlaps(s, p.mention!)) ||
      p.linkedMentions.some((m) => source.some((s) => overlaps(s, m))) ||
      sameName(p.linkedName || p.mentionText, g.sourceText, vocabulary);
    if (right) tally.nameRight++;
    else
      noteError(
        tally,
        `wrong speaker: ${kindOf(p.mentionText)} ${place(text, p.mention, g.quoted)}; gold ${place(text, source[0], g.quoted)}`,
        `${doc.name}: ${snippet} <- gold "${g.sourceText}", predicted "${p.mentionText}"`,
      );
  });
}

function sameName(a: string, b: string, vocabulary: Set<string>): boolean {
  const wa = nameWords(a, vocabulary).filter((w) => !w.endsWith('.'));
  const wb = nameWords(b, vocabulary).filter((w) => !w.endsWith('.'));
  if (wa.length === 0 || wb.length === 0) return false;
  return wa.every((w) => wb.includes(w)) || wb.every((w) => wa.includes(w));
}

function pct(n: number, d: number): number {
  return d === 0 ? 0 : (100 * n) / d;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function figures(t: Tally): Array<[string, string]> {
  const dp = pct(t.predictedMatched, t.predicted);
  const dr = pct(t.goldFound, t.gold);
  const sp = pct(t.nameRight, t.nameFoundWithSpeaker);
  const sr = pct(t.nameRight, t.nameGold);
  const fmt = (x: number): string => x.toFixed(1);
  return [
    ['quotes: gold / predicted', `${t.gold} / ${t.predicted}`],
    ['quote detection P', fmt(dp)],
    ['quote detection R', fmt(dr)],
    ['quote detection F1', fmt(f1(dp, dr))],
    ['named-source quotes: gold / found', `${t.nameGold} / ${t.nameFound}`],
    ['attribution accuracy (found)', fmt(pct(t.nameRight, t.nameFound))],
    ['speaker P', fmt(sp)],
    ['speaker R', fmt(sr)],
    ['speaker F1', fmt(f1(sp, sr))],
  ];
}

function run(split: string): void {
  if (!existsSync(join(CORPUS, split))) {
    console.error(`missing corpus split: ${join(CORPUS, split)}`);
    process.exitCode = 2;
    return;
  }
  const docs = loadSplit(split);
  const vocabulary = lowercaseVocabulary(docs.map((d) => d.text));
  const product = newTally();
  const baseline = newTally();
  let chars = 0;
  let analysisMs = 0;
  for (const doc of docs) {
    const started = performance.now();
    const article = analyze(doc.text);
    analysisMs += performance.now() - started;
    chars += doc.text.length;
    const unspoken = article.quotes.filter((q) => !q.expectsSpeaker && !q.speakerMention);
    score(doc, productPredictions(article), product, vocabulary, unspoken);
    score(doc, baselinePredictions(doc.text), baseline, vocabulary);
  }
  console.log(`\n== ${split}: ${docs.length} articles, ${(chars / 1e6).toFixed(2)} M chars, analyze() ${(analysisMs / 1000).toFixed(1)} s`);
  const rows = figures(product);
  const base = figures(baseline);
  console.log(`${'measure'.padEnd(36)}${'Press Markup'.padStart(14)}${'baseline'.padStart(14)}`);
  rows.forEach(([label, value], i) => console.log(`${label.padEnd(36)}${value.padStart(14)}${base[i][1].padStart(14)}`));
  console.log(`\n20 most frequent error patterns (${split}, Press Markup):`);
  const errors = [...product.errors.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 20);
  for (const [pattern, { count, examples }] of errors) {
    console.log(`${String(count).padStart(5)}  ${pattern}`);
    if (SHOW_EXAMPLES) console.log(`         e.g. ${examples[0]}`);
  }
  if (SHOW_ALL !== undefined) {
    for (const [pattern, { examples }] of product.errors) {
      if (!pattern.includes(SHOW_ALL)) continue;
      console.log(`\n-- ${pattern}`);
      for (const example of examples) console.log(`   ${example}`);
    }
  }
}

console.log(DEFINITIONS);
const splits = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const split of splits.length > 0 ? splits : ['dev', 'train']) run(split);
