import type { Hover, MarkupContent, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeTimexValue, relationToPublication } from '../core/describe';
import { elementAt, quotesBy, speakerOf } from '../core/lookup';
import type { Article, Organization, Person, Quote, TemporalExpression, Title } from '../core/model';
import { toRange } from './ranges';

function lineOf(document: TextDocument, offset: number): number {
  return document.positionAt(offset).line + 1;
}

function titleLine(title: Title): string {
  const former = title.former && !/^former\b/i.test(title.text) ? 'former ' : '';
  const affiliation = title.affiliation ? ` — ${title.affiliation}` : '';
  return `${former}${title.text}${affiliation}`;
}

function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function personHover(article: Article, document: TextDocument, person: Person): string {
  const lines = [`**${person.name}** (person)`];
  if (person.titles.length > 0) {
    lines.push('', ...person.titles.map((t) => `- ${titleLine(t)}`));
  } else {
    lines.push('', '_No role given in the article._');
  }
  const quotes = quotesBy(article, person.id);
  const first = person.mentions[0];
  const mentions = person.mentions.length;
  lines.push(
    '',
    `Mentioned ${mentions} time${mentions === 1 ? '' : 's'}, first on line ${first ? lineOf(document, first.start) : '?'}` +
      ` · quoted ${quotes.length} time${quotes.length === 1 ? '' : 's'}`,
  );
  for (const quote of quotes) lines.push(`- line ${lineOf(document, quote.start)}: ${excerpt(quote.text)}`);
  return lines.join('\n');
}

function organizationHover(article: Article, organization: Organization): string {
  const quotes = quotesBy(article, organization.id);
  const mentions = organization.mentions.length;
  return [
    `**${organization.name}** (organisation)`,
    '',
    `Mentioned ${mentions} time${mentions === 1 ? '' : 's'} · quoted ${quotes.length} time${quotes.length === 1 ? '' : 's'}`,
  ].join('\n');
}

function dateHover(article: Article, date: TemporalExpression): string {
  const lines = [`**${describeTimexValue(date.value)}** (${date.type.toLowerCase()})`, '', `Value: \`${date.value}\``];
  if (date.mod) lines.push(`Modifier: ${date.mod.toLowerCase().replace(/_/g, ' ')}`);
  const relation = relationToPublication(date, article.dct);
  if (relation) lines.push(`${relation[0].toUpperCase()}${relation.slice(1)} (${article.dct?.value})`);
  if (date.relative && !article.dct) lines.push('', '_No dateline: this relative date has nothing to anchor it._');
  return lines.join('\n');
}

function quoteHover(article: Article, quote: Quote): string {
  const speaker = speakerOf(article, quote);
  if (!speaker) {
    const reason = quote.expectsSpeaker ? 'Nobody is credited with this quote.' : 'Not speech (a term or title in quotation marks).';
    return `**Quote** — ${reason}`;
  }
  const lines = [`**Quote** by **${speaker.name}**`];
  const title = 'titles' in speaker ? speaker.titles[0] : undefined;
  if (title) lines.push(`_${titleLine(title)}_`);
  const cue = quote.cue ? ` · cue: “${quote.cue.text}”` : '';
  if (quote.speakerMention) lines.push('', `Attributed through “${quote.speakerMention.text}”${cue}`);
  return lines.join('\n');
}

function titleHover(article: Article, document: TextDocument, person: Person, title: Title): string {
  return `Role of **${person.name}**: ${titleLine(title)}\n\n---\n\n${personHover(article, document, person)}`;
}

/** The hover for whatever is under the cursor: a person, an organisation, a date or a quote. */
export function hover(article: Article, document: TextDocument, position: Position): Hover | null {
  const element = elementAt(article, document.offsetAt(position));
  if (!element) return null;
  let value: string;
  let span;
  switch (element.kind) {
    case 'person':
      value = personHover(article, document, element.person);
      span = element.mention;
      break;
    case 'title':
      value = titleHover(article, document, element.person, element.title);
      span = element.title;
      break;
    case 'organization':
      value = organizationHover(article, element.organization);
      span = element.mention;
      break;
    case 'date':
      value = dateHover(article, element.date);
      span = element.date;
      break;
    case 'quote':
      value = quoteHover(article, element.quote);
      span = element.quote;
      break;
  }
  const contents: MarkupContent = { kind: 'markdown', value };
  return { contents, range: toRange(document, span) };
}
