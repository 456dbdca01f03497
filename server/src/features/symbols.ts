import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeValue } from '../core/dates/words';
import { byValue, inTimeOrder } from '../core/timeline';
import { quotesBy } from '../core/lookup';
import type { Article, Organization, Person, Quote, Span } from '../core/model';
import { excerpt } from './excerpt';
import { toRange } from './ranges';

/**
 * The smallest span covering all of the `groups` of spans (LSP wants a parent's range to contain its
 * children). Loops, not Math.min(...spans) or spreads into one array: an archive-sized article has more
 * mentions than a call has arguments, and the outline is rebuilt after every edit.
 */
function cover(...groups: Span[][]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const spans of groups) {
    for (const span of spans) {
      if (span.start < start) start = span.start;
      if (span.end > end) end = span.end;
    }
  }
  return { start, end };
}

/** The span covering every speaker's mentions, titles and quotes. */
function coverSpeakers(article: Article, speakers: Array<Person | Organization>): Span {
  const covers = speakers.map((s) => cover(s.mentions, 'titles' in s ? s.titles : [], quotesBy(article, s.id)));
  return cover(covers);
}

function quoteSymbol(document: TextDocument, quote: Quote): DocumentSymbol {
  const range = toRange(document, quote);
  return { name: excerpt(quote.text, 60), detail: quote.cue?.text ?? '', kind: SymbolKind.String, range, selectionRange: range };
}

function speakerSymbol(article: Article, document: TextDocument, speaker: Person | Organization): DocumentSymbol {
  const quotes = quotesBy(article, speaker.id);
  const first = speaker.mentions[0];
  const titles = 'titles' in speaker ? speaker.titles : [];
  const extent = cover(speaker.mentions, titles, quotes);
  return {
    name: speaker.name,
    detail: titles[0]?.text ?? ('titles' in speaker ? '' : 'organisation'),
    kind: 'titles' in speaker ? SymbolKind.Object : SymbolKind.Module,
    range: toRange(document, extent),
    selectionRange: toRange(document, first),
    children: quotes.map((quote) => quoteSymbol(document, quote)),
  };
}

function group(document: TextDocument, name: string, children: DocumentSymbol[], extent: Span): DocumentSymbol | null {
  if (children.length === 0) return null;
  const range = toRange(document, extent);
  return { name, kind: SymbolKind.Namespace, range, selectionRange: { start: range.start, end: range.start }, children };
}

/**
 * The outline: the headline as root, then a People group (each person with their main title and
 * their quotes), quoted organisations, and a Dates group in time order.
 */
export function documentSymbols(article: Article, document: TextDocument): DocumentSymbol[] {
  const people = article.people.filter((p) => p.mentions.length > 0);
  const peopleGroup = group(
    document,
    'People',
    people.map((p) => speakerSymbol(article, document, p)),
    coverSpeakers(article, people),
  );
  const sources = article.organizations.filter((o) => o.mentions.length > 0 && quotesBy(article, o.id).length > 0);
  const sourcesGroup = group(
    document,
    'Organisations quoted',
    sources.map((o) => speakerSymbol(article, document, o)),
    coverSpeakers(article, sources),
  );
  const timeline = inTimeOrder(article.dates, article.dct);
  const described = byValue((date) => describeValue(date.type, date.value));
  const datesGroup = group(
    document,
    'Dates',
    timeline.map((date) => {
      const range = toRange(document, date);
      return { name: `${date.text} → ${date.value}`, detail: described(date), kind: SymbolKind.Event, range, selectionRange: range };
    }),
    cover(timeline),
  );
  const groups = [peopleGroup, sourcesGroup, datesGroup].filter((g): g is DocumentSymbol => g !== null);
  if (!article.headline) return groups;
  const whole = { start: 0, end: article.text.length };
  return [
    {
      name: article.headline.text,
      detail: article.dct ? `published ${article.dct.value}` : '',
      kind: SymbolKind.File,
      range: toRange(document, whole),
      selectionRange: toRange(document, article.headline),
      children: groups,
    },
  ];
}
