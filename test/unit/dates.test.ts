import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findTemporalExpressions } from '../../server/src/core/dates';
import { describeValue, relationToPublication } from '../../server/src/core/dates/words';
import type { TemporalExpression } from '../../server/src/core/model';
import { analyzeStructure } from '../../server/src/core/structure';

function dates(text: string, dct: string | null): TemporalExpression[] {
  return findTemporalExpressions(analyzeStructure(text), dct ? { value: dct, source: 'option', span: null } : null);
}

/** The one expression in `text` that covers `span`: its type, value and mod. */
function expect(text: string, dct: string | null, span: string, type: string, value: string, mod?: string): void {
  const start = text.indexOf(span);
  assert.ok(start >= 0, `"${span}" is not in the test text`);
  const found = dates(text, dct);
  const hit = found.find((d) => d.start === start && d.end === start + span.length);
  assert.ok(hit, `"${span}" was not found as a date in "${text}"; found ${JSON.stringify(found.map((d) => d.text))}`);
  assert.equal(hit.type, type, `type of "${span}"`);
  assert.equal(hit.value, value, `value of "${span}"`);
  assert.equal(hit.mod, mod, `mod of "${span}"`);
}

const SAMPLE_DCT = '2013-07-02T15:59'; // a Tuesday

test('the design article: its dates and values', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'samples', 'north-korea-negotiator.article'), 'utf8');
  const found = dates(text, SAMPLE_DCT).map((d) => [d.text, d.type, d.value, d.mod ?? '']);
  for (const expected of [
    ['Tuesday', 'DATE', '2013-07-02', ''],
    ['weekend', 'DATE', '2013-W26-WE', ''],
    ['February', 'DATE', '2013-02', ''],
    ['August 2003', 'DATE', '2003-08', ''],
    ['December 2008', 'DATE', '2008-12', ''],
    ['late last month', 'DATE', '2013-06', 'END'],
    ['last month', 'DATE', '2013-06', ''],
  ]) {
    assert.ok(found.some((f) => f.join('|') === expected.join('|')), `missing ${expected.join(' ')}`);
  }
});

test('the design article forms one by one', () => {
  expect('A high-ranking official left on Tuesday for Russia.', SAMPLE_DCT, 'Tuesday', 'DATE', '2013-07-02');
  expect('A weekend report from the agency said Kim would discuss talks.', SAMPLE_DCT, 'weekend', 'DATE', '2013-W26-WE');
  expect('after its third nuclear test in February.', SAMPLE_DCT, 'February', 'DATE', '2013-02');
  expect('The talks began in August 2003 but have not been held since December 2008.', SAMPLE_DCT, 'August 2003', 'DATE', '2003-08');
  expect('The talks began in August 2003 but have not been held since December 2008.', SAMPLE_DCT, 'December 2008', 'DATE', '2008-12');
  expect('Kim late last month discussed restarting the talks.', SAMPLE_DCT, 'late last month', 'DATE', '2013-06', 'END');
  expect('The meeting failed to go ahead last month.', SAMPLE_DCT, 'last month', 'DATE', '2013-06');
});

test('calendar dates in newsroom forms', () => {
  expect('It opened on Jul 02, 2013 in Seoul.', null, 'Jul 02, 2013', 'DATE', '2013-07-02');
  expect('It opened on 2 July 2013 in Seoul.', null, '2 July 2013', 'DATE', '2013-07-02');
  expect('It opened on 7/2/13 in Seoul.', null, '7/2/13', 'DATE', '2013-07-02');
  expect('It opened on 2013-07-02 in Seoul.', null, '2013-07-02', 'DATE', '2013-07-02');
  expect('It opened on Sept. 30, 1989, in Seoul.', null, 'Sept. 30, 1989', 'DATE', '1989-09-30');
  expect('The talks resumed July 2 in Seoul.', SAMPLE_DCT, 'July 2', 'DATE', '2013-07-02');
  expect('The payment is due on the 2nd.', '2013-07-01', 'the 2nd', 'DATE', '2013-07-02');
  expect('He resigned in 1998.', SAMPLE_DCT, '1998', 'DATE', '1998');
  expect('The dividend is payable Dec. 15 to holders.', '1989-10-26', 'Dec. 15', 'DATE', '1989-12-15');
});

