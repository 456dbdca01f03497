/**
 * Dateline detection: the document creation time from front matter, an "Updated:/Published:/Posted:" line, or a
 * wire dateline ("SEOUL, July 2 (Reuters) -"), looked for near the top of the article.
 */
import type { DocumentCreationTime, TextStructure } from '../model';
import { formatDate } from './calendar';
import { Grammar, type Resolved } from './recognise';
import { tokenize } from './tokens';

const HEAD_LIMIT = 3000;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
// Each run of blanks can be matched in one way only, so no input makes these backtrack.
const FRONT_MATTER_DATE = /^(?:date|published|pubdate|publishdate|created)[ \t]*:([^\r\n]*)$/im;
const LABELLED = /^[ \t]*(?:(?:last |first )?updated|published|posted|date|dateline|first published|last modified)(?: on| at)?[ \t]*(?:[:\-–—][ \t]*)?(\S[^\r\n]*)$/gim;
/** "SEOUL, July 2 (Reuters) -", "NAIROBI, Kenya, Aug. 7 (AP) —", "WASHINGTON (AP) —". */
const WIRE = /^[ \t]*([A-Z][A-Z .'-]{1,40}(?:,[ \t]*[A-Z][A-Za-z .]{1,30})?),[ \t]*([A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?(?:[ \t]+\d{4})?)[ \t]*(?:(?:\([A-Za-z .&-]{1,30}\)|\/[A-Za-z .&-]{1,30}\/)[ \t]*)?(?:-{1,2}|–|—|_)/gm;
/** A short line near the top that is mostly a date ("July 2, 2013", "By Jane Doe | Jul 2, 2013 3:59 PM"). */
const DATE_LINE_MAX = 80;
const DATE_LINES_LOOKED_AT = 8;
const MONTH_OR_WEEKDAY = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;

/** Reads an absolute date or date-time from a short piece of text, in TIMEX3 form, or null. */
export function readAbsoluteDate(text: string, yearHint: number | null = null): string | null {
  // ISO timestamps, which the grammar would read as a date and a separate time: 2013-07-02T15:59:00+05:30
  const iso = /^\s*(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d))?/.exec(text);
  if (iso) return iso[2] ? `${iso[1]}T${iso[2]}` : iso[1];
  const tokens = tokenize(text);
  const matches = new Grammar(tokens).matches();
  const dct = { y: yearHint ?? 2000, m: 6, d: 15 };
  for (const match of matches) {
    let r: Resolved;
    try {
      r = match.resolve({ dct, ref: formatDate(dct), tense: () => null });
    } catch {
      continue;
    }
    if (!/^\d{4}-\d\d-\d\d/.test(r.value)) continue;
    if (r.relative && yearHint === null) continue;
    return r.value.replace(/T(\d\d:\d\d).*$/, 'T$1').replace(/T24$/, 'T24:00');
  }
  return null;
}

function latestYearIn(text: string): number | null {
  let latest: number | null = null;
  for (const m of text.slice(0, 20000).matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) {
    const y = Number(m[1]);
    if (latest === null || y > latest) latest = y;
  }
  return latest;
}

export function findDateline(structure: TextStructure): DocumentCreationTime | null {
  const text = structure.text;
  const front = FRONT_MATTER.exec(text);
  if (front) {
    const line = FRONT_MATTER_DATE.exec(front[1]);
    if (line) {
      const value = readAbsoluteDate(line[1].trim().replace(/^["']|["']$/g, ''));
      if (value) {
        const start = front.index + front[0].indexOf(line[0]);
        return { value, source: 'front-matter', span: { text: line[0], start, end: start + line[0].length } };
      }
    }
  }
  const head = text.slice(0, HEAD_LIMIT);
  for (const m of head.matchAll(LABELLED)) {
    const value = readAbsoluteDate(m[1]);
    if (!value) continue;
    const lineText = m[0].trim();
    const start = (m.index ?? 0) + m[0].indexOf(lineText);
    return { value, source: 'dateline', span: { text: lineText, start, end: start + lineText.length } };
  }
  const wire = findWireDateline(text, head);
  if (wire) return wire;
  return findDateLine(head);
}

function findWireDateline(text: string, head: string): DocumentCreationTime | null {
  for (const m of head.matchAll(WIRE)) {
    const explicit = readAbsoluteDate(m[2]);
    const value = explicit ?? readAbsoluteDate(m[2], latestYearIn(text));
    if (!value) continue;
    const lineText = m[0].trim();
    const start = (m.index ?? 0) + m[0].indexOf(lineText);
    return { value, source: 'dateline', span: { text: lineText, start, end: start + lineText.length } };
  }
  return null;
}

const BYLINE_WORDS = new Set(['by', 'and', 'of', 'on', 'at', 'am', 'pm', 'updated', 'published', 'posted', 'last']);

function findDateLine(head: string): DocumentCreationTime | null {
  let seen = 0;
  for (const m of head.matchAll(/^[^\r\n]*$/gm)) {
    const line = m[0].trim();
    if (!line) continue;
    if (++seen > DATE_LINES_LOOKED_AT) break;
    if (line.length > DATE_LINE_MAX) continue;
    const value = readAbsoluteDate(line);
    if (!value) continue;
    // A date stamp or a byline ("By Jane Doe | Jul 2, 2013"), not prose: no lower-case words besides the date.
    const rest = line.replace(/\b(?:[ap]\.m\.?|[A-Z]{2,4})(?=\W|$)/g, '').match(/\p{L}{2,}/gu) ?? [];
    const prose = rest.filter((w) => !MONTH_OR_WEEKDAY.test(w) && !BYLINE_WORDS.has(w.toLowerCase()) && w[0] === w[0].toLowerCase());
    if (prose.length > 0 || rest.length > 8) continue;
    const start = (m.index ?? 0) + m[0].indexOf(line);
    return { value, source: 'dateline', span: { text: line, start, end: start + line.length } };
  }
  return null;
}
