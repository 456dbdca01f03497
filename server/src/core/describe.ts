import type { DocumentCreationTime, TemporalExpression } from './model';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const PARTS_OF_DAY: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const REFERENCES: Record<string, string> = { PRESENT_REF: 'now', PAST_REF: 'the past', FUTURE_REF: 'the future' };
const DURATION_UNITS: Record<string, string> = {
  Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', MIN: 'minute', S: 'second', DE: 'decade', CE: 'century', Q: 'quarter',
};

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** A TIMEX3 value in words: "Tuesday, 2 July 2013", "June 2013", "three years" → "3 years". */
export function describeTimexValue(value: string): string {
  if (REFERENCES[value]) return REFERENCES[value];
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}|MO|AF|EV|NI|DT))?/.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = utcDate(year, month, day);
    const words = `${WEEKDAYS[date.getUTCDay()]}, ${day} ${MONTHS[month - 1]} ${year}`;
    if (!m[4]) return words;
    return `${words}, ${PARTS_OF_DAY[m[4]] ?? m[4]}`;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) return `${m[3] ? 'weekend of ' : ''}week ${Number(m[2])} of ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})$/.exec(value))) return `the year ${m[1]}`;
  if ((m = /^(\d{3})$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})$/.exec(value))) return `the ${m[1]}00s`;
  if ((m = /^T(\d{2}):(\d{2})/.exec(value))) return `${m[1]}:${m[2]}`;
  if ((m = /^P(T?)(\d+(?:\.\d+)?|X)(MIN|DE|CE|[YMWDHSQ])$/.exec(value))) {
    const unit = m[1] === 'T' && m[3] === 'M' ? 'minute' : DURATION_UNITS[m[3]] ?? m[3];
    if (m[2] === 'X') return `some ${unit}s`;
    return `${m[2]} ${unit}${m[2] === '1' ? '' : 's'}`;
  }
  return value;
}

/** Whole days between two calendar dates (positive when `value` is after the anchor). */
function dayDifference(value: string, anchor: string): number | null {
  const a = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(anchor);
  if (!a || !b) return null;
  const ms = utcDate(+a[1], +a[2], +a[3]).getTime() - utcDate(+b[1], +b[2], +b[3]).getTime();
  return Math.round(ms / 86_400_000);
}

/** "2 days before publication", "the day of publication", "3 years after publication", or null. */
export function relationToPublication(date: TemporalExpression, dct: DocumentCreationTime | null): string | null {
  if (!dct || date.type === 'DURATION' || date.type === 'SET') return null;
  const days = dayDifference(date.value, dct.value);
  if (days !== null) {
    if (days === 0) return 'the day of publication';
    const n = Math.abs(days);
    return `${n} day${n === 1 ? '' : 's'} ${days < 0 ? 'before' : 'after'} publication`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(date.value);
  const dctMonth = /^(\d{4})-(\d{2})/.exec(dct.value);
  if (month && dctMonth) {
    const months = (+month[1] - +dctMonth[1]) * 12 + (+month[2] - +dctMonth[2]);
    if (months === 0) return 'the month of publication';
    const n = Math.abs(months);
    return `${n} month${n === 1 ? '' : 's'} ${months < 0 ? 'before' : 'after'} publication`;
  }
  const year = /^(\d{4})/.exec(date.value);
  if (year && /^\d{4}(?:$|-)/.test(date.value)) {
    const years = +year[1] - +dct.value.slice(0, 4);
    if (years === 0) return 'the year of publication';
    const n = Math.abs(years);
    return `${n} year${n === 1 ? '' : 's'} ${years < 0 ? 'before' : 'after'} publication`;
  }
  return null;
}

/** The Monday of ISO week `week` of `year`, as YYYY-MM-DD. */
function isoWeekMonday(year: number, week: number): string {
  const januaryFourth = utcDate(year, 1, 4);
  const mondayOfWeekOne = januaryFourth.getTime() - ((januaryFourth.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(mondayOfWeekOne + (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

const SEASON_MONTH: Record<string, string> = { SP: '03', SU: '06', FA: '09', WI: '12' };

/**
 * A sort key that puts calendar values in time order (weeks, quarters, seasons and decades at
 * their start) and everything else after them.
 */
function chronologicalKey(date: TemporalExpression, dct: DocumentCreationTime | null): string {
  const value = date.value === 'PRESENT_REF' && dct ? dct.value : date.value;
  if (date.type === 'DURATION' || date.type === 'SET' || !/^\d{2}/.test(value)) return `~${value}`;
  let m = /^(\d{4})-W(\d{2})(-WE)?/.exec(value);
  if (m) return `${isoWeekMonday(+m[1], +m[2])}${m[3] ? 'W' : ''}`;
  if ((m = /^(\d{4})-Q([1-4])/.exec(value))) return `${m[1]}-${String(+m[2] * 3 - 2).padStart(2, '0')}`;
  if ((m = /^(\d{4})-H([12])/.exec(value))) return `${m[1]}-${m[2] === '1' ? '01' : '07'}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)/.exec(value))) return `${m[1]}-${SEASON_MONTH[m[2]]}`;
  if ((m = /^(\d{2,3})$/.exec(value))) return m[1].padEnd(4, '0');
  return value;
}

/** The dates as a timeline: calendar values oldest first, then durations, sets and vague references. */
export function inTimeOrder(dates: TemporalExpression[], dct: DocumentCreationTime | null): TemporalExpression[] {
  return dates
    .map((date) => ({ date, key: chronologicalKey(date, dct) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.date.start - b.date.start))
    .map(({ date }) => date);
}
