/**
 * Date evaluation on TimeBank and AQUAINT (TempEval-3 Task A scoring), the project side by side with a bare
 * chrono-node call. Usage: npm run eval:dates [-- --errors N] [-- --corpus TimeBank] [-- --dump]
 */
import * as chrono from 'chrono-node';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findTemporalExpressions } from '../server/src/core/dates';
import type { TimexType } from '../server/src/core/model';
import { analyzeStructure } from '../server/src/core/structure';

interface Timex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

interface Doc {
  name: string;
  text: string;
  dct: string;
  gold: Timex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The <TEXT> element as plain text, with the TIMEX3 spans re-expressed as offsets into it. */
function parseTml(name: string, xml: string): Doc {
  const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]*)"/.exec(xml)?.[1] ?? '';
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: Timex[] = [];
  const open: { start: number; attrs: Record<string, string> }[] = [];
  for (let i = 0; i < body.length; ) {
    const ch = body[i];
    if (ch === '<') {
      const close = body.indexOf('>', i);
      const tag = body.slice(i + 1, close);
      if (tag.startsWith('TIMEX3')) {
        const attrs: Record<string, string> = {};
        for (const m of tag.matchAll(/(\w+)="([^"]*)"/g)) attrs[m[1]] = m[2];
        open.push({ start: text.length, attrs });
      } else if (tag.startsWith('/TIMEX3')) {
        const t = open.pop();
        if (t) gold.push({ start: t.start, end: text.length, text: text.slice(t.start), type: t.attrs.type, value: t.attrs.value });
      }
      i = close + 1;
    } else if (ch === '&') {
      const semi = body.indexOf(';', i);
      const entity = body.slice(i + 1, semi);
      text += entity.startsWith('#') ? String.fromCodePoint(parseInt(entity.slice(1).replace(/^x/, '0x'))) : ENTITIES[entity] ?? `&${entity};`;
      i = semi + 1;
    } else {
      text += ch;
      i++;
    }
  }
  return { name, text, dct, gold };
}

// ---------------------------------------------------------------------------------------------- systems

function project(doc: Doc): Timex[] {
  const structure = analyzeStructure(doc.text);
  return findTemporalExpressions(structure, { value: doc.dct, source: 'option', span: null }).map((t) => ({
    start: t.start,
    end: t.end,
    text: t.text,
    type: t.type,
    value: t.value,
  }));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function chronoBaseline(doc: Doc): Timex[] {
  const [y, m, d] = doc.dct.slice(0, 10).split('-').map(Number);
  const reference = new Date(y, m - 1, d, 12);
  return chrono.parse(doc.text, reference).map((r) => {
    const c = r.start;
    const date = `${c.get('year')}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
    let type: TimexType = 'DATE';
    let value: string;
    if (c.isCertain('hour')) {
      type = 'TIME';
      value = `${date}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
    } else if (c.isCertain('day') || c.isCertain('weekday')) value = date;
    else if (c.isCertain('month')) value = date.slice(0, 7);
    else if (c.isCertain('year')) value = date.slice(0, 4);
    else value = date;
    return { start: r.index, end: r.index + r.text.length, text: r.text, type, value };
  });
}

// ---------------------------------------------------------------------------------------------- scoring

interface Pair {
  gold: Timex;
  sys: Timex;
}

interface Result {
  goldCount: number;
  sysCount: number;
  pairs: Pair[];
  strict: number;
  missed: Timex[];
  spurious: Timex[];
}

/** One-to-one matching of overlapping spans, in text order. */
/** Equivalent spellings of one value: "2000-W7" and "2000-W07". */
function canonical(value: string): string {
  return value.replace(/-W0(\d)\b/, '-W$1');
}

function score(gold: Timex[], sys: Timex[]): Result {
  const g = [...gold].sort((a, b) => a.start - b.start);
  const s = [...sys].sort((a, b) => a.start - b.start);
  const usedSys = new Set<number>();
  const pairs: Pair[] = [];
  const missed: Timex[] = [];
  let j0 = 0;
  for (const gt of g) {
    while (j0 < s.length && s[j0].end <= gt.start) j0++;
    let best = -1;
    let bestOverlap = 0;
    for (let j = j0; j < s.length && s[j].start < gt.end; j++) {
      if (usedSys.has(j)) continue;
      const overlap = Math.min(gt.end, s[j].end) - Math.max(gt.start, s[j].start);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = j;
      }
    }
    if (best >= 0) {
      usedSys.add(best);
      pairs.push({ gold: { ...gt, value: canonical(gt.value) }, sys: { ...s[best], value: canonical(s[best].value) } });
    } else missed.push(gt);
  }
  return {
    goldCount: g.length,
    sysCount: s.length,
    pairs,
    strict: pairs.filter((p) => p.gold.start === p.sys.start && p.gold.end === p.sys.end).length,
    missed,
    spurious: s.filter((_, j) => !usedSys.has(j)),
  };
}

