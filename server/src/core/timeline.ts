import { parseDateValue } from './dates/anchor';
import type { DocumentCreationTime, TemporalExpression, TimexType } from './model';

const SEASON_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A sort key that puts calendar values in time order (weeks, quarters, seasons and decades at
 * their start; a weekend after its week's weekdays) and durations, sets and vague values after them.
 */
function chronologicalKey(date: TemporalExpression, dct: DocumentCreationTime | null): string {
  const value = date.value === 'PRESENT_REF' && dct ? dct.value : date.value;
  if (date.type === 'DURATION' || date.type === 'SET' || !/^\d{2}/.test(value)) return `~${value}`;
  const season = /^(\d{4})-(SP|SU|FA|WI)/.exec(value);
  if (season) return `${season[1]}-${pad(SEASON_MONTH[season[2]])}`;
  const decadeOrCentury = /^(\d{2,3})$/.exec(value);
  if (decadeOrCentury) return decadeOrCentury[1].padEnd(4, '0');
  const parsed = parseDateValue(value.replace(/-WE$/, ''));
  if (!parsed || parsed.unit === 'D') return value;
  const { y, m, d } = parsed.date;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}${value.endsWith('-WE') ? 'W' : ''}`;
}

/**
 * `compute` made once per distinct type and value for the dates it is called on: a long document
 * repeats the same few values ("Tuesday", "last year") many times, and its outline is rebuilt after every edit.
 */
export function byValue<T>(compute: (date: TemporalExpression) => T): (date: TemporalExpression) => T {
  const byType = new Map<TimexType, Map<string, T>>();
  return (date) => {
    let values = byType.get(date.type);
    if (!values) {
      values = new Map();
      byType.set(date.type, values);
    }
    if (values.has(date.value)) return values.get(date.value) as T;
    const result = compute(date);
    values.set(date.value, result);
    return result;
  };
}

/** The dates as a timeline: calendar values oldest first, then durations, sets and vague references. */
export function inTimeOrder(dates: TemporalExpression[], dct: DocumentCreationTime | null): TemporalExpression[] {
  const keyOf = byValue((date) => chronologicalKey(date, dct));
  return dates
    .map((date) => ({ date, key: keyOf(date) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.date.start - b.date.start))
    .map(({ date }) => date);
}
