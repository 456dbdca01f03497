import type { Rule, RuleFinding } from './rule';

/** The sentence (as start and end offsets) around an offset. */
function sentenceAround(article: Parameters<Rule['check']>[0], offset: number): { start: number; end: number } {
  const { sentences } = article.structure;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s && s.start <= offset ? s : { start: offset, end: offset };
}

/** An organisation right after a name: ", of Buffalo Gyn Womanservices", " at First Boston", " with the Heritage Foundation". */
const AFFILIATION_AFTER = /^,?\s+(?:of|at|with)\s+(?:the\s+)?\p{Lu}/u;

/**
 * A quoted person whose first mention gives no role: readers should learn who is speaking
 * ("Yang Moo-Jin, a professor at …") where the person first appears.
 */
export const firstMentionWithoutTitle: Rule = {
  code: 'first-mention-without-title',
  defaultSeverity: 'information',
  description: 'A quoted person whose first mention does not say who they are (no title or role).',
  check(article) {
    const findings: RuleFinding[] = [];
    const quoted = new Set(article.quotes.map((q) => q.speakerId).filter((id): id is string => id !== null));
    // A headline names people by surname before the story introduces them ("Kasich: ‘We Are Going …’"): news style.
    const headline = article.headline;
    const inStory = (m: { start: number }): boolean => !headline || m.start >= headline.end || m.start < headline.start;
    for (const person of article.people) {
      if (!quoted.has(person.id)) continue;
      const first = person.mentions.find(inStory);
      if (!first) continue;
      const sentence = sentenceAround(article, first.start);
      if (person.titles.some((t) => t.start >= sentence.start && t.end <= sentence.end)) continue;
      // "said Steve Milunovich at First Boston", "Kurt Brouwer of Brouwer & Janachowski": where they work says who they are.
      if (AFFILIATION_AFTER.test(article.text.slice(first.end, Math.min(sentence.end, first.end + 40)))) continue;
      const later = person.titles.find((t) => t.start >= sentence.end);
      findings.push({
        start: first.start,
        end: first.end,
        message: later
          ? `${person.name} is quoted, but the first mention does not say who they are; the role ("${later.text}") comes only later.`
          : `${person.name} is quoted, but the article never says who they are (no title or role).`,
      });
    }
    return findings;
  },
};
