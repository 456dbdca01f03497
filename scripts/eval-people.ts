/**
 * Scores the people analysis against ../shared/corpora/people-dev/gold.json:
 * people, titles and quoted-people precision/recall/F1, beside plain compromise `.people()`.
 * Usage: npm run eval:people [-- --verbose]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nlp from 'compromise';
import { analyze } from '../server/src/core/analyze';

interface GoldPerson {
  name: string;
  aliases: string[];
  titles: string[];
  quoted: boolean;
}
interface GoldDoc {
  file: string;
  people: GoldPerson[];
}
interface SystemPerson {
  name: string;
  forms: string[];
  titles: string[];
  quoted: boolean;
}

const CORPORA = resolve(__dirname, '../../shared/corpora');
const verbose = process.argv.includes('--verbose');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** TimeML: TITLE (when present) and TEXT with tags removed and entities decoded; other files whole. */
function articleText(file: string): string {
  const raw = readFileSync(join(CORPORA, file), 'utf8');
  if (!file.endsWith('.tml')) return raw;
  const part = (tag: string): string => {
    const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(raw);
    return match ? match[1].replace(/<[^>]*>/g, '').replace(/&(\w+);/g, (m, e: string) => ENTITIES[e] ?? m) : '';
  };
  const title = part('TITLE').trim();
  const body = part('TEXT').trim();
  return title ? `${title}\n\n${body}` : body;
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof)\.?\s+/i;

