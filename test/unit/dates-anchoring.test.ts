import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTemporalExpressions } from '../../server/src/core/dates';
import { analyzeStructure } from '../../server/src/core/structure';

/** The value given to the expression spelled `span` (its `nth` occurrence) in `text`. */
function valueOf(text: string, dct: string, span: string, nth = 0): string | undefined {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(span, start + 1);
  assert.ok(start >= 0, `"${span}" is not in the test text`);
  const found = findTemporalExpressions(analyzeStructure(text), { value: dct, source: 'option', span: null });
  const hit = found.find((d) => d.start === start && d.end === start + span.length);
  assert.ok(hit, `"${span}" was not found as a date; found ${JSON.stringify(found.map((d) => d.text))}`);
  return hit.value;
}

const MONDAY = '1989-10-30';
const THURSDAY = '1989-10-26';

test('deadlines in the past perfect lie behind the dateline', () => {
  assert.equal(valueOf('All 159 members had filed compliance reports by Wednesday, officials said.', '1990-08-16', 'Wednesday'), '1990-08-15');
  assert.equal(valueOf('The offer had been due to expire Friday evening.', MONDAY, 'Friday evening'), '1989-10-27TEV');
  assert.equal(valueOf('Until Thursday, the police had not called him a suspect.', '1999-05-07', 'Thursday'), '1999-05-06');
  // without "had" the deadline still looks ahead
  assert.equal(valueOf('The offer expires Friday.', MONDAY, 'Friday'), '1989-11-03');
  assert.equal(valueOf('Reports are due by Wednesday.', '1990-08-16', 'Wednesday'), '1990-08-22');
});

test('plans made in the past look ahead unless overtaken', () => {
  const text = 'Protesters planned a large demonstration on Saturday and were planning to drive to the airport on Monday.';
  assert.equal(valueOf(text, '2000-01-07', 'Saturday'), '2000-01-08');
  assert.equal(valueOf(text, '2000-01-07', 'Monday'), '2000-01-10');
  assert.equal(valueOf('The group had planned to march on Saturday.', '2000-01-07', 'Saturday'), '2000-01-01');
  // a fronted day is when the plan was made
  assert.equal(valueOf('On Friday, the Kenyan government planned to open a relief centre.', '1998-09-30', 'Friday'), '1998-09-25');
  // "vacation plans" is a noun, not a future
  assert.equal(valueOf('On Friday, when she set aside vacation plans for the trip, the warning was lifted.', '1998-08-17', 'Friday'), '1998-08-14');
});

test('a possessive weekday names an event already reported', () => {
  assert.equal(valueOf("Nestle's share before Friday's purchases is far below the level.", MONDAY, 'Friday'), '1989-10-27');
  assert.equal(valueOf("They would look for ways to get around Wednesday's ruling.", '2000-01-07', 'Wednesday'), '2000-01-05');
});

test('earnings comparisons look back from the quarter reported on', () => {
  const text =
    'Net income in the third quarter rose to $5 million. Sales for the quarter ended Sept. 30 rose to $747.8 million from $623.5 million a year ago. ' +
    'In the 1988 period, the company earned $2 million. The year-ago results were restated. Year-end figures come later.';
  assert.equal(valueOf(text, THURSDAY, 'a year ago'), '1988-Q3');
  assert.equal(valueOf(text, THURSDAY, 'the 1988 period'), '1988-Q3');
  assert.equal(valueOf(text, THURSDAY, 'year-ago'), '1988-Q3');
  // a forecast quarter is not the one reported on
  const forecast = 'Earnings fell in the third quarter. Demand should recover in the third quarter of 1990. In the year-ago period, it earned $101.4 million.';
  assert.equal(valueOf(forecast, THURSDAY, 'the year-ago period'), '1988-Q3');
  // without quarterly figures, "a year ago" is the year
  assert.equal(valueOf('He moved to Boston a year ago.', THURSDAY, 'a year ago'), '1988');
});

test('an earlier quarter recalled in passing does not replace the quarter reported on', () => {
  const text =
    'Kimberly-Clark posted a 20% gain in third-quarter net income. After a flat second quarter, results improved. ' +
    'In the 1989 period, interest expense was lower than a year ago.';
  assert.equal(valueOf(text, '1989-11-01', 'the 1989 period'), '1989-Q3');
  assert.equal(valueOf(text, '1989-11-01', 'a year ago'), '1988-Q3');
});

test('quarters and years named in financial shorthand', () => {
  assert.equal(valueOf('Its net loss for the seasonally slow third quarter narrowed.', THURSDAY, 'third quarter'), '1989-Q3');
  assert.equal(valueOf('The chairman forecast an earnings increase for the full year.', THURSDAY, 'the full year'), '1989');
  assert.equal(valueOf('It plans to cut 6,000 jobs by year end.', THURSDAY, 'year end'), '1989');
  // "a fiscal year" is any year (at most a length of time), and "quarter-century" no quarter
  const generic = findTemporalExpressions(analyzeStructure('It changed from a fiscal year to a calendar year, near its quarter-century low.'), { value: THURSDAY, source: 'option', span: null });
  assert.deepEqual(generic.filter((d) => d.type !== 'DURATION').map((d) => d.text), []);
});

test('"the day before" and "the day after" count from the day named', () => {
  const text = "Slepian was killed on Oct. 23. Two men showed up at his house the day after his death. The day before last Tuesday's hearing, lawyers met.";
  assert.equal(valueOf(text, '1998-11-21', 'the day'), '1998-10-24');
  assert.equal(valueOf(text, '1998-11-21', "The day before last Tuesday"), '1998-11-16');
  // in apposition the phrase renames the date
  assert.equal(valueOf('He was last seen Nov. 3, the day before the warrant was issued.', '1999-05-07', 'the day'), '1998-11-03');
});

test('a bare clock time falls on the day last named', () => {
  const text = 'Slepian was shot on Friday, Oct. 23, 1998. He was standing in his kitchen at 10 p.m. when the shot was fired.';
  assert.equal(valueOf(text, '1999-04-19', '10 p.m.'), '1998-10-23T22:00');
  // looking ahead from a past date, the time is reckoned from the dateline
  assert.equal(valueOf('The deal was signed on May 1, 1990. Results will be announced at 3 p.m.', '1999-04-19', '3 p.m.'), '1999-04-19T15:00');
  assert.equal(valueOf('Trading opened at 9:30 a.m. as usual.', '1999-04-19', '9:30 a.m.'), '1999-04-19T09:30');
});

test('"a week or so ago" is a date, not a length of time', () => {
  assert.equal(valueOf('Then, a week or so ago, the general secretly moved his forces.', '1991-02-25', 'a week or so ago'), '1991-W08');
});

test('the second day of "April 24 and 25" is a date of its own', () => {
  const text = 'The summit will be held in Washington on April 24 and 25. Talks will resume on Oct. 12 or 13.';
  assert.equal(valueOf(text, '1999-02-10', '25'), '1999-04-25');
  assert.equal(valueOf(text, '1999-02-10', '13'), '1999-10-13');
  const found = findTemporalExpressions(analyzeStructure('Prices rose in March 3 and 4 percent.'), { value: '1999-02-10', source: 'option', span: null });
  assert.ok(!found.some((d) => d.text === '4'), 'a percentage is no day');
});

test('"overnight" does not move the day later expressions count from', () => {
  const text = 'Shares fell Friday. Overnight losses in New York weighed on London. The index was down 4.5% from the previous Friday.';
  assert.equal(valueOf(text, MONDAY, 'the previous Friday'), '1989-10-20');
});