function merge(results: Result[]): Result {
  return {
    goldCount: results.reduce((n, r) => n + r.goldCount, 0),
    sysCount: results.reduce((n, r) => n + r.sysCount, 0),
    pairs: results.flatMap((r) => r.pairs),
    strict: results.reduce((n, r) => n + r.strict, 0),
    missed: results.flatMap((r) => r.missed),
    spurious: results.flatMap((r) => r.spurious),
  };
}

const f1 = (tp: number, sys: number, gold: number): number => (sys + gold === 0 ? 0 : (200 * tp) / (sys + gold));
const pct = (a: number, b: number): string => (b === 0 ? '  -  ' : ((100 * a) / b).toFixed(1).padStart(5));

function figures(r: Result): Record<string, string> {
  const m = r.pairs.length;
  const valueOk = r.pairs.filter((p) => p.gold.value === p.sys.value).length;
  return {
    'relaxed P': pct(m, r.sysCount),
    'relaxed R': pct(m, r.goldCount),
    'relaxed F1': f1(m, r.sysCount, r.goldCount).toFixed(1).padStart(5),
    'strict F1': f1(r.strict, r.sysCount, r.goldCount).toFixed(1).padStart(5),
    'type accuracy': pct(r.pairs.filter((p) => p.gold.type === p.sys.type).length, m),
    'value accuracy': pct(valueOk, m),
    'value F1': f1(valueOk, r.sysCount, r.goldCount).toFixed(1).padStart(5),
  };
}

function perType(r: Result): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const type of ['DATE', 'TIME', 'DURATION', 'SET']) {
    const gold = r.pairs.filter((p) => p.gold.type === type);
    const goldCount = gold.length + r.missed.filter((t) => t.type === type).length;
    const sysCount = r.pairs.filter((p) => p.sys.type === type).length + r.spurious.filter((t) => t.type === type).length;
    const tp = gold.filter((p) => p.sys.type === type).length;
    const valueOk = gold.filter((p) => p.sys.value === p.gold.value).length;
    rows[type] = `n=${String(goldCount).padStart(4)} R ${pct(gold.length, goldCount)} typeF1 ${f1(tp, sysCount, goldCount).toFixed(1).padStart(5)} valueR ${pct(valueOk, goldCount)}`;
  }
  return rows;
}

function topErrors(r: Result, n: number): string[] {
  const counts = new Map<string, number>();
  const add = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const t of r.missed) add(`missed   "${normWords(t.text)}" ${t.type} ${t.value}`);
  for (const t of r.spurious) add(`spurious "${normWords(t.text)}" ${t.type} ${t.value}`);
  for (const p of r.pairs) {
    if (p.gold.value !== p.sys.value) add(`value    "${normWords(p.gold.text)}" gold ${p.gold.value} got ${p.sys.value} ("${normWords(p.sys.text)}")`);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, c]) => `${String(c).padStart(4)}  ${k}`);
}

/** Whole days from one YYYY-MM-DD value to another. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000;
}

/**
 * What kind of disagreement each project error is, to tell notation and annotation habits from mistakes:
 * the same day with a part of day ("2000-04-16TNI" for "Sunday night") against a plain date, the same
 * period with X digits ("1949-XX", "198X") or left open ("1989-WXX", "1989-QX") where the project resolves
 * it, a weekday a whole number of weeks away, and words the same corpus annotates elsewhere.
 */
