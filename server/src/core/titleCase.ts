/** Short words a title in title case leaves in lower case: "War and Peace", "Poll: Voters Abandon Party for Clinton". */
export const TITLE_CASE_SMALL_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'is', 'be', 'as', 'but', 'nor', 'vs', 'vs.', 'via']);
