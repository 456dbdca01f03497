import { describeValue } from '../core/dates/words';
import { inTimeOrder } from '../core/timeline';
import { quotesBy, speakerOf } from '../core/lookup';
import type { Article } from '../core/model';

/** Turns offsets into 1-based "line:column" (columns in UTF-16 code units, as editors count). */
class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  at(offset: number): string {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return `${low + 1}:${offset - this.lineStarts[low] + 1}`;
  }
}

const mentions = (count: number): string => `${count} mention${count === 1 ? '' : 's'}`;

function oneLine(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A readable outline of the article for the terminal. */
export function articleToText(file: string, article: Article): string {
  const lines = new LineIndex(article.text);
  const out: string[] = [`== ${file}`];
  out.push(`Headline: ${article.headline ? article.headline.text : '(none)'}`);
  out.push(`Dateline: ${article.dct ? `${article.dct.value} (from ${article.dct.source})` : '(none)'}`);

  out.push('', `People (${article.people.length})`);
  for (const person of article.people) {
    const quotes = quotesBy(article, person.id);
    // "professor at Seoul's University …" already names its affiliation.
    const titles = person.titles.map((t) => (t.affiliation && !t.text.includes(t.affiliation) ? `${t.text} [${t.affiliation}]` : t.text)).join('; ');
    const quoted = quotes.length ? `, quoted ${quotes.length}×` : '';
    out.push(`  ${person.name}${titles ? ` — ${titles}` : ''} (${mentions(person.mentions.length)}${quoted})`);
  }
  if (article.organizations.length) {
    out.push('', `Organisations (${article.organizations.length})`);
    for (const organization of article.organizations) out.push(`  ${organization.name} (${mentions(organization.mentions.length)})`);
  }

  out.push('', `Quotes (${article.quotes.length})`);
  for (const quote of article.quotes) {
    const speaker = speakerOf(article, quote);
    const by = speaker ? speaker.name : quote.expectsSpeaker ? '(unattributed)' : '(not speech)';
    out.push(`  ${lines.at(quote.start)} ${by}: ${oneLine(quote.text)}`);
  }

  out.push('', `Dates (${article.dates.length}, in time order)`);
  for (const date of inTimeOrder(article.dates, article.dct)) {
    out.push(`  ${lines.at(date.start)} "${oneLine(date.text, 40)}" → ${date.value} (${date.type}; ${describeValue(date.type, date.value)})`);
  }

  out.push('', `Problems (${article.findings.length})`);
  for (const finding of article.findings) {
    out.push(`  ${lines.at(finding.start)} ${finding.severity} [${finding.code}] ${finding.message}`);
  }
  return out.join('\n');
}
