import { weekday } from '../dates/calendar';
import { dateInWords, namedWeekday, WEEKDAY_NAMES } from '../dates/words';
import type { Rule, RuleFinding } from './rule';

/** "Tuesday, July 3, 2013" when July 3, 2013 was a Wednesday. */
export const weekdayDateMismatch: Rule = {
  code: 'weekday-date-mismatch',
  defaultSeverity: 'warning',
  description: 'A weekday written next to a calendar date it does not fall on, as in "Tuesday, July 3, 2013".',
  check(article) {
    const findings: RuleFinding[] = [];
    for (const date of article.dates) {
      const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(date.value);
      // Only a weekday written together with a calendar date can contradict it.
      if (!m || !/\d/.test(date.text)) continue;
      const named = namedWeekday(date.text);
      if (!named) continue;
      const actual = weekday({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
      if (actual === named.weekday) continue;
      const right = WEEKDAY_NAMES[actual - 1];
      const start = date.start + named.start;
      const end = date.start + named.end;
      findings.push({
        start: date.start,
        end: date.end,
        message: `${dateInWords(date.value)} was a ${right}, not a ${WEEKDAY_NAMES[named.weekday - 1]}.`,
        fixes: [{ title: `Change the weekday to ${right}`, start, end, newText: right }],
      });
    }
    return findings;
  },
};