test('weekdays follow the tense of the clause', () => {
  // 2013-07-03 is a Wednesday
  expect('The minister said Friday that talks would resume.', '2013-07-03', 'Friday', 'DATE', '2013-06-28');
  expect('The ministers will meet Friday in Geneva.', '2013-07-03', 'Friday', 'DATE', '2013-07-05');
  expect('Police arrested him last Friday.', '2013-07-03', 'last Friday', 'DATE', '2013-06-28');
  expect('He returns next Tuesday.', '2013-07-03', 'next Tuesday', 'DATE', '2013-07-09');
  expect('The rally ended Tuesday night.', SAMPLE_DCT, 'Tuesday night', 'TIME', '2013-07-02TNI');
  // a month that opens the sentence takes the tense of its main verb, past an abbreviation such as "vs."
  expect(
    'In January, a week after the anniversary of the Roe vs. Wade decision, a bombing in Birmingham, Ala., killed a guard.',
    '1998-10-25',
    'January',
    'DATE',
    '1998-01',
  );
  // the simple present of a scheduling verb states a plan; "the meet" is a noun and says nothing
  expect('He and Arafat meet separately Monday with Albright.', '1998-05-01', 'Monday', 'DATE', '1998-05-04');
  expect('Crowds gathered for the meet Monday.', '1998-05-01', 'Monday', 'DATE', '1998-04-27');
  // "ahead of Tuesday's primary" is still to come, though the clause is in the past (2016-04-15 is a Friday)
  expect("The race turned nasty ahead of Tuesday's primary.", '2016-04-15', 'Tuesday', 'DATE', '2016-04-19');
  expect('The Silver State holds its caucuses on Saturday.', '2016-02-18', 'Saturday', 'DATE', '2016-02-20');
  expect('He speaks to supporters via video on Thursday night.', '2016-06-14', 'Thursday night', 'TIME', '2016-06-16TNI');
  // "could not be reached" is what the reporter found; "could be delayed" is still ahead (2000-01-06 is a Thursday)
  expect('His lawyer could not be reached Wednesday.', '2000-01-06', 'Wednesday', 'DATE', '2000-01-05');
  expect('Neither he nor his grandparents could be located Wednesday.', '2000-01-06', 'Wednesday', 'DATE', '2000-01-05');
  expect('There is no chance the vote could be held Friday.', '2000-01-06', 'Friday', 'DATE', '2000-01-07');
  expect('The vote could be delayed until Friday.', '2000-01-06', 'Friday', 'DATE', '2000-01-07');
  expect('When would they be paid on Friday?', '2016-03-08', 'Friday', 'DATE', '2016-03-11');
});

test('a month without a year follows the modal or preposition that looks ahead', () => {
  // in March, July alone is last July unless the clause looks ahead
  expect('The nominee will almost certainly be decided at the convention in July.', '2016-03-08', 'July', 'DATE', '2016-07');
  expect('The deal might lead to gains in November.', '2016-03-18', 'November', 'DATE', '2016-11');
  expect('She is marching toward November.', '2016-03-18', 'November', 'DATE', '2016-11');
  expect('He may have left in November.', '2016-03-18', 'November', 'DATE', '2015-11');
  // a hypothetical ("would ... if he won") looks ahead; a real past condition does not (2016-05-16 is a Monday)
  expect('He asked how they would fare if he won the election on Nov. 8.', '2016-05-16', 'Nov. 8', 'DATE', '2016-11-08');
  expect('If he left on Friday, nobody saw it.', '2016-05-16', 'Friday', 'DATE', '2016-05-13');
});

test('with no tense at all, a month without a year is the nearer one', () => {
  // five months ahead is nearer than seven back; seven back is farther than five ahead
  expect('The tech community is waiting for November.', '2016-06-03', 'November', 'DATE', '2016-11');
  expect('The law takes effect in January.', '2013-08-01', 'January', 'DATE', '2014-01');
  expect('The tech community is waiting for December.', '2016-06-03', 'December', 'DATE', '2015-12');
});

test('a date without a year follows a story that looks ahead', () => {
  // in February, "August 6" alone is the August before, unless the story has just named a day to come
  expect('The airline opened a route on August 6.', '1998-02-13', 'August 6', 'DATE', '1997-08-06');
  expect(
    'Flights would leave Bombay from March 30, with the third departing each Thursday from August 6.',
    '1998-02-13',
    'August 6',
    'DATE',
    '1998-08-06',
  );
});

