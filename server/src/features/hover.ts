import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeValue, relationToPublication } from '../core/dates/words';
import { elementAt, quotesBy, speakerOf } from '../core/lookup';
import type { Article, Organization, Person, Quote, Span, TemporalExpression, Title } from '../core/model';
import { excerpt } from './excerpt';
import { toRange } from './ranges';

/**
 * Article text shown as Markdown: a backtick typed for an apostrophe must not open a code span,
 * nor an asterisk start emphasis. Hover text is inline, so line-start syntax needs no escape.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (ch) => `\\${ch}`);
}

function plural(count: number, noun: string): string {
  return `${count} time${count === 1 ? '' : 's'}`.replace('time', noun);
}

function lineOf(document: TextDocument, offset: number): number {
  return document.positionAt(offset).line + 1;
}

function titleLine(title: Title): string {
  const former = title.former && !/^former\b/i.test(title.text) ? 'former ' : '';
  // "professor at Seoul's University" already names its affiliation.
  const affiliation = title.affiliation && !title.text.includes(title.affiliation) ? ` — ${title.affiliation}` : '';
  return escapeMarkdown(`${former}${title.text}${affiliation}`);
}

/** Hover sections are separate Markdown paragraphs, so editors never run two lines together. */
const sections = (...parts: Array<string | null>): string => parts.filter((p): p is string => p !== null).join('\n\n');

/** A hover is read at a glance: a speaker quoted throughout a long document lists the first quotes only. */
const QUOTES_LISTED = 10;

function personHover(article: Article, document: TextDocument, person: Person): string {
  const quotes = quotesBy(article, person.id);
  const first = person.mentions[0];
  const roles = person.titles.length > 0 ? person.titles.map((t) => `- ${titleLine(t)}`).join('\n') : '_No role given in the article._';
  const counts =
    `Mentioned ${plural(person.mentions.length, 'time')}` +
    (first ? `, first on line ${lineOf(document, first.start)}` : '') +
    ` · quoted ${plural(quotes.length, 'time')}`;
  const listed = quotes.slice(0, QUOTES_LISTED).map((q) => `- line ${lineOf(document, q.start)}: ${escapeMarkdown(excerpt(q.text, 80))}`);
  if (quotes.length > QUOTES_LISTED) listed.push(`- …and ${quotes.length - QUOTES_LISTED} more`);
  const quoteList = listed.length > 0 ? listed.join('\n') : null;
  return sections(`**${escapeMarkdown(person.name)}** (person)`, roles, counts, quoteList);
}

function organizationHover(article: Article, organization: Organization): string {
  const quotes = quotesBy(article, organization.id);
  return sections(
    `**${escapeMarkdown(organization.name)}** (organisation)`,
    `Mentioned ${plural(organization.mentions.length, 'time')} · quoted ${plural(quotes.length, 'time')}`,
  );
}

function dateHover(article: Article, date: TemporalExpression): string {
  const relation = article.dct && date.type !== 'DURATION' && date.type !== 'SET' ? relationToPublication(date.value, article.dct.value) : null;
  return sections(
    `**${escapeMarkdown(describeValue(date.type, date.value))}** (${date.type.toLowerCase()})`,
    `Value: \`${date.value}\`${date.mod ? ` · modifier: ${date.mod.toLowerCase().replace(/_/g, ' ')}` : ''}`,
    relation ? `${relation[0].toUpperCase()}${relation.slice(1)} (${article.dct?.value})` : null,
    date.relative && !article.dct ? '_No dateline: this relative date has nothing to anchor it._' : null,
  );
}

function quoteHover(article: Article, quote: Quote): string {
  const speaker = speakerOf(article, quote);
  if (!speaker) {
    return quote.expectsSpeaker
      ? '**Quote** — nobody is credited with this quote.'
      : '**Quote** — not speech (a term or title in quotation marks).';
  }
  const title = 'titles' in speaker ? speaker.titles[0] : undefined;
  const cue = quote.cue ? ` · cue: “${escapeMarkdown(quote.cue.text)}”` : '';
  return sections(
    `**Quote** by **${escapeMarkdown(speaker.name)}**`,
    title ? `_${titleLine(title)}_` : null,
    quote.speakerMention ? `Attributed through “${escapeMarkdown(quote.speakerMention.text)}”${cue}` : null,
  );
}

/** The hover for whatever is under the cursor: a person, a role, an organisation, a date or a quote. */
export function hover(article: Article, document: TextDocument, position: Position): Hover | null {
  const element = elementAt(article, document.offsetAt(position));
  if (!element) return null;
  let value: string;
  let span: Span;
  switch (element.kind) {
    case 'person':
      [value, span] = [personHover(article, document, element.person), element.mention];
      break;
    case 'title':
      [value, span] = [`Role of **${escapeMarkdown(element.person.name)}**: ${titleLine(element.title)}\n\n---\n\n${personHover(article, document, element.person)}`, element.title];
      break;
    case 'organization':
      [value, span] = [organizationHover(article, element.organization), element.mention];
      break;
    case 'date':
      [value, span] = [dateHover(article, element.date), element.date];
      break;
    case 'quote':
      [value, span] = [quoteHover(article, element.quote), element.quote];
      break;
  }
  return { contents: { kind: 'markdown', value }, range: toRange(document, span) };
}
