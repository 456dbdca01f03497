import tenseData from '../data/dates-tense.json';
import { tenseAt } from '../dates';
import { dateInWords } from '../dates/words';
import type { Rule, RuleFinding } from './rule';

/** "the Iowa caucuses Feb. 1", "the April 19 New York primary": a date that names an event rather than dating the clause's verb. */
const EVENT_NOUNS = new Set(tenseData.eventNouns);
/** "challenged Clinton to debate him on April 14", "proposed they debate on April 15": the date is of what was proposed. */
const PROPOSAL_VERBS = new RegExp(`\\b(?:${tenseData.proposalVerbs.join('|')})\\b`, 'i');
const WORD_BEFORE = /(\p{L}+)\s+(?:on\s+)?$/u;
const WORDS_AFTER = /^\s+((?:\p{Lu}[\p{L}.]*\s+)*)(\p{L}+)/u;

function labelsEvent(text: string, start: number, end: number): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  if (before && EVENT_NOUNS.has(before.toLowerCase())) return true;
  const after = WORDS_AFTER.exec(text.slice(end, end + 60))?.[2];
  return after !== undefined && EVENT_NOUNS.has(after.toLowerCase());
}

/** "extended to Nov. 20", "of record Nov. 16", "the Jan. 14 deadline": the date is a target or a label, not when it happened. */
const NOT_EVENT_TIME = /(?:\b(?:to|until|till|through|by|before|from|record|the|a|an|its|their|his|her)|'s|’s)\s*$/i;
/** Any sign in the clause that the sentence looks ahead. */
const LOOKS_AHEAD = /\b(?:will|would|shall|'ll|expected|scheduled|due|plans?|planned to|set to|until|deadline)\b/i;
const CLAUSE = 120;

/** A calendar date later than the dateline in a clause told in the past tense: a typo in the date or the dateline. */
export const dateAfterPublication: Rule = {
  code: 'date-after-publication',
  defaultSeverity: 'warning',
  description: 'A past event dated after the article\'s dateline, as in "left on July 5" in a story dated July 2.',
  check(article) {
    const findings: RuleFinding[] = [];
    const dct = article.dct;
    if (!dct) return findings;
    const published = dct.value.slice(0, 10);
    for (const date of article.dates) {
      if (date.type !== 'DATE' && date.type !== 'TIME') continue;
      // Only dates written as calendar dates ("July 5", "5 July 2013"), not "next week".
      if (!/\d/.test(date.text)) continue;
      const day = /^\d{4}-\d\d-\d\d/.exec(date.value)?.[0];
      if (!day || day <= published) continue;
      if (NOT_EVENT_TIME.test(article.text.slice(Math.max(0, date.start - 20), date.start))) continue;
      if (labelsEvent(article.text, date.start, date.end)) continue;
      const clause = article.text.slice(Math.max(0, date.start - CLAUSE), Math.min(article.text.length, date.end + CLAUSE));
      if (LOOKS_AHEAD.test(clause) || PROPOSAL_VERBS.test(clause) || tenseAt(article.text, date.start, date.end) !== 'past') continue;
      findings.push({
        start: date.start,
        end: date.end,
        message: `"${date.text}" (${dateInWords(day)}) is after the dateline (${dateInWords(published)}), but the sentence tells it in the past tense. Check the date or the dateline.`,
      });
    }
    return findings;
  },
};