test('months, years, decades, seasons, quarters and weeks', () => {
  expect('Shares fell in the 1990s.', SAMPLE_DCT, 'the 1990s', 'DATE', '199');
  expect('Sales rose last spring.', SAMPLE_DCT, 'last spring', 'DATE', '2012-SP');
  expect('Two helicopters crashed last May.', SAMPLE_DCT, 'last May', 'DATE', '2013-05');
  // June, the month just gone, would be "last month": "last June" is a year earlier
  expect('Two helicopters crashed last June.', SAMPLE_DCT, 'last June', 'DATE', '2012-06');
  expect('Profit rose in the third quarter.', '2013-10-20', 'the third quarter', 'DATE', '2013-Q3');
  expect('Third-quarter profit rose 5%.', '2013-10-20', 'Third-quarter', 'DATE', '2013-Q3');
  expect('The firm reported a loss last week.', SAMPLE_DCT, 'last week', 'DATE', '2013-W26');
  expect('Talks continue this week.', SAMPLE_DCT, 'this week', 'DATE', '2013-W27');
  expect('He will retire next year.', SAMPLE_DCT, 'next year', 'DATE', '2014');
  expect('Prices climbed earlier this year.', SAMPLE_DCT, 'earlier this year', 'DATE', '2013', 'START');
  expect('Results for fiscal 2012 were weak.', SAMPLE_DCT, 'fiscal 2012', 'DATE', '2012');
  expect('Net income fell in the fiscal year.', SAMPLE_DCT, 'the fiscal year', 'DATE', '2013');
  expect('Sales rose 5% from the year-earlier quarter.', '2013-10-20', 'the year-earlier quarter', 'DATE', '2012-Q3');
  // "a year-earlier loss": the article belongs to the loss, not to a year
  expect('It earned 3 cents, compared with a year-earlier loss.', '1989-11-02', 'year-earlier', 'DATE', '1988');
  // a fiscal quarter once named keeps its name, even "ended Sept. 29"
  const fiscal = 'Sun earned $5.2 million in the fiscal first quarter. Sales were $538.5 million for the quarter ended Sept. 29.';
  expect(fiscal, '1989-10-26', 'the quarter', 'DATE', '1989-Q1');
  expect('Sales were $538.5 million for the quarter ended Sept. 29.', '1989-10-26', 'the quarter', 'DATE', '1989-Q3');
  expect('Output will grow through the first two quarters of 1990.', '1989-10-26', 'the first two quarters of 1990', 'DATE', '1990-H1');
  expect('Sales slowed in the last half of the 1980s.', '1989-10-26', 'the last half of the 1980s', 'DATE', '198', 'END');
  expect('The conventions fall in the second half of July 2016.', '2015-12-21', 'the second half of July 2016', 'DATE', '2016-07', 'END');
  // an apposition names the same month; "July." ends its sentence, so "In March" opens the next one and takes its past tense
  const apposition = 'The conventions are in July. In March, the month after Scalia died, they voted.';
  expect(apposition, '2015-12-21', 'the month', 'DATE', '2015-03');
});

test('relative expressions anchored to the dateline or to a date in the text', () => {
  expect('The rebels attacked yesterday.', SAMPLE_DCT, 'yesterday', 'DATE', '2013-07-01');
  expect('The firm was founded two years ago.', SAMPLE_DCT, 'two years ago', 'DATE', '2011');
  expect('He arrived on March 3. The next day he met the press.', SAMPLE_DCT, 'The next day', 'DATE', '2013-03-04');
  expect('The ministers met on March 3. They had flown in the previous day.', SAMPLE_DCT, 'the previous day', 'DATE', '2013-03-02');
  expect('Sales were $5 million in the third quarter, up from $4 million a year earlier.', '2013-10-20', 'a year earlier', 'DATE', '2012-Q3');
});

