import type { Person, Quote } from '../model';
import { lineNumbers } from './lines';
import type { Rule, RuleFinding } from './rule';

/**
 * A speaker quoted before the article has introduced them by full name and role: news style
 * introduces "Yang Moo-Jin, a professor at …" at or before the first quote, and "Yang" after.
 */
export const speakerNotIntroduced: Rule = {
  code: 'speaker-not-introduced',
  defaultSeverity: 'information',
  description: 'A speaker quoted before being introduced by full name and role.',
  check(article) {
    const findings: RuleFinding[] = [];
    const lineOf = lineNumbers(article);
    const firstQuote = new Map<string, Quote>();
    // A headline quotes its speaker by surname before the story introduces them ("Sanders: ‘Of Course’ …"): news style.
    const headline = article.headline;
    for (const quote of article.quotes) {
      if (headline && quote.start >= headline.start && quote.end <= headline.end) continue;
      if (quote.speakerId && quote.speakerMention && !firstQuote.has(quote.speakerId)) firstQuote.set(quote.speakerId, quote);
    }
    const people = new Map<string, Person>(article.people.map((p) => [p.id, p]));
    for (const [id, quote] of firstQuote) {
      const person = people.get(id);
      const mention = quote.speakerMention;
      if (!person || !mention) continue;
      // The attribution counts as an introduction when it gives the full name and role itself.
      const introducedBy = Math.max(quote.end, mention.end);
      const fullName = person.mentions.find((m) => m.kind === 'full');
      const title = person.titles[0];
      const lateName = !fullName || fullName.start > introducedBy;
      // A role given later in the same paragraph line ("said Yang, a professor at …") is in time.
      const lineEnd = article.text.indexOf('\n', introducedBy);
      const lateTitle = title !== undefined && lineEnd >= 0 && title.start > lineEnd;
      if (!lateName && !lateTitle) continue;
      const at = mention.start >= quote.start - 300 && mention.end <= quote.end + 300 ? mention : quote;
      let message: string;
      if (!fullName) message = `${person.name} is quoted but never introduced by full name.`;
      else if (lateName)
        message = `${person.name} is quoted here before being introduced; the full name first appears on line ${lineOf(fullName.start)}.`;
      else message = `${person.name} is quoted here before their role ("${title.text}") is given on line ${lineOf(title.start)}.`;
      findings.push({ start: at.start, end: at.end, message });
    }
    return findings;
  },
};
