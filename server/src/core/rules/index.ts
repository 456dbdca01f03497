import { backtickApostrophe } from './backtickApostrophe';
import type { Rule } from './rule';

/** Every diagnostic rule, in the order their findings are reported at one position. */
export const rules: readonly Rule[] = [backtickApostrophe];