function errorKinds(r: Result, annotatedWords: Set<string>): Array<[string, number]> {
  const counts = new Map<string, number>();
  const add = (kind: string): void => void counts.set(kind, (counts.get(kind) ?? 0) + 1);
  for (const p of r.pairs) {
    const gold = p.gold.value;
    const ours = p.sys.value;
    if (gold === ours) continue;
    if (/^\d{4}-\d\d-\d\dT(NI|MO|AF|EV)$/.test(ours) && gold.startsWith(ours.slice(0, 10))) add('value: a part of day ("Sunday night") where the gold has the plain date or another part');
    else if ([`${ours}-XX`, `${ours}X`, `${ours}-XX-XX`].includes(gold)) add('value: the same period, written with X digits in the gold ("1949-XX", "198X")');
    else if (/^\d{4}-(WXX|QX)$/.test(gold) && ours.startsWith(gold.slice(0, 5))) add('value: a week or quarter the gold leaves open ("1989-WXX") and the project resolves');
    else if (/^\d{4}-\d\d-\d\d/.test(gold) && /^\d{4}-\d\d-\d\d/.test(ours) && daysBetween(gold, ours) % 7 === 0) add('value: a weekday a whole number of weeks from the gold');
    else add('value: other');
  }
  for (const t of r.spurious) add(annotatedWords.has(normWords(t.text)) ? 'spurious: words the same corpus annotates elsewhere' : 'spurious: other');
  if (r.missed.length > 0) counts.set('missed', r.missed.length);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** The error kinds that write the same time differently (or less resolved) rather than name another one. */
const NOTATION_KINDS = ['value: a part of day', 'value: the same period', 'value: a week or quarter'];

const normWords = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();

// ---------------------------------------------------------------------------------------------- main

function main(): void {
  const args = process.argv.slice(2);
  const errorCount = Number(args[args.indexOf('--errors') + 1]) || 20;
  const onlyCorpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : null;
  const dump = args.includes('--dump');
  const root = resolve(__dirname, '..', '..', 'shared', 'corpora', 'timebank');
  for (const corpus of ['TimeBank', 'AQUAINT']) {
    if (onlyCorpus && corpus !== onlyCorpus) continue;
    const dir = join(root, corpus);
    const docs = readdirSync(dir)
      .filter((f) => f.endsWith('.tml'))
      .sort()
      .map((f) => parseTml(f, readFileSync(join(dir, f), 'utf8')));
    const chars = docs.reduce((n, d) => n + d.text.length, 0);
    // Speed is measured after three passes that warm up the JIT.
    for (let pass = 0; pass < 3; pass++) for (const doc of docs) project(doc);
    let elapsed = 0;
    const ours: Result[] = [];
    const theirs: Result[] = [];
    for (const doc of docs) {
      // CPU time, not wall time: the machine may be shared
      const t0 = process.cpuUsage();
      const sys = project(doc);
      const used = process.cpuUsage(t0);
      elapsed += (used.user + used.system) / 1000;
      const r = score(doc.gold, sys);
      ours.push(r);
      theirs.push(score(doc.gold, chronoBaseline(doc)));
      if (dump) {
        for (const t of r.missed) console.log(`${doc.name}\tMISS\t${t.text}\t${t.type}\t${t.value}\t${doc.dct}\t${context(doc, t)}`);
        for (const t of r.spurious) console.log(`${doc.name}\tSPUR\t${t.text}\t${t.type}\t${t.value}\t${doc.dct}\t${context(doc, t)}`);
        for (const p of r.pairs) {
          if (p.gold.value !== p.sys.value || p.gold.start !== p.sys.start || p.gold.end !== p.sys.end)
            console.log(`${doc.name}\tDIFF\t${p.gold.text}|${p.sys.text}\t${p.gold.type}|${p.sys.type}\t${p.gold.value}|${p.sys.value}\t${doc.dct}\t${context(doc, p.gold)}`);
        }
      }
    }
    const a = merge(ours);
    const b = merge(theirs);
    const fa = figures(a);
    const fb = figures(b);
    console.log(`\n=== ${corpus}: ${docs.length} documents, ${a.goldCount} gold TIMEX3, ${(chars / 1024).toFixed(0)} KiB, project ${elapsed.toFixed(0)} ms CPU warm (${(chars / 1e6 / (elapsed / 1000)).toFixed(1)} MB/s)`);
    console.log(`${''.padEnd(16)}${'project'.padStart(9)}${'chrono'.padStart(9)}`);
    for (const key of Object.keys(fa)) console.log(`${key.padEnd(16)}${fa[key].padStart(9)}${fb[key].padStart(9)}`);
    console.log(`system expressions: project ${a.sysCount}, chrono ${b.sysCount}`);
    console.log('per gold type (project | chrono):');
    const ta = perType(a);
    const tb = perType(b);
    for (const type of Object.keys(ta)) console.log(`  ${type.padEnd(9)} ${ta[type]}  |  ${tb[type].replace(/^n=\s*\d+ /, '')}`);
    console.log(`${errorCount} most frequent project errors:`);
    for (const line of topErrors(a, errorCount)) console.log(line);
    console.log('project errors by kind:');
    const annotatedWords = new Set(docs.flatMap((d) => d.gold.map((t) => normWords(t.text))));
    const kinds = errorKinds(a, annotatedWords);
    for (const [kind, count] of kinds) console.log(`${String(count).padStart(6)}  ${kind}`);
    // The issue's own normal forms ("Tuesday night" -> ...TNI, "last week" -> a resolved week) are where most notation differences come from.
    const notation = kinds.filter(([kind]) => NOTATION_KINDS.some((k) => kind.startsWith(k))).reduce((n, [, count]) => n + count, 0);
    const valueOk = a.pairs.filter((p) => p.gold.value === p.sys.value).length;
    console.log(
      `value F1 counting the ${notation} values that differ only in notation (part of day, X digits, a week or quarter left open) as agreement, for reference: ${f1(valueOk + notation, a.sysCount, a.goldCount).toFixed(1)}`,
    );
  }
}

function context(doc: Doc, t: Timex): string {
  return `${doc.text.slice(Math.max(0, t.start - 50), t.start)}[[${doc.text.slice(t.start, t.end)}]]${doc.text.slice(t.end, t.end + 30)}`.replace(/\s+/g, ' ');
}

main();
