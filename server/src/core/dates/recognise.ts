/**
 * The date grammar: finds temporal expressions in a token stream, in the style of HeidelTime (patterns plus
 * normalisation functions). Each match carries a resolver that computes its TIMEX3 value once the anchor
 * (document creation time, last date mentioned, tense of the clause) is known.
 */
import lexicon from '../data/dates-lexicon.json';
import type { TimexType } from '../model';
import { addDays, easter, formatDate, isValidDate, nthWeekday, pad, type YMD } from './calendar';
import { parseDateValue, quarterOf, unitValue, weekdayDate, weekendValue, yearOfDay, yearOfMonth, type Unit } from './anchor';
import type { Tense } from './tense';
import type { Token } from './tokens';

export interface Context {
  dct: YMD;
  /** The last specific date value mentioned before this expression ("1989-Q3", "1998-08-07"), or the DCT. */
  ref: string;
  /** The last fiscal quarter or half the article named ("1989-Q3"): financial comparisons look back from it. */
  quarter?: string | null;
  tense(): Tense;
}

export interface Resolved {
  type: TimexType;
  value: string;
  mod?: string;
  /** Computed from the DCT or another date rather than written out in full. */
  relative: boolean;
  /** Not an anchor for later expressions: a comparison period ("a year earlier", "the year-ago quarter"), "overnight". */
  comparison?: boolean;
}

export type Resolver = (ctx: Context) => Resolved;

export interface Match {
  /** Token indices, end exclusive. */
  start: number;
  end: number;
  resolve: Resolver;
}

type Step = { end: number; resolve: Resolver } | null;

const MONTHS: Record<string, number> = lexicon.months;
const WEEKDAYS: Record<string, number> = lexicon.weekdays;
const NUMBERS: Record<string, number> = lexicon.numbers;
const ORDINALS: Record<string, number> = lexicon.ordinals;
const UNITS: Record<string, string> = lexicon.units;
const SEASONS: Record<string, string> = lexicon.seasons;
const PARTS_OF_DAY: Record<string, string> = lexicon.partsOfDay;
/** Words before "over" that make it "more than" a length of time ("lasted over a week", "for over a decade", "just over an hour"). */
const LENGTH_WORDS = new Set(lexicon.lengthWords);
const PLURAL_PARTS_OF_DAY: Record<string, string> = { mornings: 'MO', afternoons: 'AF', evenings: 'EV', nights: 'NI' };
const ZONES = new Set(lexicon.timeZones);
const HOLIDAYS: Record<string, string> = lexicon.holidays;
const SET_ADVERBS: Record<string, string> = lexicon.setAdverbs;
const REFERENCES: Record<string, string> = lexicon.references;
/** Nouns after which "current" is a term of accounting, not the present: "current account", "current assets". */
const CURRENT_NON_TEMPORAL = new Set(lexicon.currentNonTemporal);
const VAGUE = new Set(lexicon.vagueQuantities);
const HOLIDAY_FIRST_WORDS = new Set(Object.keys(HOLIDAYS).map((h) => h.split(/[ ']/)[0]));

/** Words after which a capitalised "May" or "March" is the month. */
const MONTH_CONTEXT = new Set(['in', 'of', 'since', 'until', 'till', 'by', 'from', 'to', 'through', 'last', 'next', 'this', 'early', 'late', 'mid', 'during', 'before', 'after', 'on', 'between', 'and', 'or', 'that', 'each', 'every', 'as', 'around', 'for', 'end', 'beginning', 'middle']);
const PRE_DEICTIC: Record<string, number> = { last: -1, past: -1, previous: -1, this: 0, current: 0, next: 1, coming: 1, following: 1 };
const DURATION_UNIT_CODES = new Set(['S', 'M', 'H', 'D', 'W', 'Y', 'E', 'C', 'L', 'Q', 'WE', '2W']);
const SET_CONTEXT = new Set(['million', 'billion', 'trillion', 'thousand', 'dollars', 'percent', 'times', 'twice', 'once', 'thrice', 'cents', 'barrels', 'tons']);
const APPROX_WORDS: Record<string, string> = {
  about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX', some: 'APPROX', nearly: 'LESS_THAN', almost: 'LESS_THAN', over: 'MORE_THAN', under: 'LESS_THAN', barely: 'LESS_THAN', just: '', only: '',
};
const THE_WORDS = new Set(['the', 'a', 'an', 'its', 'that']);
/** Prepositions before "about 1990" that make it "roughly 1990". */
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'from', 'until', 'till', 'by', 'before', 'after', 'to', 'of']);
const FISCAL_QUALIFIERS = new Set(['fiscal', 'latest', 'current', 'comparable', 'corresponding', 'calendar', 'same']);

const TIME_UNIT = new Set(['H', 'M', 'S']);
const MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'can', 'should', 'must']);
/** Words after "weekend" that show it is not a premodifier of a noun ("a weekend in Paris"). */
const NOT_NOUNS = new Set(['in', 'at', 'of', 'on', 'with', 'and', 'or', 'to', 'for', 'from', 'by', 'when', 'that', 'which', 'before', 'after', 'ago', 'earlier', 'later', 'away', 'off', 'is', 'was', 'will', 'the', 'a', 'an']);

/** "Sundays", "Fridays": every such day. */
const PLURAL_WEEKDAYS = new Map(Object.entries(WEEKDAYS).filter(([name]) => name.endsWith('day')).map(([name, wd]) => [`${name}s`, wd]));

/** Words that can begin an expression: everything else is skipped without trying the grammar. */
const START_WORDS = new Set([
  ...Object.keys(MONTHS), ...Object.keys(WEEKDAYS), ...Object.keys(NUMBERS), ...Object.keys(ORDINALS), ...Object.keys(UNITS),
  ...Object.keys(SEASONS), ...Object.keys(SET_ADVERBS), ...Object.keys(REFERENCES), ...Object.keys(PRE_DEICTIC), ...Object.keys(APPROX_WORDS),
  ...HOLIDAY_FIRST_WORDS, ...VAGUE, ...FISCAL_QUALIFIERS, ...PLURAL_WEEKDAYS.keys(),
  'the', 'that', 'its', 'a', 'an', 'per', 'every', 'each', 'today', 'yesterday', 'tomorrow', 'tonight', 'overnight', 'noon', 'midnight', 'midday',
  'early', 'earlier', 'late', 'later', 'mid', 'post', 'pre', 'at', 'more', 'less', 'fewer', 'no', 'up', 'right', 'these', 'as', 'most', 'until', 'very', 'then',
  'year', 'fiscal', 'calendar', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties',
]);

/**
 * Every expression contains a digit or one of these words, so text without them can be skipped untokenised.
 * Keep in step with the grammar: a new kind of expression needs its head word here.
 */
