/** TIMEX3 values in words, for messages, hovers and outlines: "2013-07-02" → "Tuesday, July 2, 2013". */
import lexicon from '../data/dates-lexicon.json';
import type { TimexType } from '../model';
import { addDays, daysBetween, weekday, type YMD } from './calendar';
import { parseDateValue } from './anchor';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth'];
const SEASON_NAMES: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'fall', WI: 'winter' };
const PART_OF_DAY_NAMES: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const UNIT_NAMES: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', S: 'second', Q: 'quarter', E: 'decade', C: 'century', L: 'millennium' };
const REFERENCE_NAMES: Record<string, string> = { PRESENT_REF: 'the present', PAST_REF: 'the past', FUTURE_REF: 'the future' };

function ymd(value: string): YMD | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

function dayInWords(date: YMD): string {
  return `${WEEKDAY_NAMES[weekday(date) - 1]}, ${MONTH_NAMES[date.m - 1]} ${date.d}, ${date.y}`;
}

/** "July 2, 2013" for a full date value, "July 2013" for a month, the value itself otherwise. */
export function dateInWords(value: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  if (m) return `${MONTH_NAMES[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
  const ym = /^(\d{4})-(\d\d)$/.exec(value);
  if (ym) return `${MONTH_NAMES[Number(ym[2]) - 1]} ${ym[1]}`;
  return value;
}

function durationInWords(value: string): string {
  const parts: string[] = [];
  for (const m of value.replace(/^PT?/, '').matchAll(/(\d+(?:\.\d+)?|X)([YMWDHSQECL])/g)) {
    const time = value.includes('T') && value.indexOf('T') < value.indexOf(m[0]);
    const unit = m[2] === 'M' && time ? 'minute' : UNIT_NAMES[m[2]];
    const plural = unit === 'century' ? 'centuries' : unit === 'millennium' ? 'millennia' : `${unit}s`;
    parts.push(m[1] === 'X' ? `some ${plural}` : `${m[1]} ${m[1] === '1' ? unit : plural}`);
  }
  // "for a while": a length of time in no unit
  if (value === 'PXX') return 'some time';
  return parts.join(' ') || value;
}

/** A TIMEX3 value in words: "Tuesday, July 2, 2013", "the week of June 24, 2013", "3 years", "every Tuesday". */
export function describeValue(type: TimexType, value: string): string {
  if (REFERENCE_NAMES[value]) return REFERENCE_NAMES[value];
  if (type === 'DURATION') return durationInWords(value);
  if (type === 'SET') {
    const wd = /^XXXX-WXX-(\d)(?:T([A-Z]{2}))?$/.exec(value);
    if (wd) return `every ${WEEKDAY_NAMES[Number(wd[1]) - 1]}${wd[2] ? ` ${PART_OF_DAY_NAMES[wd[2]] ?? wd[2]}` : ''}`;
    const month = /^XXXX-(\d\d)$/.exec(value);
    if (month) return `every ${MONTH_NAMES[Number(month[1]) - 1]}`;
    const every = durationInWords(value);
    return every.startsWith('1 ') ? `every ${every.slice(2)}` : `every ${every}`;
  }
  const day = ymd(value);
  if (day) {
    const time = /T(\d\d:\d\d)/.exec(value)?.[1];
    const pod = /T([A-Z]{2})$/.exec(value)?.[1];
    return `${dayInWords(day)}${time ? `, ${time}` : ''}${pod ? ` (${PART_OF_DAY_NAMES[pod] ?? pod})` : ''}`;
  }
  let m = /^(\d{4})-W(\d\d)(-WE)?$/.exec(value);
  if (m) {
    const start = parseDateValue(`${m[1]}-W${m[2]}`)?.date;
    if (start && m[3]) {
      const saturday = addDays(start, 5);
      return `the weekend of ${MONTH_NAMES[saturday.m - 1]} ${saturday.d}, ${saturday.y}`;
    }
    if (start) return `the week of ${MONTH_NAMES[start.m - 1]} ${start.d}, ${start.y}`;
  }
  if ((m = /^(\d{4})-Q(\d)$/.exec(value))) return `the ${ORDINAL_WORDS[Number(m[2]) - 1]} quarter of ${m[1]}`;
  if ((m = /^(\d{4})-H(\d)$/.exec(value))) return `the ${ORDINAL_WORDS[Number(m[2]) - 1]} half of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASON_NAMES[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})-(\d\d)$/.exec(value))) return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  if ((m = /^(\d{3})$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})$/.exec(value))) {
    const n = Number(m[1]) + 1;
    return `the ${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'} century`;
  }
  return value;
}

/** How a DATE or TIME value lies relative to the publication date: "2 days before publication". */
export function relationToPublication(value: string, dct: string): string | null {
  const parsed = parseDateValue(value.replace(/T.*$/, '').replace(/-WE$/, ''));
  const published = ymd(dct);
  if (!parsed || !published) return null;
  // a weekend is as far away as its Saturday
  const date = value.endsWith('-WE') ? { date: addDays(parsed.date, 5), unit: 'D' as const } : parsed;
  if (date.unit === 'D') {
    const days = daysBetween(published, date.date);
    if (days === 0) return 'the day of publication';
    if (days === -1) return 'the day before publication';
    if (days === 1) return 'the day after publication';
    return `${Math.abs(days)} days ${days < 0 ? 'before' : 'after'} publication`;
  }
  if (date.unit === 'W') {
    const weeks = Math.round(daysBetween(addDays(published, 1 - weekday(published)), date.date) / 7);
    if (weeks === 0) return 'the week of publication';
    return `${Math.abs(weeks)} week${Math.abs(weeks) === 1 ? '' : 's'} ${weeks < 0 ? 'before' : 'after'} publication`;
  }
  if (date.unit === 'M' || date.unit === 'Y') {
    const months = (date.date.y - published.y) * 12 + date.date.m - published.m;
    const span = date.unit === 'Y' ? date.date.y - published.y : months;
    const unit = date.unit === 'Y' ? 'year' : 'month';
    if (span === 0) return `the ${unit} of publication`;
    return `${Math.abs(span)} ${unit}${Math.abs(span) === 1 ? '' : 's'} ${span < 0 ? 'before' : 'after'} publication`;
  }
  return null;
}

/** The weekday a piece of text names first, with its offset in the text ("Tuesday, July 3" → 2 at 0). */
export function namedWeekday(text: string): { weekday: number; start: number; end: number } | null {
  const weekdays: Record<string, number> = lexicon.weekdays;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const wd = weekdays[m[0].toLowerCase()];
    if (wd && m[0].length > 3 && /^[A-Z]/.test(m[0])) return { weekday: wd, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
  }
  return null;
}
