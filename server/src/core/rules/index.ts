import { backtickApostrophe } from './backtickApostrophe';
import { dateAfterPublication } from './dateAfterPublication';
import { firstMentionWithoutTitle } from './firstMentionWithoutTitle';
import { nameSpellingVariants } from './nameSpellingVariants';
import type { Rule } from './rule';
import { speakerNotIntroduced } from './speakerNotIntroduced';
import { unattributedQuote } from './unattributedQuote';
import { unbalancedQuotes } from './unbalancedQuotes';
import { unanchoredRelativeDate } from './unanchoredRelativeDate';
import { weekdayDateMismatch } from './weekdayDateMismatch';

/** Every diagnostic rule, in the order their findings are reported at one position. */
export const rules: readonly Rule[] = [backtickApostrophe, weekdayDateMismatch, dateAfterPublication, unanchoredRelativeDate, unattributedQuote, unbalancedQuotes, speakerNotIntroduced, nameSpellingVariants, firstMentionWithoutTitle];
