import { addDays, addMonths, formatDate, formatWeek, pad, weekday, type YMD } from './calendar';
import type { Tense } from './tense';

/** Units a relative expression counts in: day, week, weekend, month, quarter, half year, year, decade, century. */
export type Unit = 'D' | 'W' | 'WE' | 'M' | 'Q' | 'H' | 'Y' | 'E' | 'C';

export function parseDct(value: string): { date: YMD; time: string | null } | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d:\d\d))?/.exec(value);
  if (!m) {
    const y = /^(\d{4})(?:-(\d\d))?$/.exec(value);
    return y ? { date: { y: Number(y[1]), m: Number(y[2] ?? 1), d: 1 }, time: null } : null;
  }
  return { date: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, time: m[4] ?? null };
}

export const quarterOf = (date: YMD): number => Math.ceil(date.m / 3);

/** The value of the unit containing `date`, shifted by n units: ("M", 2013-07-02, -1) → "2013-06". */
export function unitValue(unit: Unit, date: YMD, n: number): string {
  switch (unit) {
    case 'D':
      return formatDate(addDays(date, n));
    case 'W':
      return formatWeek(addDays(date, 7 * n));
    case 'WE': {
      // The weekend of the week n weeks away; "the weekend" seen from a weekday is the one just past.
      const base = addDays(date, 7 * n);
      return `${formatWeek(base)}-WE`;
    }
    case 'M': {
      const ym = addMonths(date.y, date.m, n);
      return `${pad(ym.y, 4)}-${pad(ym.m)}`;
    }
    case 'Q': {
      const index = date.y * 4 + quarterOf(date) - 1 + n;
      return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`;
    }
    case 'H': {
      const index = date.y * 2 + (date.m > 6 ? 1 : 0) + n;
      return `${pad(Math.floor(index / 2), 4)}-H${(index % 2) + 1}`;
    }
    case 'Y':
      return pad(date.y + n, 4);
    case 'E':
      return pad(Math.floor(date.y / 10) + n, 3);
    case 'C':
      return pad(Math.floor(date.y / 100) + n, 2);
  }
}

/** The weekend nearest a date in the given direction, as a week value with -WE. */
export function weekendValue(date: YMD, direction: 'past' | 'future'): string {
  const wd = weekday(date);
  if (wd >= 6) return `${formatWeek(date)}-WE`;
  const saturday = direction === 'past' ? addDays(date, -(wd + 1)) : addDays(date, 6 - wd);
  return `${formatWeek(saturday)}-WE`;
}

/** The date of a weekday: the last one on or before `date` in the past, the next one on or after it in the future. */
export function weekdayDate(date: YMD, wd: number, tense: Tense | 'strict-past' | 'strict-future'): YMD {
  const today = weekday(date);
  switch (tense) {
    case 'future':
    case 'present':
      return addDays(date, (wd - today + 7) % 7);
    case 'strict-future':
      return addDays(date, ((wd - today + 6) % 7) + 1);
    case 'strict-past':
      return addDays(date, -(((today - wd + 6) % 7) + 1));
    default:
      return addDays(date, -((today - wd + 7) % 7));
  }
}

/** Tense detection is noisy: a date this close to the DCT on the "wrong" side keeps the DCT's year. */
const TOLERANCE_DAYS = 45;

/** The year of a month named without one: the last such month in the past tense, the next in the future. */
export function yearOfMonth(dct: YMD, month: number, tense: Tense): number {
  const diff = month - dct.m;
  if (tense === 'past') return diff > 1 ? dct.y - 1 : dct.y;
  if (tense === 'future') return diff < -1 ? dct.y + 1 : dct.y;
  // No tense: the nearer of last and next such month; six months either way is the last one (news looks back more often than ahead).
  if (diff > 5) return dct.y - 1;
  if (diff < -6) return dct.y + 1;
  return dct.y;
}

/** The year of a month and day named without one; with no tense, the nearest such date. */
export function yearOfDay(dct: YMD, month: number, day: number, tense: Tense): number {
  const distance = (month - dct.m) * 30.5 + (day - dct.d);
  if (tense === 'past') return distance > TOLERANCE_DAYS ? dct.y - 1 : dct.y;
  if (tense === 'future') return distance < -TOLERANCE_DAYS ? dct.y + 1 : dct.y;
  // No tense: as for months, the nearer, leaning back.
  if (distance > 5 * 30.5) return dct.y - 1;
  if (distance < -6 * 30.5) return dct.y + 1;
  return dct.y;
}

/** Parses a DATE value back into a date (the first day of its period), with its granularity. */
export function parseDateValue(value: string): { date: YMD; unit: Unit } | null {
  let m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  if (m) return { date: { y: +m[1], m: +m[2], d: +m[3] }, unit: 'D' };
  m = /^(\d{4})-W(\d\d)/.exec(value);
  if (m) {
    const jan4 = { y: +m[1], m: 1, d: 4 };
    return { date: addDays(jan4, 1 - weekday(jan4) + (+m[2] - 1) * 7), unit: 'W' };
  }
  m = /^(\d{4})-(\d\d)$/.exec(value);
  if (m) return { date: { y: +m[1], m: +m[2], d: 1 }, unit: 'M' };
  m = /^(\d{4})-Q(\d)$/.exec(value);
  if (m) return { date: { y: +m[1], m: (+m[2] - 1) * 3 + 1, d: 1 }, unit: 'Q' };
  m = /^(\d{4})-H(\d)$/.exec(value);
  if (m) return { date: { y: +m[1], m: +m[2] === 1 ? 1 : 7, d: 1 }, unit: 'H' };
  m = /^(\d{4})$/.exec(value);
  if (m) return { date: { y: +m[1], m: 1, d: 1 }, unit: 'Y' };
  return null;
}


/**
 * The quarter (or half) an earnings story reports on once `value` is named: the latest one over by the dateline.
 * A forecast ("the fourth quarter", in October) or an earlier quarter recalled in passing leaves `current`.
 */
export function reportedPeriod(value: string, dct: YMD, current: string | null): string | null {
  const period = /^\d{4}-[QH]\d$/.test(value) ? parseDateValue(value) : null;
  if (!period) return current;
  const next = addMonths(period.date.y, period.date.m, period.unit === 'Q' ? 3 : 6);
  if (formatDate({ ...next, d: 1 }) > formatDate(dct)) return current;
  const known = current ? parseDateValue(current) : null;
  return known && formatDate(known.date) > formatDate(period.date) ? current : value;
}