test('references, durations and sets', () => {
  expect('Prices are now falling.', SAMPLE_DCT, 'now', 'DATE', 'PRESENT_REF');
  expect('He recently left the firm.', SAMPLE_DCT, 'recently', 'DATE', 'PAST_REF');
  expect('He served three years in prison.', SAMPLE_DCT, 'three years', 'DURATION', 'P3Y');
  expect('It signed a two-year contract.', SAMPLE_DCT, 'two-year', 'DURATION', 'P2Y');
  expect('The talks lasted nearly two hours.', SAMPLE_DCT, 'nearly two hours', 'DURATION', 'PT2H', 'LESS_THAN');
  // "over" is "more than" after a word of length, "during" after an amount spread across the time
  expect('The tour is likely to last over a week.', SAMPLE_DCT, 'over a week', 'DURATION', 'P1W', 'MORE_THAN');
  // "about" before a reference is the preposition: the expression is "the past"
  expect('It is a dispute about the past.', SAMPLE_DCT, 'the past', 'DATE', 'PAST_REF');
  expect('The plan would save $30 billion over 10 years.', SAMPLE_DCT, '10 years', 'DURATION', 'P10Y');
  expect('The board meets every Tuesday.', SAMPLE_DCT, 'every Tuesday', 'SET', 'XXXX-WXX-2');
  expect('He works on Sundays.', SAMPLE_DCT, 'Sundays', 'SET', 'XXXX-WXX-7');
  expect('We spend our Friday nights poring over polls.', SAMPLE_DCT, 'Friday nights', 'SET', 'XXXX-WXX-5TNI');
  expect('Flights leave on Monday and Tuesday nights.', SAMPLE_DCT, 'Monday', 'SET', 'XXXX-WXX-1TNI');
  expect('The report is published annually.', SAMPLE_DCT, 'annually', 'SET', 'P1Y');
  expect('We face the challenges of the near term.', SAMPLE_DCT, 'the near term', 'DATE', 'FUTURE_REF');
  expect('The plant will be financed at a later date.', SAMPLE_DCT, 'a later date', 'DATE', 'FUTURE_REF');
  expect('They will have to live without it for a while.', SAMPLE_DCT, 'a while', 'DURATION', 'PXX');
  // "the eighth day of" an event, said in the present, is the day of the story
  expect('Today is the eighth day of the blockade.', SAMPLE_DCT, 'the eighth day', 'DATE', '2013-07-02');
  expect("It's the second day of an offensive.", SAMPLE_DCT, 'the second day', 'DATE', '2013-07-02');
});

test('times of day, with zones and stray AM/PM', () => {
  expect('The blast occurred at 10:35 a.m. local time.', SAMPLE_DCT, '10:35 a.m.', 'TIME', '2013-07-02T10:35');
  // a time that heads a live-blog entry is on the dateline's day, not on the day the last entry named
  expect('A memorial service is planned Friday. ___. 2:25 p.m. His brother has spoken.', '2016-06-05', '2:25 p.m.', 'TIME', '2016-06-05T14:25');
  // a time in a past-tense clause is not on a day still to come
  expect('The next primary is May 10. Officials said the count ended at 9:30 p.m.', '2016-04-27', '9:30 p.m.', 'TIME', '2016-04-27T21:30');
  expect('The offer expires at 3 p.m. EDT Friday.', '2013-07-03', '3 p.m. EDT Friday', 'TIME', '2013-07-05T15:00');
  expect('Updated: Jul 02, 2013, 15:59 PM IST', null, 'Jul 02, 2013, 15:59 PM IST', 'TIME', '2013-07-02T15:59');
});

test('"about" before a year is the preposition unless a preposition of time comes first', () => {
  expect('He made a prediction about 2016.', SAMPLE_DCT, '2016', 'DATE', '2016');
  expect('It happened in about 1990.', SAMPLE_DCT, 'about 1990', 'DATE', '1990', 'APPROX');
});

test('titles are not dates: a film in quotation marks, a show or a paper named with a frequency', () => {
  assert.deepEqual(dates('The movie ‘13 Hours’ opens soon.', SAMPLE_DCT).map((d) => d.text), []);
  assert.deepEqual(dates('He hosts The Nightly Show and writes for The Weekly Standard.', SAMPLE_DCT).map((d) => d.text), []);
  assert.deepEqual(dates("He sits on USA TODAY's board.", SAMPLE_DCT).map((d) => d.text), []);
  assert.deepEqual(dates('The ad was paid for by the Liberty Now PAC.', SAMPLE_DCT).map((d) => d.text), []);
  expect('In the USA today, prices rose.', SAMPLE_DCT, 'today', 'DATE', '2013-07-02');
  expect('The report is published weekly.', SAMPLE_DCT, 'weekly', 'SET', 'P1W');
  assert.deepEqual(dates('The Communist Party daily Granma praised the boy, as did the business weekly Barron\'s.', SAMPLE_DCT).map((d) => d.text), []);
  expect('The paper appears daily. Granma is read by all.', SAMPLE_DCT, 'daily', 'SET', 'P1D');
});

test('ages and prices are not dates', () => {
  assert.deepEqual(dates('The 6-year-old boy paid $1990 for 2,000 shares.', SAMPLE_DCT).map((d) => d.text), []);
});

test('without a dateline, relative dates keep unknown digits', () => {
  expect('He left on Tuesday.', null, 'Tuesday', 'DATE', 'XXXX-XX-XX');
  expect('He left in August 2003.', null, 'August 2003', 'DATE', '2003-08');
});

test('a long input of one paragraph has every date found', () => {
  const text = 'Mr. Kim said on Tuesday that talks held last month in Beijing lasted three hours. '.repeat(20000);
  const found = dates(text, SAMPLE_DCT);
  assert.equal(found.length, 60000);
  assert.deepEqual(found.slice(-3).map((d) => d.value), ['2013-07-02', '2013-06', 'PT3H']);
});