const HEAD_WORDS = [
  ...Object.keys(MONTHS), ...Object.keys(WEEKDAYS), ...PLURAL_WEEKDAYS.keys(), ...Object.keys(UNITS), ...Object.keys(SEASONS), ...Object.keys(SET_ADVERBS),
  ...Object.keys(REFERENCES), ...Object.keys(PARTS_OF_DAY), ...HOLIDAY_FIRST_WORDS, 'today', 'yesterday', 'tomorrow', 'tonight', 'overnight', 'noon', 'midnight',
  'midday', 'future', 'past', 'term', 'current', 'possible', 'a while', 'later date', 'every', 'each', 'thousand', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'twenties', 'thirties', 'forties', 'fifties', 'sixties',
  'seventies', 'eighties', 'nineties',
];
export const TRIGGER = new RegExp(`\\d|\\b(?:${[...new Set(HEAD_WORDS)].sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');

/** A calendar day, or its month when the day does not exist in that year ("February 29" of 2013). */
function dayValue(y: number, m: number, d: number): string {
  return isValidDate(y, m, d) ? formatDate({ y, m, d }) : `${pad(y, 4)}-${pad(m)}`;
}

/**
 * The tense that picks the year of a date written without one. With no cue in its clause, a story that has
 * just named a day still to come is looking ahead ("flights from March 30, and from August 6").
 */
function yearlessTense(ctx: Context): Tense {
  const tense = ctx.tense();
  if (tense !== null) return tense;
  const ref = parseDateValue(ctx.ref);
  return ref && ref.unit === 'D' && formatDate(ref.date) > formatDate(ctx.dct) ? 'future' : null;
}

/** "July 2" with no year: the year follows the tense, from the document creation time. */
function yearlessDay(end: number, m: number, d: number): Step {
  return { end, resolve: (ctx) => ({ type: 'DATE', value: dayValue(yearOfDay(ctx.dct, m, d, yearlessTense(ctx)), m, d), relative: true }) };
}

function longest(...steps: Step[]): Step {
  let best: Step = null;
  for (const step of steps) if (step && (!best || step.end > best.end)) best = step;
  return best;
}

function durationValue(n: number | 'X', code: string, timeUnit: boolean): string {
  if (n === 'X') {
    if (code === 'WE' || code === '2W') return 'PXW';
    if (code === 'Q') return 'PXM';
    return timeUnit ? `PTX${code}` : `PX${code}`;
  }
  if (code === '2W') return `P${n * 2}W`;
  // quarters and decades are written in months and years, as the annotated corpora do
  if (code === 'Q') return `P${n * 3}M`;
  if (code === 'E') return `P${n * 10}Y`;
  if (code === 'WE') return `P${n * 2}D`;
  if (!Number.isInteger(n)) {
    // "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M
    const whole = Math.floor(n);
    const finer: Record<string, [string, number]> = { Y: ['M', 12], M: timeUnit ? ['S', 60] : ['D', 30], D: ['H', 24], H: ['M', 60], W: ['D', 7] };
    const next = finer[code];
    if (next) {
      const rest = Math.round((n - whole) * next[1]);
      const head = whole > 0 ? `${whole}${code}` : '';
      return code === 'D' ? `P${head}T${rest}H` : `P${timeUnit ? 'T' : ''}${head}${rest}${next[0]}`;
    }
  }
  return `P${timeUnit ? 'T' : ''}${n}${code}`;
}

/**
 * The quarter (or half) a financial comparison looks back from: the last date named if it is a quarter with results
 * (begun by the DCT; "the third quarter of 1990" is a forecast), else the last such quarter named.
 */
function reportedQuarter(ctx: Context): { date: YMD; unit: Unit } | null {
  const ref = parseDateValue(ctx.ref);
  if (ref && (ref.unit === 'Q' || ref.unit === 'H') && formatDate(ref.date) <= formatDate(ctx.dct)) return ref;
  return ctx.quarter ? parseDateValue(ctx.quarter) : null;
}

/** "the 1988 period": in a quarterly report, that year's instance of the quarter reported on; else the year. */
function yearsPeriod(y: number): Resolver {
  return (ctx) => {
    const quarter = ctx.quarter ? parseDateValue(ctx.quarter) : null;
    if (!quarter) return { type: 'DATE', value: pad(y, 4), relative: false };
    return { type: 'DATE', value: unitValue(quarter.unit, { ...quarter.date, y }, 0), relative: true, comparison: y !== quarter.date.y };
  };
}

/** Hides the anchor-derived digits when no DCT is known. */
export function floating(value: string): string {
  return value.replace(/\d/g, 'X');
}

export class Grammar {
  constructor(private readonly t: Token[]) {}

  // ------------------------------------------------------------------------------------------ token tests

  private w(i: number): string {
    return this.t[i]?.lower ?? '';
  }

  private isCap(i: number): boolean {
    const c = this.t[i]?.text.charCodeAt(0) ?? 0;
    return c >= 65 && c <= 90;
  }

  /** Token i directly follows token i-1 with no space ("third-quarter", "a.m."). */
  private tight(i: number): boolean {
    return i < this.t.length && !this.t[i].gap;
  }

  private punct(i: number, chars: string): boolean {
    const tok = this.t[i];
    return !!tok && tok.kind === 'punct' && chars.includes(tok.text);
  }

  private num(i: number): number | null {
    const tok = this.t[i];
    return tok && tok.kind === 'num' ? Number(tok.text) : null;
  }

  /** Token i opens a sentence or a quotation. */
  private sentenceStart(i: number): boolean {
    return i === 0 || this.punct(i - 1, '.!?;:"“`\'');
  }

  /** Token i is a word that a premodifier before it can qualify: "current [crisis]", not "current [in] the river". */
  private premodifies(i: number): boolean {
    const next = this.t[i];
    return !!next && next.kind === 'word' && next.gap && !NOT_NOUNS.has(next.lower);
  }

  /** ABC's "This Week", CBS's "60 Minutes": a capitalised unit in a title that opens a quotation at `start`. */
  private quotedTitle(start: number, unit: number): boolean {
    return this.isCap(unit) && start > 0 && this.punct(start - 1, '"“`\'‘');
  }

  /** A hyphen (or dash typed as one) joining two words: "third-quarter", "mid-1990s". */
  private hyphen(i: number): boolean {
    return this.punct(i, '-‐') && this.tight(i) && this.tight(i + 1);
  }

  // ------------------------------------------------------------------------------------------ numbers

  /** A cardinal: "20", "2 1/2", "twenty-four", "a", "a couple of", "two hundred"; vague ones give 'X'. */
  private number(i: number, allowArticle = true): { n: number | 'X'; end: number; approx?: boolean } | null {
    const digits = this.num(i);
    if (digits !== null) {
      if (this.t[i].text.length > 6) return null;
      // 2 1/2
      if (this.num(i + 1) !== null && this.punct(i + 2, '/') && this.tight(i + 2) && this.num(i + 3) !== null && this.tight(i + 3)) {
        const frac = (this.num(i + 1) ?? 0) / (this.num(i + 3) || 1);
        if (frac < 1) return { n: digits + frac, end: i + 4 };
      }
      if (this.punct(i + 1, '.') && this.tight(i + 1) && this.num(i + 2) !== null && this.tight(i + 2)) {
        return { n: Number(`${digits}.${this.t[i + 2].text}`), end: i + 3 };
      }
      if (this.punct(i + 1, ',:/') && this.tight(i + 1) && this.num(i + 2) !== null && this.tight(i + 2)) return null;
      return { n: digits, end: i + 1 };
    }
    const word = this.w(i);
    if (word === 'a' || word === 'an') {
      if (!allowArticle) return null;
      if (this.w(i + 1) === 'couple' && this.w(i + 2) === 'of') return { n: 2, end: i + 3, approx: true };
      if (this.w(i + 1) === 'few') return { n: 'X', end: i + 2 };
      if (this.w(i + 1) === 'half' && this.w(i + 2) !== 'century') return { n: 0.5, end: i + 2 };
      if (this.w(i + 1) === 'hundred' || this.w(i + 1) === 'thousand' || this.w(i + 1) === 'dozen') return { n: NUMBERS[this.w(i + 1)], end: i + 2 };
      return { n: 1, end: i + 1 };
    }
    if (VAGUE.has(word) && word !== 'past' && word !== 'recent' && word !== 'coming') return { n: 'X', end: i + 1 };
    if (!(word in NUMBERS) || word === 'half' || word === 'couple') return null;
    let n = NUMBERS[word];
    let end = i + 1;
    // twenty-four, twenty four
    if (n >= 20 && n < 100) {
      const j = this.hyphen(end) ? end + 1 : end;
      const next = NUMBERS[this.w(j)];
      if (next !== undefined && next > 0 && next < 10 && this.t[j].kind === 'word' && this.w(j) !== 'a') {
        n += next;
        end = j + 1;
      }
    }
    if (this.w(end) === 'hundred' || this.w(end) === 'thousand') {
      n *= NUMBERS[this.w(end)];
      end++;
    }
    if (this.w(end) === 'and' && this.w(end + 1) === 'a' && this.w(end + 2) === 'half') return { n: n + 0.5, end: end + 3 };
    return { n, end };
  }

  /** A year: "1998", "'98" (with the apostrophe), "nineteen ninety-one", "two thousand". */
  private year(i: number): { y: number; end: number } | null {
    const tok = this.t[i];
    if (!tok) return null;
    if (tok.kind === 'num') {
      if (tok.text.length !== 4) return null;
      const y = Number(tok.text);
      if (y < 1000 || y > 2199) return null;
      if (this.punct(i + 1, ',.:/') && this.tight(i + 1) && this.num(i + 2) !== null && this.tight(i + 2)) return null;
      if (this.punct(i + 1, '%')) return null;
      if (this.punct(i - 1, '$#£€') || (this.punct(i - 1, ',.') && !this.t[i].gap && this.num(i - 2) !== null)) return null;
      return { y, end: i + 1 };
    }
    if (tok.text === "'" || tok.text === '’') {
      const next = this.t[i + 1];
      // "CBS's '60 Minutes'": a count of units in quotation marks, not a year
      if (next && next.kind === 'num' && next.text.length === 2 && this.tight(i + 1) && !UNITS[this.w(i + 2)]) {
        const yy = Number(next.text);
        return { y: yy >= 30 ? 1900 + yy : 2000 + yy, end: i + 2 };
      }
      return null;
    }
    // nineteen ninety-one; two thousand (and) eight
    const word = this.w(i);
    if (word === 'two' && this.w(i + 1) === 'thousand') {
      let end = i + 2;
      if (this.w(end) === 'and') end++;
      const rest = this.number(end, false);
      if (rest && rest.n !== 'X' && rest.n < 100 && this.t[end].kind === 'word') return { y: 2000 + rest.n, end: rest.end };
      return { y: 2000, end: i + 2 };
    }
    const century = NUMBERS[word];
    if (century >= 10 && century <= 20 && tok.kind === 'word') {
      const rest = this.number(i + 1, false);
      if (rest && rest.n !== 'X' && rest.n >= 10 && rest.n < 100 && this.t[i + 1].kind === 'word') return { y: century * 100 + rest.n, end: rest.end };
    }
    return null;
  }

  /** A day of the month: "2", "2nd", "second" (words only after a month). */
  private day(i: number, words: boolean): { d: number; end: number } | null {
    const n = this.num(i);
    if (n !== null) {
      if (n < 1 || n > 31 || this.t[i].text.length > 2) return null;
      if (['st', 'nd', 'rd', 'th'].includes(this.w(i + 1)) && this.tight(i + 1)) return { d: n, end: i + 2 };
      if (this.punct(i + 1, ':/') && this.tight(i + 1) && this.num(i + 2) !== null && this.tight(i + 2)) return null;
      if (this.punct(i + 1, '.,') && this.tight(i + 1) && this.num(i + 2) !== null && this.tight(i + 2)) return null;
      return { d: n, end: i + 1 };
    }
    if (!words) return null;
    const ordinal = ORDINALS[this.w(i)];
    if (ordinal && ordinal > 0) {
      // twenty-first
      return { d: ordinal, end: i + 1 };
    }
    const tens = NUMBERS[this.w(i)];
    if ((tens === 20 || tens === 30) && this.hyphen(i + 1)) {
      const o = ORDINALS[this.w(i + 2)];
      if (o && o > 0 && o < 10) return { d: tens + o, end: i + 3 };
    }
    return null;
  }

  /** A month name: capitalised; "May"/"March" only where a month is expected; "Jan" only with "." or a number. */
  private month(i: number): { m: number; end: number } | null {
    const word = this.w(i);
    const m = MONTHS[word];
    if (!m || !this.isCap(i)) return null;
    let end = i + 1;
    const full = word.length > 4 || word === 'may' || word === 'june' || word === 'july';
    if (!full) {
      if (this.punct(end, '.') && this.tight(end)) end++;
      else if (this.num(end) === null) return null;
    }
    // "the March accession", "the May deadline": the month as a premodifier
    const premodifier = this.w(i - 1) === 'the' && this.premodifies(end) && !/^[A-Z]/.test(this.t[end].text);
    if ((word === 'may' || word === 'march') && this.num(end) === null && this.year(end) === null && !MONTH_CONTEXT.has(this.w(i - 1)) && !premodifier) {
      return null;
    }
    return { m, end };
  }

  private weekday(i: number): { wd: number; end: number } | null {
    const word = this.w(i);
    const wd = WEEKDAYS[word];
    if (!wd || !this.isCap(i)) return null;
    if (word.length <= 4) {
      if (!(this.punct(i + 1, '.') && this.tight(i + 1))) return null;
      return { wd, end: i + 2 };
    }
    if (word === 'sun' || word === 'sat' || word === 'wed') return null;
    return { wd, end: i + 1 };
  }

  private partOfDay(i: number): { pod: string; end: number } | null {
    const word = this.w(i);
    if (word === 'night' || word === 'morning' || word === 'afternoon' || word === 'evening') return { pod: PARTS_OF_DAY[word], end: i + 1 };
    return null;
  }

  // ------------------------------------------------------------------------------------------ dates

  /** "July 2", "Jul 02, 2013", "July 2013", "July", "July last year". */
  private monthDate(i: number): Step {
    const month = this.month(i);
    if (!month) return null;
    const { m } = month;
    let end = month.end;
    const day = this.day(end, true);
    if (day && (this.num(end) !== null || this.isCap(i))) {
      const d = day.d;
      end = day.end;
      let j = end;
      if (this.punct(j, ',')) j++;
      const year = this.year(j);
      if (year && (this.num(j) !== null || this.t[j].text === "'")) {
        const y = year.y;
        if (!isValidDate(y, m, d)) return null;
        return { end: year.end, resolve: () => ({ type: 'DATE', value: formatDate({ y, m, d }), relative: false }) };
      }
      if (this.num(end - 1) === null && !ORDINALS[this.w(end - 1)]) return null;
      return yearlessDay(end, m, d);
    }
    let j = end;
    if (this.punct(j, ',') || this.w(j) === 'of') j++;
    const year = this.year(j);
    if (year && (this.t[j].kind !== 'word' || year.end - j >= 2)) return { end: year.end, resolve: () => ({ type: 'DATE', value: `${pad(year.y, 4)}-${pad(m)}`, relative: false }) };
    // "July last year", "January this year"
    const shift = PRE_DEICTIC[this.w(end)];
    if (shift !== undefined && this.w(end + 1) === 'year' && this.w(end) !== 'coming' && this.w(end) !== 'following') {
      return { end: end + 2, resolve: (ctx) => ({ type: 'DATE', value: `${pad(ctx.dct.y + shift, 4)}-${pad(m)}`, relative: true }) };
    }
    return { end, resolve: (ctx) => ({ type: 'DATE', value: `${pad(yearOfMonth(ctx.dct, m, yearlessTense(ctx)), 4)}-${pad(m)}`, relative: true }) };
  }

  /** The second day of "April 24 and 25" or "Oct. 12 or 13": a day of the month just named. */
  private secondDay(i: number): Step {
    const w = this.w(i - 1);
    if (w !== 'and' && w !== 'or') return null;
    const day = this.day(i, false);
    const first = this.num(i - 2);
    if (!day || first === null || this.t[i - 2].text.length > 2 || this.num(day.end) !== null || UNITS[this.w(day.end)] || this.punct(day.end, '%') || this.w(day.end) === 'percent') return null;
    const month = this.month(i - 3) ?? (this.punct(i - 3, '.') ? this.month(i - 4) : null);
    if (!month || month.end !== i - 2) return null;
    const m = month.m;
    const d = day.d;
    return yearlessDay(day.end, m, d);
  }

  /** "2 July 2013", "the 2nd of July", "2nd July". */
  private dayMonth(i: number): Step {
    let j = i;
    if (this.w(j) === 'the') j++;
    const day = this.day(j, j > i);
    if (!day) return null;
    let k = day.end;
    if (this.w(k) === 'of') k++;
    const month = this.month(k);
    if (!month) {
      // "the 2nd": a day of the current month
      if (j > i && this.num(j) !== null && day.end === j + 2 && (this.punct(day.end, '.,;)') || day.end >= this.t.length)) {
        const d = day.d;
        return {
          end: day.end,
          resolve: (ctx) => {
            const { y, m } = ctx.dct;
            return { type: 'DATE', value: dayValue(y, m, d), relative: true };
          },
        };
      }
      return null;
    }
    const { m } = month;
    const d = day.d;
    let end = month.end;
    if (this.punct(end, ',')) end++;
    const year = this.year(end);
    if (year && this.t[end].kind !== 'word') {
      if (!isValidDate(year.y, m, d)) return null;
      return { end: year.end, resolve: () => ({ type: 'DATE', value: formatDate({ y: year.y, m, d }), relative: false }) };
    }
    return yearlessDay(month.end, m, d);
  }

  /** "2013-07-02", "7/2/13", "07/02/2013", "02.07.2013". */
  private numericDate(i: number): Step {
    const a = this.num(i);
    if (a === null) return null;
    const sep = this.t[i + 1]?.text;
    if (!sep || !'-/.'.includes(sep) || !this.tight(i + 1) || !this.tight(i + 2) || !this.tight(i + 3) || !this.tight(i + 4)) return null;
    const b = this.num(i + 2);
    const c = this.num(i + 4);
    if (b === null || c === null || this.t[i + 3].text !== sep) return null;
    if (this.num(i + 6) !== null && this.tight(i + 5) && this.tight(i + 6) && this.punct(i + 5, '-/.')) return null;
    let y: number;
    let m: number;
    let d: number;
    if (this.t[i].text.length === 4) [y, m, d] = [a, b, c];
    else if (sep === '.') [d, m, y] = [a, b, c];
    else [m, d, y] = [a, b, c];
    const cText = this.t[i + 4].text;
    if (this.t[i].text.length !== 4) {
      if (cText.length === 2) y = y >= 30 ? 1900 + y : 2000 + y;
      else if (cText.length !== 4) return null;
    }
    if (!isValidDate(y, m, d)) return null;
    return { end: i + 5, resolve: () => ({ type: 'DATE', value: formatDate({ y, m, d }), relative: false }) };
  }

  /** "Tuesday", "Tuesday night", "Tuesday, July 2, 2013", "Friday Oct. 13". */
  private weekdayDate(i: number): Step {
    const wd = this.weekday(i);
    if (!wd || this.pluralPartAfter(i)) return null;
    let j = wd.end;
    if (this.punct(j, ',')) j++;
    if (this.w(j) === 'the') j++;
    const explicit = this.monthDate(j) ?? this.dayMonth(j);
    if (explicit && (this.num(explicit.end - 1) !== null || ORDINALS[this.w(explicit.end - 1)])) return explicit;
    const pod = this.partOfDay(wd.end);
    // The tense of the clause picks the week: "said Friday" is the last Friday, "will meet Friday" the next.
    // A possessive names an event already reported ("Friday's trading", "Wednesday's ruling"), whatever the clause
    // says, unless it is still awaited ("ahead of Tuesday's primary").
    const awaited = this.w(i - 1) === 'of' && this.w(i - 2) === 'ahead';
    const possessive = this.punct(wd.end, "'’") && this.tight(wd.end) && this.w(wd.end + 1) === 's' && !awaited;
    const weekdayValue = (ctx: Context): string => formatDate(weekdayDate(ctx.dct, wd.wd, possessive ? 'past' : ctx.tense()));
    if (pod) return { end: pod.end, resolve: (ctx) => ({ type: 'TIME', value: `${weekdayValue(ctx)}T${pod.pod}`, relative: true }) };
    return { end: wd.end, resolve: (ctx) => ({ type: 'DATE', value: weekdayValue(ctx), relative: true }) };
  }

  /** "last Friday", "next Tuesday", "this coming Sunday". */
  private deicticWeekday(i: number, shift: number, j: number): Step {
    const wd = this.weekday(j);
    if (!wd) return null;
    let end = wd.end;
    let pod: string | null = null;
    const p = this.partOfDay(end);
    if (p) {
      pod = p.pod;
      end = p.end;
    }
    return {
      end,
      resolve: (ctx) => {
        let tense: Tense | 'strict-past' | 'strict-future' = shift < 0 ? 'strict-past' : shift > 0 ? 'strict-future' : ctx.tense() === 'past' ? 'past' : 'future';
        if (this.w(i) === 'this' && this.w(i + 1) === 'past') tense = 'strict-past';
        const value = formatDate(weekdayDate(ctx.dct, wd.wd, tense));
        return pod ? { type: 'TIME', value: `${value}T${pod}`, relative: true } : { type: 'DATE', value, relative: true };
      },
    };
  }

  /** "1998", "the 1990s", "the '80s", "the nineties", "the 20th century", "the year 2000", "fiscal 1989". */
  private yearish(i: number): Step {
    let j = i;
    const the = this.w(j) === 'the';
    if (the) j++;
    if (this.w(j) === 'year' && (this.num(j + 1) !== null || this.year(j + 1))) j++;
    const fiscal = this.w(j) === 'fiscal' && !this.hyphen(j + 1);
    if (fiscal) j++;
    // decades: 1990s, '80s, 1990's
    const year = this.year(j);
    if (year) {
      let end = year.end;
      if (this.punct(end, "'") && this.tight(end) && this.w(end + 1) === 's') end++;
      if (this.w(end) === 's' && this.tight(end)) {
        const decade = Math.floor(year.y / 10);
        if (year.y % 10 !== 0) return null;
        return { end: end + 1, resolve: () => ({ type: 'DATE', value: pad(decade, 3), relative: false }) };
      }
      if (the && !fiscal && this.w(j - 1) !== 'year' && !this.periodNoun(year.end)) return null;
      if (!fiscal && this.t[j].kind === 'num' && year.y < 1500 && !MONTH_CONTEXT.has(this.w(i - 1))) return null;
      const y = year.y;
      // "the 1988 period", "the 1989 third quarter"
      if (the && this.periodNoun(year.end)) {
        const q = this.quarterPhrase(year.end, y);
        if (q) return q;
        return { end: year.end + 1, resolve: yearsPeriod(y) };
      }
      return { end: year.end, resolve: () => ({ type: 'DATE', value: pad(y, 4), relative: false }) };
    }
    const word = this.w(j);
    const decades: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
    if (the && decades[word]) return { end: j + 1, resolve: (ctx) => ({ type: 'DATE', value: pad(Math.floor(ctx.dct.y / 100) * 10 + decades[word], 3), relative: true }) };
    // the 20th century, the nineteenth century
    const ordinal = this.num(j) !== null && ['st', 'nd', 'rd', 'th'].includes(this.w(j + 1)) && this.tight(j + 1) ? { n: this.num(j) ?? 0, end: j + 2 } : ORDINALS[word] > 0 ? { n: ORDINALS[word], end: j + 1 } : null;
    if (ordinal && (this.w(ordinal.end) === 'century' || (this.hyphen(ordinal.end) && this.w(ordinal.end + 1) === 'century'))) {
      const end = this.w(ordinal.end) === 'century' ? ordinal.end + 1 : ordinal.end + 2;
      return { end, resolve: () => ({ type: 'DATE', value: pad(ordinal.n - 1, 2), relative: false }) };
    }
    return null;
  }

  private periodNoun(i: number): boolean {
    const word = this.w(i);
    return word === 'period' || word === 'quarter' || word === 'first' || word === 'second' || word === 'third' || word === 'fourth' || word === 'half' || word === 'fiscal' || word === 'results';
  }

  /** "third quarter", "third-quarter", "first half", "fiscal first quarter" … after a known year or qualifier. */
  private quarterPhrase(i: number, year: number | null, yearShift = 0): Step {
    let j = i;
    if (this.w(j) === 'fiscal' || this.w(j) === 'calendar') j += this.hyphen(j + 1) ? 2 : 1;
    const ordinal = ORDINALS[this.w(j)];
    if (!ordinal) {
      if (year !== null && this.w(j) === 'period') return { end: j + 1, resolve: yearsPeriod(year) };
      return null;
    }
    // "the first two quarters of 1990" is its first half
    if (this.w(j + 1) === 'two' && this.w(j + 2) === 'quarters' && this.w(j + 3) === 'of' && (ordinal === 1 || ordinal === -1)) {
      const y = this.year(j + 4);
      if (y && this.t[j + 4].kind === 'num') return { end: y.end, resolve: () => ({ type: 'DATE', value: `${pad(y.y, 4)}-H${ordinal === 1 ? 1 : 2}`, relative: false }) };
    }
    let k = j + 1;
    if (this.hyphen(k)) k++;
    const noun = this.w(k);
    let unit: 'Q' | 'H';
    if (noun === 'quarter' || noun === 'qtr') unit = 'Q';
    else if (noun === 'half') unit = 'H';
    else return null;
    if (ordinal === -1 && unit === 'Q') return null;
    const n = ordinal === -1 ? 2 : ordinal;
    if ((unit === 'Q' && n > 4) || (unit === 'H' && n > 2)) return null;
    let end = k + 1;
    let explicitYear = year;
    // "the second half of July": the month's start or end
    if (unit === 'H' && this.w(end) === 'of' && this.month(end + 1)) {
      const month = this.monthDate(end + 1);
      const mod = n === 1 ? 'START' : 'END';
      if (month) return { end: month.end, resolve: (ctx) => ({ ...month.resolve(ctx), mod }) };
    }
    // "the second half of the 1990s": a decade's start or end
    if (unit === 'H' && this.w(end) === 'of' && this.w(end + 1) === 'the') {
      const decade = this.yearish(end + 1);
      if (decade) {
        const mod = n === 1 ? 'START' : 'END';
        return {
          end: decade.end,
          resolve: (ctx) => {
            const r = decade.resolve(ctx);
            return /^\d{2,3}$/.test(r.value) ? { ...r, mod } : r;
          },
        };
      }
    }
    if (this.w(end) === 'of' || this.punct(end, ',')) {
      let m = end + 1;
      if (this.w(m) === 'fiscal') m++;
      const y = this.year(m);
      if (y && this.t[m].kind === 'num') {
        explicitYear = y.y;
        end = y.end;
      } else if (this.w(m) === 'this' && this.w(m + 1) === 'year') end = m + 2;
      else if (this.w(m) === 'last' && this.w(m + 1) === 'year') {
        end = m + 2;
        yearShift = -1;
      } else if (this.w(m) === 'next' && this.w(m + 1) === 'year') {
        end = m + 2;
        yearShift = 1;
      }
    }
    const label = `${unit}${n}`;
    return {
      end,
      resolve: (ctx) => {
        if (explicitYear !== null) return { type: 'DATE', value: `${pad(explicitYear + yearShift, 4)}-${label}`, relative: false };
        let y = ctx.dct.y + yearShift;
        // A quarter not yet begun is last year's, unless the clause looks ahead.
        const current = unit === 'Q' ? quarterOf(ctx.dct) : ctx.dct.m > 6 ? 2 : 1;
        if (yearShift === 0 && n > current && ctx.tense() !== 'future') y--;
        return { type: 'DATE', value: `${pad(y, 4)}-${label}`, relative: true };
      },
    };
  }

  /** "today", "yesterday morning", "tomorrow", "tonight", "last night", "this morning". */
  private dayWord(i: number): Step {
    const word = this.w(i);
    const offsets: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1, tonight: 0 };
    if (word in offsets) {
      // the newspaper USA Today
      if (word === 'today' && this.t[i - 1]?.text === 'USA' && this.isCap(i)) return null;
      const offset = offsets[word];
      if (word === 'tonight') return { end: i + 1, resolve: (ctx) => ({ type: 'TIME', value: `${unitValue('D', ctx.dct, 0)}TNI`, relative: true }) };
      const pod = this.partOfDay(i + 1);
      if (pod) return { end: pod.end, resolve: (ctx) => ({ type: 'TIME', value: `${unitValue('D', ctx.dct, offset)}T${pod.pod}`, relative: true }) };
      return { end: i + 1, resolve: (ctx) => ({ type: 'DATE', value: unitValue('D', ctx.dct, offset), relative: true }) };
    }
    // an adverb of manner as much as of time: it does not move the narrative's anchor day
    if (word === 'overnight') return { end: i + 1, resolve: (ctx) => ({ type: 'TIME', value: `${unitValue('D', ctx.dct, -1)}TNI`, relative: true, comparison: true }) };
    if ((word === 'this' || word === 'last') && this.partOfDay(i + 1)) {
      const pod = this.partOfDay(i + 1);
      if (!pod) return null;
      const offset = word === 'last' ? -1 : 0;
      if (word === 'last' && pod.pod !== 'NI' && pod.pod !== 'EV') return null;
      return { end: pod.end, resolve: (ctx) => ({ type: 'TIME', value: `${unitValue('D', ctx.dct, offset)}T${pod.pod}`, relative: true }) };
    }
    return null;
  }

  /** "mid-afternoon yesterday", "by mid afternoon", "in the morning": a part of the day named after it, or last named. */
  private dayPart(i: number): Step {
    let j = i;
    if (this.w(j) === 'mid') j += this.hyphen(j + 1) ? 2 : 1;
    else if (this.w(j) === 'the' && this.w(i - 1) === 'in') j++;
    else return null;
    const pod = this.partOfDay(j);
    if (!pod || pod.pod === 'NI') return null;
    const day = this.dayWord(pod.end) ?? this.weekdayDate(pod.end);
    return {
      end: day ? day.end : pod.end,
      resolve: (ctx) => {
        if (day) return { type: 'TIME', value: `${day.resolve(ctx).value.slice(0, 10)}T${pod.pod}`, relative: true };
        const ref = parseDateValue(ctx.ref);
        return { type: 'TIME', value: `${formatDate(ref && ref.unit === 'D' ? ref.date : ctx.dct)}T${pod.pod}`, relative: true };
      },
    };
  }

  /** Holidays: "Thanksgiving", "Christmas Day", "Election Day", "last Thanksgiving". */
  private holiday(i: number, shift: number | null): Step {
    if (!this.isCap(i) || !HOLIDAY_FIRST_WORDS.has(this.w(i))) return null;
    let best: { end: number; key: string } | null = null;
    let phrase = '';
    for (let j = i; j < i + 4 && j < this.t.length; j++) {
      const tok = this.t[j];
      phrase += tok.kind === 'punct' ? tok.lower : (phrase && !phrase.endsWith("'") ? ' ' : '') + tok.lower;
      if (HOLIDAYS[phrase] && this.isCap(i)) best = { end: j + 1, key: HOLIDAYS[phrase] };
    }
    if (!best) return null;
    const key = best.key;
    const dateIn = (y: number): YMD => {
      if (key === 'thanksgiving') return nthWeekday(y, 11, 4, 4);
      if (key === 'easter') return easter(y);
      if (key === 'easter-2') return addDays(easter(y), -2);
      if (key === 'election') return addDays(nthWeekday(y, 11, 1, 1), 1);
      if (key === 'labor') return nthWeekday(y, 9, 1, 1);
      if (key === 'memorial') return nthWeekday(y, 5, 1, -1);
      const [m, d] = key.split('-').map(Number);
      return { y, m, d };
    };
    const week = this.w(best.end) === 'week';
    return {
      end: week ? best.end + 1 : best.end,
      resolve: (ctx) => {
        const dct = ctx.dct;
        const tense = shift === -1 ? 'past' : shift === 1 ? 'future' : ctx.tense();
        const near = dateIn(dct.y);
        let date = near;
        if (shift === -1 && formatDate(near) >= formatDate(dct)) date = dateIn(dct.y - 1);
        else if (shift === 1 && formatDate(near) <= formatDate(dct)) date = dateIn(dct.y + 1);
        else if (shift === null) date = dateIn(yearOfDay(dct, near.m, near.d, tense));
        return { type: 'DATE', value: week ? unitValue('W', date, 0) : formatDate(date), relative: true };
      },
    };
  }

  /** Seasons: "summer", "last fall", "the winter of 1994". */
  private season(i: number, shift: number | null): Step {
    const code = SEASONS[this.w(i)];
    if (!code) return null;
    let end = i + 1;
    let j = end;
    if (this.w(j) === 'of' || this.hyphen(j)) j++;
    const year = this.year(j);
    if (year && (this.t[j].kind === 'num' || this.w(j - 1) === 'of')) {
      return { end: year.end, resolve: () => ({ type: 'DATE', value: `${pad(year.y, 4)}-${code}`, relative: false }) };
    }
    if (shift === null && !(this.w(i - 1) === 'the' || this.w(i - 1) === 'this' || this.w(i - 1) === 'early' || this.w(i - 1) === 'late' || this.w(i - 1) === 'mid')) return null;
    return {
      end,
      resolve: (ctx) => {
        let y = ctx.dct.y + (shift ?? 0);
        if (shift === null && ctx.tense() === 'past' && code === 'WI' && ctx.dct.m < 3) y--;
        return { type: 'DATE', value: `${pad(y, 4)}-${code}`, relative: true };
      },
    };
  }

  /**
   * Deictic phrases: "this week", "last month", "next year", "the past year", "the previous day", "the following
   * month", "that year", "the same day", "the current quarter", "last April", "last Friday", "this summer".
   */
  private deictic(i: number): Step {
    let j = i;
    const the = this.w(j) === 'the';
    if (the) j++;
    let word = this.w(j);
    let shift = PRE_DEICTIC[word];
    let fromRef = word === 'following' || word === 'previous';
    // "that same day" is "the same day"
    if (word === 'that' && this.w(j + 1) === 'same' && !the) word = this.w(++j);
    else if ((word === 'that' || word === 'same') && the !== (word === 'same')) return null;
    if (word === 'that' || word === 'same') {
      shift = 0;
      fromRef = true;
    }
    if (shift === undefined) return null;
    if ((word === 'past' || word === 'previous' || word === 'following' || word === 'current') && !the && !(word === 'past' && this.w(j - 1) === 'this')) {
      if (!(word === 'current' && this.w(j + 1) === 'year')) return null;
    }
    if (the && (word === 'this' || word === 'next' || word === 'coming')) {
      if (word !== 'next' || (this.w(j + 1) !== 'day' && !this.partOfDay(j + 1))) return null;
    }
    j++;
    // "this past spring", "this coming Sunday"
    if (word === 'this' && (this.w(j) === 'past' || this.w(j) === 'coming')) {
      shift = this.w(j) === 'past' ? -1 : 1;
      word = this.w(j);
      j++;
    }
    const weekdayStep = this.deicticWeekday(i, word === 'this' ? 0 : shift, j);
    if (weekdayStep) {
      // "this coming Sunday, March eighth"
      let k = weekdayStep.end;
      if (this.punct(k, ',')) k++;
      const explicit = this.monthDate(k);
      if (explicit && (this.num(explicit.end - 1) !== null || ORDINALS[this.w(explicit.end - 1)])) return explicit;
      if (!fromRef) return weekdayStep;
      const wd = this.weekday(j);
      if (!wd || shift === 0) return null;
      return {
        end: wd.end,
        resolve: (ctx) => {
          const parsed = parseDateValue(ctx.ref);
          const base = parsed && parsed.unit === 'D' ? parsed.date : ctx.dct;
          return { type: 'DATE', value: formatDate(weekdayDate(base, wd.wd, shift < 0 ? 'strict-past' : 'strict-future')), relative: true };
        },
      };
    }
    const holiday = this.holiday(j, shift);
    if (holiday) return holiday;
    const seasonStep = SEASONS[this.w(j)] ? this.season(j, word === 'this' || this.w(j - 2) === 'this' ? 0 : shift) : null;
    if (seasonStep) return seasonStep;
    const monthStep = this.month(j);
    if (monthStep && !fromRef && this.num(monthStep.end) === null) {
      const m = monthStep.m;
      const sh = shift;
      return {
        end: monthStep.end,
        resolve: (ctx) => {
          const dct = ctx.dct;
          let y = dct.y;
          // the month just gone is "last month": "last February" written in March is a year before
          if (sh < 0) y = m < dct.m - 1 ? dct.y : dct.y - 1;
          else if (sh > 0) y = m > dct.m ? dct.y : dct.y + 1;
          return { type: 'DATE', value: `${pad(y, 4)}-${pad(m)}`, relative: true };
        },
      };
    }
    // "this year's third quarter", "last year's quarter"
    if (this.w(j) === 'year' && this.punct(j + 1, "'") && this.w(j + 2) === 's' && word !== 'past') {
      const yearShift = word === 'last' || word === 'previous' ? -1 : word === 'next' ? 1 : 0;
      const q = this.quarterPhrase(j + 3, null, yearShift);
      if (q) return q;
      if (this.w(j + 3) === 'quarter' || this.w(j + 3) === 'period') {
        return {
          end: j + 4,
          resolve: (ctx) => {
            const parsed = parseDateValue(ctx.ref);
            const base = parsed && parsed.unit === 'Q' ? parsed.date : addDays(ctx.dct, -91);
            return { type: 'DATE', value: unitValue('Q', { ...base, y: ctx.dct.y + yearShift }, 0), relative: true };
          },
        };
      }
    }
    if (word === 'current' || word === 'last' || word === 'this' || word === 'next' || word === 'past') {
      const q = this.quarterPhrase(j, null, word === 'last' ? -1 : word === 'next' ? 1 : 0);
      if (q && (word !== 'past' && word !== 'last' || !the)) return q;
    }
    let k = j;
    if (this.w(k) === 'fiscal' && !this.hyphen(k + 1)) k++;
    const unitWord = this.w(k);
    if (this.quotedTitle(i, k)) return null;
    // "the next morning", "that evening": a part of the day after (or of) the one last named
    const pod = this.partOfDay(k);
    if (pod && (fromRef || (word === 'next' && the))) {
      const dayShift = shift;
      return {
        end: pod.end,
        resolve: (ctx) => {
          const parsed = parseDateValue(ctx.ref);
          const base = parsed && parsed.unit === 'D' ? parsed.date : ctx.dct;
          return { type: 'TIME', value: `${unitValue('D', base, dayShift)}T${pod.pod}`, relative: true };
        },
      };
    }
    let unit = UNITS[unitWord] as Unit | undefined;
    if (unitWord === 'day' || unitWord === 'night') unit = 'D';
    if (!unit || !['D', 'W', 'WE', 'M', 'Q', 'Y', 'E', 'C'].includes(unit) || unitWord.endsWith('s')) return null;
    if (unit === 'D' && !fromRef && !(word === 'next' && the)) return null;
    if (unitWord === 'night' && !fromRef) return null;
    const end = k + 1;
    // "the past year" → the year before; "the last week" likewise
    const sh = shift;
    const u = unit;
    return {
      end,
      resolve: (ctx) => {
        let base = ctx.dct;
        if (fromRef || (word === 'next' && the)) {
          const parsed = parseDateValue(ctx.ref);
          // "that same day" after "in October 1998": a day of that month, which one is not known
          if (parsed && u === 'D' && (parsed.unit === 'M' || parsed.unit === 'Y')) {
            return { type: 'DATE', value: `${ctx.ref}${parsed.unit === 'M' ? '-XX' : '-XX-XX'}`, relative: true };
          }
          if (parsed) base = parsed.date;
        }
        if (u === 'WE') {
          if (sh === 0) return { type: 'DATE', value: weekendValue(base, ctx.tense() === 'past' ? 'past' : 'future'), relative: true };
          return { type: 'DATE', value: weekendValue(addDays(base, 7 * sh), sh < 0 ? 'past' : 'future'), relative: true };
        }
        return { type: 'DATE', value: unitValue(u, base, sh), relative: true };
      },
    };
  }

  /**
   * Financial and generic periods with "the": "the quarter", "the year", "the week", "the weekend", "the year-earlier
   * quarter", "the year-ago period", "the latest quarter", "the fiscal year", "the first nine months".
   */
  private thePeriod(i: number): Step {
    let j = i;
    if (this.w(j) !== 'the' && this.w(j) !== 'its' && this.w(j) !== 'a') return null;
    const article = this.w(j);
    j++;
    let fromRef = false;
    // year-earlier, year-ago, comparable, latest, fiscal, year-end
    for (let guard = 0; guard < 3; guard++) {
      if (this.w(j) === 'year' && this.hyphen(j + 1) && (this.w(j + 2) === 'earlier' || this.w(j + 2) === 'ago')) {
        fromRef = true;
        j += 3;
      } else if ((FISCAL_QUALIFIERS.has(this.w(j)) || (this.w(j) === 'full' && article === 'the')) && !this.hyphen(j + 1)) {
        j++;
      } else if (this.w(j) === 'fiscal' && this.hyphen(j + 1)) {
        j += 2;
      } else break;
    }
    // "a fiscal year" is any year; "a year-earlier quarter" is a particular one
    if (article === 'a' && !fromRef) return null;
    // "Today is the eighth day of the blockade", "It's the second day of an offensive": the day the story is about
    if (article === 'the' && ORDINALS[this.w(j)] > 0 && this.w(j + 1) === 'day' && this.w(j + 2) === 'of') {
      const copula = this.w(i - 1) === 's' && this.punct(i - 2, "'") ? 'is' : this.w(i - 1);
      if (copula === 'is') return { end: j + 2, resolve: (ctx) => ({ type: 'DATE', value: unitValue('D', ctx.dct, 0), relative: true }) };
    }
    const quarter = this.quarterPhrase(j, null, 0);
    if (quarter) {
      if (!fromRef) return quarter;
      return {
        end: quarter.end,
        resolve: (ctx) => {
          const r = quarter.resolve(ctx);
          const parsed = parseDateValue(r.value);
          return parsed ? { type: 'DATE', value: unitValue(parsed.unit, parsed.date, parsed.unit === 'Q' ? -4 : parsed.unit === 'H' ? -2 : -1), relative: true, comparison: true } : r;
        },
      };
    }
    // the first nine months, the nine months, the six months
    const first = this.w(j) === 'first' || this.w(j) === 'latest';
    const count = this.number(first ? j + 1 : j, false);
    if (count && count.n !== 'X' && this.t[first ? j + 1 : j].kind === 'word' && UNITS[this.w(count.end)] === 'M' && this.w(count.end).endsWith('s')) {
      const n = count.n;
      return { end: count.end + 1, resolve: () => ({ type: 'DURATION', value: `P${n}M`, relative: false }) };
    }
    const noun = this.w(j);
    if (noun === 'week' && this.w(j + 1) === 'of' && article === 'the') {
      const day = this.monthDate(j + 2) ?? this.dayMonth(j + 2);
      if (day) {
        return {
          end: day.end,
          resolve: (ctx) => {
            const r = day.resolve(ctx);
            const parsed = parseDateValue(r.value);
            return parsed && parsed.unit === 'D' ? { type: 'DATE', value: unitValue('W', parsed.date, 0), relative: r.relative } : r;
          },
        };
      }
    }
    // "its quarter-century low" is no quarter
    if ((noun === 'quarter' || noun === 'period') && !this.hyphen(j + 1)) {
      let end = j + 1;
      // "the corresponding period last year", "the quarter a year ago"
      if ((this.w(end) === 'last' && this.w(end + 1) === 'year') || (this.w(end) === 'a' && this.w(end + 1) === 'year' && (this.w(end + 2) === 'ago' || this.w(end + 2) === 'earlier'))) {
        end += this.w(end) === 'last' ? 2 : 3;
        fromRef = true;
      }
      const qualifier = this.w(j - 1);
      // "the quarter ended Sept. 30": the three months up to that day
      const endsOn = this.w(end) === 'ended' || this.w(end) === 'ending' ? this.monthDate(end + 1) : null;
      return {
        end,
        resolve: (ctx) => {
          // a fiscal quarter already named ("the fiscal first quarter") keeps its name: "the quarter ended Sept. 29" is that one
          if (endsOn && !fromRef && !ctx.quarter) {
            const last = parseDateValue(endsOn.resolve(ctx).value);
            if (last && last.unit === 'D') return { type: 'DATE', value: unitValue('Q', addDays(last.date, -45), 0), relative: true };
          }
          const parsed = parseDateValue(ctx.ref);
          const refQuarter = fromRef ? reportedQuarter(ctx) : parsed && (parsed.unit === 'Q' || parsed.unit === 'H') ? parsed : null;
          if (fromRef) {
            if (refQuarter) return { type: 'DATE', value: unitValue(refQuarter.unit, refQuarter.date, refQuarter.unit === 'Q' ? -4 : -2), relative: true, comparison: true };
            return { type: 'DATE', value: unitValue('Q', ctx.dct, -5), relative: true, comparison: true };
          }
          if (qualifier === 'current') return { type: 'DATE', value: unitValue('Q', ctx.dct, 0), relative: true };
          if (refQuarter && qualifier !== 'latest') return { type: 'DATE', value: ctx.ref, relative: true };
          if (ctx.quarter) return { type: 'DATE', value: ctx.quarter, relative: true };
          return { type: 'DATE', value: unitValue('Q', ctx.dct, -1), relative: true };
        },
      };
    }
    if (noun === 'year' || noun === 'month' || noun === 'week' || noun === 'weekend' || noun === 'day') {
      if (this.hyphen(j + 1)) return null;
      const unit = UNITS[noun] as Unit;
      const next = this.w(j + 1);
      const ending = next === 'ended' || next === 'ending' || next === 'ends' || next === 'through';
      // not "later in the day before returning home"
      const dayShift = this.w(j + 2).endsWith('ing') ? 0 : next === 'after' ? 1 : next === 'before' ? -1 : 0;
      const apposition = this.punct(i - 1, ',');
      // "the day before last Tuesday's hearing": one expression, a day off the date named
      // (never "the day before the day before ...": no chain of nested lookups)
      const target = noun === 'day' && dayShift !== 0 && !THE_WORDS.has(this.w(j + 2)) ? this.core(j + 2, false) : null;
      if (target) {
        return {
          end: target.end,
          resolve: (ctx) => {
            const r = target.resolve(ctx);
            const parsed = parseDateValue(r.value);
            return parsed && parsed.unit === 'D' && r.type === 'DATE' ? { type: 'DATE', value: unitValue('D', parsed.date, dayShift), relative: true } : r;
          },
        };
      }
      // "later in the day", "during the day": the daytime, not a day named
      if (noun === 'day' && article === 'the' && (this.w(i - 1) === 'in' || this.w(i - 1) === 'during')) return null;
      return {
        end: j + 1,
        resolve: (ctx) => {
          if (ending) return { type: 'DURATION', value: unit === 'WE' ? 'P2D' : `P1${unit}`, relative: false };
          if (fromRef) {
            // "the year-ago week": the same period one year before the one in question
            const base = parseDateValue(ctx.ref)?.date ?? ctx.dct;
            return { type: 'DATE', value: unitValue(unit === 'WE' ? 'W' : unit, { ...base, y: base.y - 1 }, 0), relative: true, comparison: true };
          }
          if (unit === 'WE') return { type: 'DATE', value: weekendValue(ctx.dct, ctx.tense() === 'future' ? 'future' : 'past'), relative: true };
          if (unit === 'D') {
            const parsed = parseDateValue(ctx.ref);
            if (!parsed || parsed.unit !== 'D') return { type: 'DATE', value: unitValue('D', ctx.dct, 0), relative: true };
            // "the day after his death" is the day after the one just named; "Oct. 12, the day before the crash" is Oct. 12
            return { type: 'DATE', value: unitValue('D', parsed.date, apposition ? 0 : dayShift), relative: true };
          }
          // "In March, the month after Scalia died": the month just named
          const named = apposition && (unit === 'M' || unit === 'Y') ? parseDateValue(ctx.ref) : null;
          if (named && (named.unit === unit || named.unit === 'D')) return { type: 'DATE', value: unitValue(unit, named.date, 0), relative: true };
          return { type: 'DATE', value: unitValue(unit, ctx.dct, 0), relative: true };
        },
      };
    }
    return null;
  }

  /** Adjectival "third-quarter", "year-end", "year-earlier", "year-ago", "first-half", "fiscal 1989". */
  private adjectival(i: number): Step {
    const q = this.quarterPhrase(i, null, 0);
    // "third-quarter", "fiscal first half", and a bare "third quarter" ("the seasonally slow third quarter")
    if (q && (this.hyphen(i + 1) || this.w(i) === 'fiscal' || this.w(q.end - 1) === 'quarter')) return q;
    // "by year end", written open
    if (this.w(i) === 'year' && this.w(i + 1) === 'end' && this.t[i + 1].gap) {
      return { end: i + 2, resolve: (ctx) => ({ type: 'DATE', value: unitValue('Y', ctx.dct, 0), mod: 'END', relative: true }) };
    }
    if (this.w(i) === 'year' && this.hyphen(i + 1)) {
      const second = this.w(i + 2);
      if (second === 'end') return { end: i + 3, resolve: (ctx) => ({ type: 'DATE', value: unitValue('Y', ctx.dct, 0), mod: 'END', relative: true }) };
      if (second === 'earlier' || second === 'ago') {
        let end = i + 3;
        if (this.w(end) === 'period' || this.w(end) === 'quarter') end++;
        return {
          end,
          resolve: (ctx) => {
            const ref = parseDateValue(ctx.ref);
            const parsed = ref && ref.unit === 'M' ? ref : reportedQuarter(ctx);
            if (parsed && (parsed.unit === 'Q' || parsed.unit === 'H' || parsed.unit === 'M')) return { type: 'DATE', value: unitValue(parsed.unit, parsed.date, parsed.unit === 'Q' ? -4 : parsed.unit === 'H' ? -2 : -12), relative: true, comparison: true };
            return { type: 'DATE', value: unitValue('Y', ctx.dct, -1), relative: true, comparison: true };
          },
        };
      }
    }
    if (this.w(i) === 'year' && this.punct(i + 1, "'") && this.w(i + 2) === 's' && this.w(i + 3) === 'end') {
      return { end: i + 4, resolve: (ctx) => ({ type: 'DATE', value: unitValue('Y', ctx.dct, 0), mod: 'END', relative: true }) };
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------ times

  /** "15:59", "3 p.m.", "10:35 a.m. EDT", "noon", "midnight", "4 in the morning", optionally with a day after it. */
  private clock(i: number): Step {
    let h: number | null = null;
    let min = 0;
    let end = i;
    let pm: boolean | null = null;
    const word = this.w(i);
    if (word === 'noon' || word === 'midday') {
      // "High Noon", the film and the figure of speech
      if (this.w(i - 1) === 'high') return null;
      h = 12;
      end = i + 1;
    } else if (word === 'midnight') {
      h = 24;
      end = i + 1;
    } else {
      const hour = this.num(i);
      if (hour === null || hour > 24 || this.t[i].text.length > 2) return null;
      end = i + 1;
      let hasMinutes = false;
      const dotted = this.punct(end, '.') && this.num(end + 1) !== null && this.t[end + 1].text.length === 2 && this.meridiem(end + 2) !== null;
      if ((this.punct(end, ':') || dotted) && this.tight(end) && this.tight(end + 1)) {
        const minutes = this.num(end + 1);
        if (minutes === null || minutes > 59 || this.t[end + 1].text.length !== 2) return null;
        min = minutes;
        hasMinutes = true;
        end += 2;
        if (this.punct(end, ':') && this.tight(end) && this.num(end + 1) !== null) end += 2;
      }
      const ampm = this.meridiem(end);
      if (ampm) {
        pm = ampm.pm;
        end = ampm.end;
      } else if (this.w(end) === 'in' && this.w(end + 1) === 'the' && this.partOfDay(end + 2)) {
        pm = this.w(end + 2) !== 'morning';
        end += 3;
      } else if (this.w(end) === "o" && this.punct(end + 1, "'") && this.w(end + 2) === 'clock') {
        end += 3;
      } else if (!hasMinutes) return null;
      if (!hasMinutes && !ampm && this.w(end - 1) !== 'clock' && this.w(end - 3) !== 'in') return null;
      h = hour;
      if (pm === true && h < 12) h += 12;
      if (pm === false && h === 12) h = 0;
    }
    if (this.w(end) && ZONES.has(this.w(end)) && this.t[end].text === this.t[end].text.toUpperCase()) end++;
    else if (this.punct(end, '(') && ZONES.has(this.w(end + 1)) && this.punct(end + 2, ')')) end += 3;
    const hh = h;
    const time = hh === 24 ? '24:00' : `${pad(hh)}:${pad(min)}`;
    // a day after the time: "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon Saturday", "midnight Friday"
    let j = end;
    if (this.punct(j, ',')) j++;
    const day = this.weekdayDate(j) ?? this.monthDate(j) ?? this.dayWord(j);
    if (day && this.num(end) === null) {
      return {
        end: day.end,
        resolve: (ctx) => {
          const r = day.resolve(ctx);
          const date = r.value.slice(0, 10);
          return { type: 'TIME', value: hh === 24 ? `${date}T24` : `${date}T${time}`, relative: r.relative };
        },
      };
    }
    // a bare clock time is on the day last named ("He was shot on Oct. 23 ... at 10 p.m."), unless it looks ahead from a past one;
    // one that opens a sentence before a capitalised word heads a live-blog entry ("___. 2:25 p.m. Ali's brother has ..."): the dateline's day
    const heading = this.sentenceStart(i) && (end >= this.t.length || this.isCap(end));
    return {
      end,
      resolve: (ctx) => {
        const ref = heading ? null : parseDateValue(ctx.ref);
        // a time on a day already named, unless the clause points the other way from the dateline ("were counted by 9:30 p.m.")
        const refDay = ref && ref.unit === 'D' ? formatDate(ref.date) : null;
        const dct = formatDate(ctx.dct);
        const onRef = ref && refDay && !(refDay < dct && ctx.tense() === 'future') && !(refDay > dct && ctx.tense() === 'past');
        return { type: 'TIME', value: `${formatDate(onRef ? ref.date : ctx.dct)}T${time}`, relative: true };
      },
    };
  }

  private meridiem(i: number): { pm: boolean; end: number } | null {
    const word = this.w(i);
    if (word === 'am' || word === 'pm') return { pm: word === 'pm', end: i + 1 };
    if ((word === 'a' || word === 'p') && this.punct(i + 1, '.') && this.tight(i + 1) && this.w(i + 2) === 'm' && this.tight(i + 2)) {
      let end = i + 3;
      if (this.punct(end, '.') && this.tight(end)) end++;
      return { pm: word === 'p', end };
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------ durations

  /**
   * "three years", "two-year", "10-day", "a few days", "several months", "the past two months", "the next few
   * years", "recent years", "two years ago", "a year earlier", "a minute and a half".
   */
  private duration(i: number): Step {
    let j = i;
    let direction: 'past' | 'future' | null = null;
    let the = false;
    if (this.w(j) === 'the') {
      the = true;
      j++;
    }
    const dirWord = this.w(j);
    if (dirWord === 'past' || dirWord === 'last' || dirWord === 'previous' || dirWord === 'first' || dirWord === 'recent' || dirWord === 'early') {
      direction = 'past';
      j++;
    } else if (dirWord === 'next' || dirWord === 'coming' || dirWord === 'following' || dirWord === 'ensuing') {
      direction = 'future';
      j++;
    } else if (dirWord === 'additional' || dirWord === 'further') j++;
    if ((dirWord === 'last' || dirWord === 'first' || dirWord === 'early' || dirWord === 'previous') && !the) {
      // "last three years" needs no article; "first two quarters" does
      if (dirWord !== 'last') return null;
    }
    if (this.w(j) === 'few' || this.w(j) === 'several' || this.w(j) === 'many') {
      j++;
      return this.durationUnit(i, j, 'X', true);
    }
    // "day-long", "decades-long": a unit alone before "-long" counts one of it, or some
    const unitAt = this.w(j) === 'a' || this.w(j) === 'an' ? j + 1 : j;
    if (UNITS[this.w(unitAt)] && this.hyphen(unitAt + 1) && this.w(unitAt + 2) === 'long') {
      const plural = this.w(unitAt).endsWith('s');
      // in "a decades-long feud" the article is the feud's
      if (plural && unitAt > j) return null;
      if (unitAt === j) return this.durationUnit(i, j, plural ? 'X' : 1, plural);
    }
    // "Islam will one day be ...": some day to come
    if (this.w(j) === 'one' && this.w(j + 1) === 'day' && MODALS.has(this.w(j - 1))) {
      return { end: j + 2, resolve: () => ({ type: 'DATE', value: 'FUTURE_REF', relative: false }) };
    }
    const count = this.number(j);
    if (!count) {
      // "recent years", "the coming weeks", "the early years", "years", "the years"
      const before = this.w(j - 1);
      if (direction || the || before === 'in' || before === 'for' || before === 'within' || before === 'over' || (this.w(j + 1) === 'of' && (before === 'after' || before === 'during' || before === 'despite'))) {
        return this.durationUnit(i, j, 'X', true);
      }
      return null;
    }
    if (count.n === 1 && this.t[j].kind === 'word' && (this.w(j) === 'a' || this.w(j) === 'an') && (the || direction)) return null;
    // "a second group", "a second betrayal": the ordinal, not the unit of time
    if (this.w(j) === 'a' && this.w(count.end) === 'second' && this.premodifies(count.end + 1)) return null;
    if (this.weekendModifier(count.end)) return null;
    let k = count.end;
    // "two to three weeks", "12 to 18 months"
    if ((this.w(k) === 'to' || this.w(k) === 'or' || this.punct(k, '-')) && this.number(k + 1, false)) k = (this.number(k + 1, false) ?? { end: k + 1 }).end;
    if (this.w(k) === 'more' || this.w(k) === 'additional' || this.w(k) === 'straight' || this.w(k) === 'consecutive' || this.w(k) === 'full' || this.w(k) === 'trading' || this.w(k) === 'business' || this.w(k) === 'calendar') k++;
    return this.durationUnit(i, k, count.n, false, count.approx);
  }

  private durationUnit(start: number, j: number, n: number | 'X', vague: boolean, approx = false): Step {
    let k = j;
    let hyphenated = false;
    if (this.hyphen(k) && !vague) {
      hyphenated = true;
      k++;
    }
    const unitWord = this.w(k);
    const code = UNITS[unitWord];
    if (this.quotedTitle(start, k)) return null;
    if (!code || !DURATION_UNIT_CODES.has(code) || unitWord === 'night' || unitWord === 'nights' || unitWord === 'min') return null;
    const plural = unitWord.endsWith('s') || unitWord === 'centuries' || unitWord === 'millennia';
    if (vague && !plural) return null;
    if (n === 'X' && !vague && !plural) return null;
    if (n !== 'X' && n !== 1 && !plural && !hyphenated && this.t[start].kind === 'word' && this.w(start) !== 'a' && this.w(k + 1) !== 'low' && this.w(k + 1) !== 'high') {
      // "five year low" is fine; "two week" alone is rare: require it to be a premodifier
      if (!this.t[k + 1] || this.t[k + 1].kind !== 'word') return null;
    }
    let end = k + 1;
    // ages ("52 years old") and fractions ("three-quarters of", "a quarter of the market", "quarter-century")
    if (this.w(end) === 'old' || (this.w(end) === 'of' && this.w(end + 1) === 'age')) return null;
    if (code === 'Q' && n !== 'X' && (this.w(end) === 'of' || this.hyphen(end) || (hyphenated && plural))) return null;
    if (n !== 'X' && this.w(end) === 'and' && this.w(end + 1) === 'a' && this.w(end + 2) === 'half') {
      n += 0.5;
      end += 3;
    }
    // "a 6-year-old" is an age, not a period of time; in "a year-earlier loss" the article is the loss's
    if (this.hyphen(end) && (this.w(end + 1) === 'old' || this.w(end + 1) === 'earlier' || this.w(end + 1) === 'ago')) return null;
    if (this.hyphen(end) && this.w(end + 1) === 'long') end += 2;
    const timeUnit = TIME_UNIT.has(code) && (unitWord.startsWith('h') || unitWord.startsWith('min') || unitWord.startsWith('sec'));
    const unitCode = code === 'M' && timeUnit ? 'M' : code;
    const value = durationValue(n, unitCode, timeUnit);
    const mod = approx ? 'APPROX' : undefined;
    // "two years ago", "a year earlier", "three days from now", "a week or so ago"
    if (this.w(end) === 'or' && this.w(end + 1) === 'so' && ['ago', 'earlier', 'hence'].includes(this.w(end + 2))) end += 2;
    const after = this.w(end);
    if (!hyphenated && (after === 'ago' || after === 'earlier' || after === 'hence' || (after === 'from' && this.w(end + 1) === 'now'))) {
      const sign = after === 'ago' || after === 'earlier' ? -1 : 1;
      const finalEnd = after === 'from' ? end + 2 : end + 1;
      const anchorOnRef = after === 'earlier';
      const financial = this.figuresBefore(start);
      return {
        end: finalEnd,
        resolve: (ctx) => {
          if (n === 'X') return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', relative: true };
          if (anchorOnRef && code !== 'Y') return { type: 'DURATION', value, mod, relative: false };
          let base = ctx.dct;
          let granularity: Unit = code === 'D' ? 'D' : code === 'W' ? 'W' : code === 'M' && !timeUnit ? 'M' : code === 'Q' ? 'Q' : code === 'E' ? 'Y' : 'Y';
          if (timeUnit) return { type: 'DURATION', value, mod, relative: false };
          // "a year ago" after "the third quarter", or in a report of quarterly figures, compares quarters
          const parsed = parseDateValue(ctx.ref);
          const quarter = code === 'Y' && n === 1 && (parsed?.unit === 'Q' || parsed?.unit === 'H' || financial) ? reportedQuarter(ctx) : null;
          if (quarter) {
            base = quarter.date;
            granularity = quarter.unit;
          } else if (anchorOnRef && parsed) base = parsed.date;
          const steps: Record<string, number> = { D: 1, W: 1, M: 1, Q: 1, Y: 1, E: 10, C: 100 };
          const factor = code === 'Y' || code === 'E' || code === 'C' ? (granularity === 'Q' ? 4 : granularity === 'M' ? 12 : granularity === 'H' ? 2 : 1) * (steps[code] ?? 1) : 1;
          const amount = Math.round(n * factor) * sign;
          if (!Number.isInteger(n)) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', relative: true };
          return { type: 'DATE', value: unitValue(granularity, base, amount), relative: true, comparison: code === 'Y' && n === 1 };
        },
      };
    }
    // "24 hours a day", "six days a week": how often, in one expression
    const periodWord = this.w(end + 1);
    const per = (this.w(end) === 'a' || this.w(end) === 'an' || this.w(end) === 'per') && !hyphenated && !periodWord.endsWith('s');
    const period = per && !['ago', 'earlier', 'later'].includes(this.w(end + 2)) ? UNITS[periodWord] : undefined;
    if (period && period !== 'WE' && periodWord !== unitWord) {
      const periodValue = durationValue(1, period, periodWord.startsWith('h') || periodWord.startsWith('min'));
      return { end: end + 2, resolve: () => ({ type: 'SET', value: periodValue, relative: false }) };
    }
    return { end, resolve: () => ({ type: 'DURATION', value, mod, relative: false }) };
  }

  /** "a weekend report", "weekend talks": the weekend as a modifier names the last (or next) weekend. */
  private weekendModifier(i: number): Step {
    if (this.w(i) !== 'weekend') return null;
    const next = this.t[i + 1];
    if (!next || next.kind !== 'word' || next.gap === false || /^[A-Z]/.test(next.text) || NOT_NOUNS.has(next.lower)) return null;
    return {
      end: i + 1,
      resolve: (ctx) => ({ type: 'DATE', value: weekendValue(ctx.dct, ctx.tense() === 'future' ? 'future' : 'past'), relative: true }),
    };
  }

  // ------------------------------------------------------------------------------------------ sets, references

  /**
   * The plural part of day after the weekday at i, which makes it every such day: "Friday nights", and
   * "Monday and Tuesday nights", where the plural covers both days (and "Monday" ends there).
   */
  private pluralPartAfter(i: number): { pod: string; end: number } | null {
    const pod = PLURAL_PARTS_OF_DAY[this.w(i + 1)];
    if (pod) return { pod, end: i + 2 };
    const coordinated = (this.w(i + 1) === 'and' || this.w(i + 1) === 'or') && this.weekday(i + 2) !== null;
    const shared = coordinated ? PLURAL_PARTS_OF_DAY[this.w(i + 3)] : undefined;
    return shared ? { pod: shared, end: i + 1 } : null;
  }

  /** "every Tuesday", "each year", "daily", "annually", "$5 million a year", "twice a week". */
  private set(i: number): Step {
    const word = this.w(i);
    // "on Sundays", "Sunday mornings", "our Friday nights": every such day, or that part of it
    const plural = PLURAL_WEEKDAYS.get(word);
    const pluralPart = this.pluralPartAfter(i);
    if (this.isCap(i) && (plural || (WEEKDAYS[word] && word.endsWith('day') && pluralPart))) {
      const wd = plural ?? WEEKDAYS[word];
      const part = pluralPart ? `T${pluralPart.pod}` : '';
      return { end: pluralPart ? pluralPart.end : i + 1, resolve: () => ({ type: 'SET', value: `XXXX-WXX-${wd}${part}`, relative: false }) };
    }
    if (SET_ADVERBS[word]) {
      // "Daily Mail", "The Nightly Show", "The Weekly Standard": a name
      if (this.isCap(i) && this.isCap(i + 1)) return null;
      // "the Communist Party daily Granma", "the business weekly Barron's": the noun for a paper, before its name
      if (!this.isCap(i) && this.isCap(i + 1) && !this.sentenceStart(i + 1)) return null;
      return { end: i + 1, resolve: () => ({ type: 'SET', value: SET_ADVERBS[word], relative: false }) };
    }
    if (word === 'every' || word === 'each') {
      let j = i + 1;
      if (this.w(j) === 'other') j++;
      const wd = this.weekday(j);
      if (wd) return { end: wd.end, resolve: () => ({ type: 'SET', value: `XXXX-WXX-${wd.wd}`, relative: false }) };
      const month = this.month(j);
      if (month) return { end: month.end, resolve: () => ({ type: 'SET', value: `XXXX-${pad(month.m)}`, relative: false }) };
      const count = this.number(j, false);
      let n = 1;
      if (count && count.n !== 'X' && this.w(j) !== 'one') {
        n = count.n;
        j = count.end;
      }
      const unitWord = this.w(j);
      const code = UNITS[unitWord];
      if (SEASONS[unitWord]) return { end: j + 1, resolve: () => ({ type: 'SET', value: `XXXX-${SEASONS[unitWord]}`, relative: false }) };
      if (!code || code === 'WE') {
        if (code === 'WE') return { end: j + 1, resolve: () => ({ type: 'SET', value: 'XXXX-WXX-WE', relative: false }) };
        return null;
      }
      const timeUnit = TIME_UNIT.has(code) && (unitWord.startsWith('h') || unitWord.startsWith('min') || unitWord.startsWith('sec'));
      if (this.w(i - 1) === 'of' && this.w(i - 2) === 'in') {
        // "in each of the past three years" is handled as a duration
        return null;
      }
      return { end: j + 1, resolve: () => ({ type: 'SET', value: code === 'Q' ? `P${n}Q` : durationValue(n, code, timeUnit), relative: false }) };
    }
    if (word === 'a' || word === 'an' || word === 'per') {
      const prev = this.t[i - 1];
      // "$5 million a year", "four flights a week", "700 seats a week"
      const countedNoun = prev && prev.kind === 'word' && prev.lower.endsWith('s') && (this.t[i - 2]?.kind === 'num' || NUMBERS[this.w(i - 2)] !== undefined);
      if (!prev || !(prev.kind === 'num' || SET_CONTEXT.has(prev.lower) || prev.text === '%' || countedNoun)) return null;
      const unitWord = this.w(i + 1);
      const code = UNITS[unitWord];
      if (!code || unitWord.endsWith('s') || code === 'WE' || code === 'E' || code === 'C') return null;
      if (this.w(i + 2) === 'ago' || this.w(i + 2) === 'earlier' || this.w(i + 2) === 'later') return null;
      const timeUnit = TIME_UNIT.has(code) && (unitWord.startsWith('h') || unitWord.startsWith('min'));
      return { end: i + 2, resolve: () => ({ type: 'SET', value: durationValue(1, code, timeUnit), relative: false }) };
    }
    return null;
  }

  /** "now", "currently", "recently", "soon", "the future", "the past", "these days", "right now". */
  private reference(i: number): Step {
    const word = this.w(i);
    if (REFERENCES[word]) {
      if (word === 'now' && this.w(i - 1) === 'from') return null;
      // "Now, he says, ...": a sentence-opening "Now," moves the discourse on rather than naming the present
      if (word === 'now' && this.isCap(i) && this.sentenceStart(i) && this.punct(i + 1, ',')) return null;
      // "the Liberty Now PAC", "Apocalypse Now": a capitalised word inside a name
      if (this.isCap(i) && !this.sentenceStart(i) && i > 0 && this.isCap(i - 1)) return null;
      return { end: i + 1, resolve: () => ({ type: 'DATE', value: REFERENCES[word], relative: false }) };
    }
    // "the current crisis", "its current chairman": the present, as a premodifier
    if (word === 'current' && this.premodifies(i + 1) && !CURRENT_NON_TEMPORAL.has(this.w(i + 1))) {
      return { end: i + 1, resolve: () => ({ type: 'DATE', value: 'PRESENT_REF', relative: false }) };
    }
    // "the then current price": the present of a past moment
    if (word === 'then' && this.w(i + 1) === 'current' && this.premodifies(i + 2)) {
      return { end: i + 2, resolve: () => ({ type: 'DATE', value: 'PAST_REF', relative: false }) };
    }
    if (word === 'right' && this.w(i + 1) === 'now') return { end: i + 2, resolve: () => ({ type: 'DATE', value: 'PRESENT_REF', relative: false }) };
    if ((word === 'more' || word === 'most' || word === 'until' || word === 'very') && this.w(i + 1) === 'recently') return { end: i + 2, resolve: () => ({ type: 'DATE', value: 'PAST_REF', relative: false }) };
    if (word === 'these' && this.w(i + 1) === 'days') return { end: i + 2, resolve: () => ({ type: 'DATE', value: 'PRESENT_REF', relative: false }) };
    if (word === 'the') {
      let j = i + 1;
      const near = this.w(j) === 'near' || this.w(j) === 'distant' || this.w(j) === 'foreseeable' || this.w(j) === 'immediate';
      if (near) j++;
      if (this.w(j) === 'future') return { end: j + 1, resolve: () => ({ type: 'DATE', value: 'FUTURE_REF', relative: false }) };
      if (this.w(j) === 'past' && !near && !this.number(j + 1) && !UNITS[this.w(j + 1)] && !VAGUE.has(this.w(j + 1))) return { end: j + 1, resolve: () => ({ type: 'DATE', value: 'PAST_REF', relative: false }) };
      const term = this.w(i + 1);
      if ((term === 'short' || term === 'near' || term === 'long') && this.w(i + 2) === 'term') return { end: i + 3, resolve: () => ({ type: 'DATE', value: 'FUTURE_REF', relative: false }) };
    }
    // "at a later date"
    if (word === 'a' && this.w(i + 1) === 'later' && this.w(i + 2) === 'date') return { end: i + 3, resolve: () => ({ type: 'DATE', value: 'FUTURE_REF', relative: false }) };
    // "for a while": some length of time
    if (word === 'a' && this.w(i + 1) === 'while' && (this.w(i - 1) === 'for' || this.w(i - 1) === 'after')) return { end: i + 2, resolve: () => ({ type: 'DURATION', value: 'PXX', relative: false }) };
    if (word === 'as' && this.w(i + 1) === 'soon' && this.w(i + 2) === 'as' && this.w(i + 3) === 'possible') return { end: i + 4, resolve: () => ({ type: 'DATE', value: 'FUTURE_REF', relative: false }) };
    return null;
  }

  // ------------------------------------------------------------------------------------------ modifiers

  /** "early", "late", "mid", "the end of", "earlier this", "nearly", "at least", "more than" … followed by a core. */
  private modified(i: number): Step {
    const word = this.w(i);
    let mod: string | null = null;
    let j = i + 1;
    if (word === 'early' || word === 'earlier') mod = 'START';
    else if (word === 'late' || word === 'later') mod = 'END';
    else if (word === 'mid') {
      mod = 'MID';
      if (this.hyphen(j)) j++;
    } else if (word === 'post' || word === 'pre') {
      if (!this.hyphen(j)) return null;
      mod = word === 'post' ? 'AFTER' : 'BEFORE';
      j++;
    } else if (word === 'the' && (this.w(i + 1) === 'end' || this.w(i + 1) === 'beginning' || this.w(i + 1) === 'start' || this.w(i + 1) === 'middle' || this.w(i + 1) === 'close') && this.w(i + 2) === 'of') {
      mod = this.w(i + 1) === 'end' || this.w(i + 1) === 'close' ? 'END' : this.w(i + 1) === 'middle' ? 'MID' : 'START';
      j = i + 3;
    } else if (word === 'at' && this.w(i + 1) === 'least') {
      mod = 'EQUAL_OR_MORE';
      j = i + 2;
    } else if ((word === 'more' || word === 'less' || word === 'fewer') && this.w(i + 1) === 'than') {
      mod = word === 'more' ? 'MORE_THAN' : 'LESS_THAN';
      j = i + 2;
    } else if ((word === 'no' && this.w(i + 1) === 'more' && this.w(i + 2) === 'than') || (word === 'up' && this.w(i + 1) === 'to') || (word === 'at' && this.w(i + 1) === 'most')) {
      mod = 'EQUAL_OR_LESS';
      j = word === 'no' ? i + 3 : i + 2;
    } else if (word in APPROX_WORDS) {
      mod = APPROX_WORDS[word];
    } else return null;
    if (j >= this.t.length) return null;
    const inner = this.core(j, false);
    if (!inner) return null;
    // "a prediction about 2016" is about the year; "in about 1990" is roughly then
    if ((word === 'about' || word === 'around') && inner.end === j + 1 && this.t[j].kind === 'num' && this.year(j) && !YEAR_PREPOSITIONS.has(this.w(i - 1))) return null;
    // "a dispute about the past", "wants to hear about these days": the preposition, not an approximation
    if ((word === 'about' || word === 'around') && (this.w(j) === 'these' || (this.w(j) === 'the' && (this.w(j + 1) === 'past' || this.w(j + 1) === 'future' || this.w(j + 1) === 'present')))) return null;
    // "get around Wednesday's ruling": the preposition governs the noun the possessive modifies
    if ((word in APPROX_WORDS || word === 'up') && this.punct(inner.end, "'’") && this.tight(inner.end) && this.w(inner.end + 1) === 's') return null;
    const m = mod;
    const step: Step = {
      end: inner.end,
      resolve: (ctx) => {
        const r = inner.resolve(ctx);
        if (r.value.endsWith('_REF')) return r;
        // "early next year" / "the end of 1990" modify a date; "nearly two years" a duration
        const isDuration = r.type === 'DURATION';
        const approxOnDate = m === 'APPROX' || m === 'LESS_THAN' || m === 'MORE_THAN' || m === 'EQUAL_OR_MORE' || m === 'EQUAL_OR_LESS';
        if (!isDuration && approxOnDate && (word === 'over' || word === 'under')) return r;
        if (isDuration && (m === 'START' || m === 'END' || m === 'MID')) return r;
        return m ? { ...r, mod: r.mod ?? m } : r;
      },
    };
    // "over", "under", "just", "only" are only part of the expression before a number of units
    // "lasted over a week" is more than a week; "$40 million used over three years" is spread across them
    if (word === 'over' && !LENGTH_WORDS.has(this.w(i - 1))) return null;
    if ((word === 'over' || word === 'under' || word === 'just' || word === 'only' || word === 'some' || word === 'barely') && !(this.number(j) && UNITS[this.w((this.number(j) ?? { end: j }).end)])) {
      return null;
    }
    if ((word === 'earlier' || word === 'later') && !['this', 'that', 'last', 'next', 'in', 'today', 'yesterday', 'tomorrow', 'tonight'].includes(this.w(j)) && !this.weekday(j)) return null;
    if (word === 'earlier' && this.w(j) === 'in' && this.w(j + 1) === 'the') {
      const inner2 = this.core(j + 1, false);
      if (inner2) return { end: inner2.end, resolve: (ctx) => ({ ...inner2.resolve(ctx), mod: 'START' }) };
    }
    return step;
  }

  /** The longest core expression at i (without leading modifiers when `modifiers` is false). */
  core(i: number, modifiers = true): Step {
    const tok = this.t[i];
    if (!tok) return null;
    if (tok.kind === 'num') {
      return longest(this.numericDate(i), this.clock(i), this.dayMonth(i), this.yearish(i), this.duration(i), this.secondDay(i));
    }
    if (tok.kind === 'punct') return tok.lower === "'" ? this.yearish(i) : null;
    const word = tok.lower;
    if (!START_WORDS.has(word)) return null;
    if (word === 'the') {
      return longest(
        this.dayMonth(i),
        this.yearish(i),
        this.deictic(i),
        this.thePeriod(i),
        this.reference(i),
        this.duration(i),
        this.dayPart(i),
        modifiers ? this.modified(i) : null,
        SEASONS[this.w(i + 1)] ? this.season(i + 1, null) : null,
      );
    }
    let best: Step = null;
    if (MONTHS[word]) best = longest(best, this.monthDate(i));
    if (WEEKDAYS[word]) best = longest(best, this.weekdayDate(i));
    if (word in PRE_DEICTIC || word === 'that') best = longest(best, this.deictic(i));
    if (word === 'its' || word === 'a') best = longest(best, this.thePeriod(i));
    if (SEASONS[word]) best = longest(best, this.season(i, null));
    if (word === 'weekend') best = longest(best, this.weekendModifier(i));
    return longest(
      best,
      this.dayWord(i),
      word === 'mid' ? this.dayPart(i) : null,
      this.reference(i),
      this.set(i),
      this.holiday(i, null),
      this.adjectival(i),
      this.clock(i),
      this.yearish(i),
      this.duration(i),
      modifiers ? this.modified(i) : null,
    );
  }

  /** A core expression, extended by a clock time after a full date: "Jul 02, 2013, 15:59 PM IST". */
  private withTime(i: number): Step {
    const date = this.core(i);
    if (!date) return null;
    let j = date.end;
    if (this.punct(j, ',') || this.w(j) === 'at') j++;
    const time = this.num(j) !== null || this.w(j) === 'noon' || this.w(j) === 'midnight' ? this.clock(j) : null;
    if (!time || j === date.end && !this.isDateEnd(date.end - 1)) return date;
    return {
      end: time.end,
      resolve: (ctx) => {
        const r = date.resolve(ctx);
        if (r.type !== 'DATE' || !/^\d{4}-\d\d-\d\d$/.test(r.value)) return r;
        const clock = time.resolve(ctx).value;
        return { type: 'TIME', value: `${r.value}${clock.slice(clock.indexOf('T'))}`, relative: r.relative };
      },
    };
  }

  /** Money or per-share figures shortly before token i: "from $1.2 million a year ago", "62 cents a share". */
  private figuresBefore(i: number): boolean {
    for (let j = i - 1; j >= 0 && j >= i - 25; j--) {
      const tok = this.t[j];
      if (tok.kind === 'punct' && (tok.text === '$' || tok.text === '%' || tok.text === '#' || tok.text === '£')) return true;
      if (tok.lower === 'million' || tok.lower === 'billion' || tok.lower === 'cents' || tok.lower === 'share') return true;
      // the end of the previous sentence
      if (tok.kind === 'punct' && (tok.text === ';' || (tok.text === '.' && this.t[j + 1]?.gap))) return false;
    }
    return false;
  }

  private isDateEnd(i: number): boolean {
    return this.t[i]?.kind === 'num';
  }

  /** Every expression in the token stream, left to right, longest first, without overlaps. */
  matches(): Match[] {
    const found: Match[] = [];
    for (let i = 0; i < this.t.length; ) {
      const step = this.withTime(i);
      if (step && step.end > i) {
        found.push({ start: i, end: step.end, resolve: step.resolve });
        i = step.end;
      } else i++;
    }
    return found;
  }
}