function normName(s: string): string {
  return s
    .replace(/[’`]/g, "'")
    .replace(/'s?$/i, '')
    .replace(HONORIFIC, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Gold people match system people by name or alias (honorifics ignored); best matches first, one to one. */
function matchPeople(gold: GoldPerson[], system: SystemPerson[]): Map<number, number> {
  const candidates: { g: number; s: number; score: number }[] = [];
  gold.forEach((g, gi) => {
    const goldName = normName(g.name);
    const goldForms = new Set([goldName, ...g.aliases.map(normName)]);
    system.forEach((s, si) => {
      const sysName = normName(s.name);
      const sysForms = new Set([sysName, ...s.forms.map(normName)]);
      let score = 0;
      if (sysName === goldName) score = 3;
      else if (goldForms.has(sysName) || sysForms.has(goldName)) score = 2;
      else if ([...goldForms].some((f) => sysForms.has(f))) score = 1;
      if (score) candidates.push({ g: gi, s: si, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  const pairs = new Map<number, number>();
  const usedSystem = new Set<number>();
  for (const c of candidates) {
    if (pairs.has(c.g) || usedSystem.has(c.s)) continue;
    pairs.set(c.g, c.s);
    usedSystem.add(c.s);
  }
  return pairs;
}

const STOP = new Set(['a', 'an', 'the', 'of', 'at', 'for', 'to', 'in', 'and', 's', 'on']);

function contentWords(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/[^a-z0-9.]+|'s\b|'/)
    .map((w) => w.replace(/\.$/, ''))
    .filter((w) => w && !STOP.has(w));
}

/** A title matches when most content words coincide (Dice coefficient >= 0.6). */
function titlesMatch(a: string, b: string): boolean {
  const wa = new Set(contentWords(a));
  const wb = new Set(contentWords(b));
  if (!wa.size || !wb.size) return false;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size) >= 0.6;
}

function uniqueTitles(titles: string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of titles) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()];
}

class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  get p(): number {
    return this.tp + this.fp ? this.tp / (this.tp + this.fp) : 1;
  }
  get r(): number {
    return this.tp + this.fn ? this.tp / (this.tp + this.fn) : 1;
  }
  get f(): number {
    return this.p + this.r ? (2 * this.p * this.r) / (this.p + this.r) : 0;
  }
  toString(): string {
    const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
    return `P ${pct(this.p)}  R ${pct(this.r)}  F1 ${pct(this.f)}  (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})`;
  }
}

function systemPeople(text: string): SystemPerson[] {
  const article = analyze(text);
  const quotedIds = new Set(article.quotes.map((q) => q.speakerId).filter((id) => id));
  return article.people.map((p) => ({
    name: p.name,
    forms: p.mentions.map((m) => m.text),
    titles: uniqueTitles(p.titles.map((t) => t.text)),
    quoted: quotedIds.has(p.id),
  }));
}

/** Baseline: compromise's people, one per distinct surface form, merged when one form ends another. */
function baselinePeople(text: string): SystemPerson[] {
  const forms = [...new Set((nlp(text).people().out('array') as string[]).map((s) => s.replace(/[.,;:'’]+$/, '').trim()))];
  const people: SystemPerson[] = [];
  for (const form of forms.sort((a, b) => b.length - a.length)) {
    const owner = people.find((p) => p.name.endsWith(` ${form}`) || p.name.startsWith(`${form} `));
    if (owner) owner.forms.push(form);
    else if (form) people.push({ name: form, forms: [form], titles: [], quoted: false });
  }
  return people;
}

function score(docs: GoldDoc[], run: (text: string) => SystemPerson[], report: boolean) {
  const people = new Score();
  const titles = new Score();
  const quoted = new Score();
  const missedTitles: string[] = [];
  const wrongTitles: string[] = [];
  const missedPeople: string[] = [];
  const wrongPeople: string[] = [];
  const missedQuoted: string[] = [];
  const wrongQuoted: string[] = [];
  for (const doc of docs) {
    const text = articleText(doc.file);
    const system = run(text);
    const pairs = matchPeople(doc.people, system);
    const matchedSystem = new Set(pairs.values());
    const short = doc.file.replace(/^.*\//, '');
    doc.people.forEach((g, gi) => {
      const si = pairs.get(gi);
      const s = si === undefined ? undefined : system[si];
      if (s) people.tp++;
      else {
        people.fn++;
        missedPeople.push(`${short}: ${g.name}`);
      }
      if (g.quoted && s?.quoted) quoted.tp++;
      else if (g.quoted) {
        quoted.fn++;
        missedQuoted.push(`${short}: ${g.name}`);
      } else if (s?.quoted) {
        quoted.fp++;
        wrongQuoted.push(`${short}: ${g.name}`);
      }
      const goldTitles = uniqueTitles(g.titles);
      const sysTitles = s ? s.titles : [];
      const usedSys = new Set<number>();
      for (const gt of goldTitles) {
        const k = sysTitles.findIndex((st, i) => !usedSys.has(i) && titlesMatch(gt, st));
        if (k >= 0) {
          usedSys.add(k);
          titles.tp++;
        } else {
          titles.fn++;
          missedTitles.push(`${short}: ${g.name}: "${gt}"${sysTitles.length ? `  (got ${sysTitles.map((t) => `"${t}"`).join(', ')})` : ''}`);
        }
      }
      sysTitles.forEach((st, i) => {
        if (usedSys.has(i)) return;
        titles.fp++;
        wrongTitles.push(`${short}: ${g.name}: "${st}"`);
      });
    });
    system.forEach((s, si) => {
      if (matchedSystem.has(si)) return;
      people.fp++;
      wrongPeople.push(`${short}: ${s.name}`);
      if (s.quoted) {
        quoted.fp++;
        wrongQuoted.push(`${short}: ${s.name} (not a gold person)`);
      }
      for (const t of s.titles) {
        titles.fp++;
        wrongTitles.push(`${short}: ${s.name} (not a gold person): "${t}"`);
      }
    });
  }
  if (report) {
    const list = (head: string, items: string[]): void => {
      console.log(`\n${head} (${items.length}):`);
      for (const item of items) console.log(`  ${item}`);
    };
    list('Missed titles', missedTitles);
    list('Wrong titles', wrongTitles);
    if (verbose) {
      list('Missed people', missedPeople);
      list('Wrong people', wrongPeople);
      list('Missed quoted people', missedQuoted);
      list('Wrong quoted people', wrongQuoted);
    }
  }
  return { people, titles, quoted };
}

function main(): void {
  const gold = JSON.parse(readFileSync(join(CORPORA, 'people-dev/gold.json'), 'utf8')) as { docs: GoldDoc[] };
  const started = Date.now();
  const ours = score(gold.docs, systemPeople, true);
  const elapsed = Date.now() - started;
  const base = score(gold.docs, baselinePeople, false);
  console.log(`\npeople-dev: ${gold.docs.length} articles, ${gold.docs.reduce((n, d) => n + d.people.length, 0)} gold people`);
  console.log(`analysis time: ${elapsed} ms\n`);
  console.log(`${''.padEnd(15)}${'Press Markup'.padEnd(58)}compromise .people()`);
  for (const key of ['people', 'titles', 'quoted'] as const) {
    console.log(`${key.padEnd(15)}${String(ours[key]).padEnd(58)}${base[key]}`);
  }
}

main();