test('values in words and their distance from the dateline, for hovers', () => {
  assert.equal(describeValue('DATE', '2013-07-02'), 'Tuesday, July 2, 2013');
  assert.equal(relationToPublication('2013-06-28', '2013-07-02T15:59'), '4 days before publication');
  assert.equal(describeValue('DATE', '2013-06'), 'June 2013');
  assert.equal(relationToPublication('2013-06', '2013-07-02'), '1 month before publication');
  assert.equal(describeValue('DATE', '2013-W26-WE'), 'the weekend of June 29, 2013');
  assert.equal(relationToPublication('2013-W26-WE', '2013-07-02'), '3 days before publication');
  assert.equal(describeValue('DATE', '2013-Q3'), 'the third quarter of 2013');
  assert.equal(describeValue('DATE', '199'), 'the 1990s');
  assert.equal(describeValue('TIME', '2013-07-02TNI'), 'Tuesday, July 2, 2013 (night)');
  assert.equal(describeValue('DURATION', 'P3Y'), '3 years');
  assert.equal(describeValue('SET', 'XXXX-WXX-2'), 'every Tuesday');
  assert.equal(describeValue('SET', 'XXXX-WXX-5TNI'), 'every Friday night');
  assert.equal(describeValue('DURATION', 'PXX'), 'some time');
  assert.equal(describeValue('DATE', 'PAST_REF'), 'the past');
});

test('present and past references that depend on how the word is used', () => {
  expect('Iraq is isolated now that a noose has tightened.', SAMPLE_DCT, 'now', 'DATE', 'PRESENT_REF');
  expect('He blamed the current crisis on the banks.', SAMPLE_DCT, 'current', 'DATE', 'PRESENT_REF');
  expect('Holders may buy shares at 50% of the then current market price.', SAMPLE_DCT, 'then current', 'DATE', 'PAST_REF');
  expect('Islam will one day be the second largest religion.', SAMPLE_DCT, 'one day', 'DATE', 'FUTURE_REF');
  const spans = (text: string): string[] => dates(text, SAMPLE_DCT).map((d) => d.text);
  // a sentence-opening "Now," moves the story on; "current account" is accounting
  assert.deepEqual(spans('Iraq was ready to withdraw. Now, he says, it looks different.'), []);
  assert.deepEqual(spans('The current account deficit widened.'), []);
});

test('ordinals, titles and idioms that look like times are not dates', () => {
  const spans = (text: string): string[] => dates(text, SAMPLE_DCT).map((d) => d.text);
  assert.deepEqual(spans('A second group of directors sold shares.'), []);
  assert.deepEqual(spans("Gonzalez said on CBS's ''60 Minutes'' that Baker spoke on ABC's \"This Week\"."), []);
  assert.deepEqual(spans('For the people of Poland, high noon comes at last.'), []);
  assert.deepEqual(spans('She flew to Nairobi later in the day.'), []);
});

test('durations written as premodifiers and frequencies with a count', () => {
  expect('They left their third day-long meeting.', SAMPLE_DCT, 'day-long', 'DURATION', 'P1D');
  expect('It is a decades-long battle.', SAMPLE_DCT, 'decades-long', 'DURATION', 'PXE');
  expect('Protesters stood outside his home 24 hours a day.', SAMPLE_DCT, '24 hours a day', 'SET', 'P1D');
});

test('days and parts of days anchored to the day last named', () => {
  expect('He was arrested on March 3 and appeared in court the next morning.', SAMPLE_DCT, 'the next morning', 'TIME', '2013-03-04TMO');
  expect('In London at mid-afternoon yesterday, shares were up.', SAMPLE_DCT, 'mid-afternoon yesterday', 'TIME', '2013-07-01TAF');
  expect('Stocks fell on Friday. Dealers placed buy orders in the morning.', SAMPLE_DCT, 'the morning', 'TIME', '2013-06-28TMO');
  expect('He was seen on March 3. His name was crossed out that same day.', SAMPLE_DCT, 'that same day', 'DATE', '2013-03-03');
  // only the month is known, so only the month is given
  expect('The site went up in October 1998 and was closed that same day.', SAMPLE_DCT, 'that same day', 'DATE', '1998-10-XX');
});

test('"March" and "May" before a noun are months', () => {
  expect('The March accession will let them sign the summit documents.', '1999-02-10', 'March', 'DATE', '1999-03');
  assert.deepEqual(dates('She joined the March of Dimes.', SAMPLE_DCT).map((d) => d.text), []);
});
