import type { Article, TextSpan } from '../core/model';

const span = ({ text, start, end }: TextSpan) => ({ text, start, end });

/**
 * The CLI's JSON shape (version 1). Other tools depend on it: add a version before changing it.
 * `file` is null for text that came in a stdin record; `passThrough.id` (a stdin record's id) follows it when present.
 */
export function articleToJson(file: string | null, article: Article, passThrough: { id?: unknown } = {}) {
  return {
    version: 1,
    file,
    ...passThrough,
    dct: article.dct ? { value: article.dct.value, source: article.dct.source } : null,
    headline: article.headline ? span(article.headline) : null,
    people: article.people.map((person) => ({
      id: person.id,
      name: person.name,
      titles: person.titles.map(span),
      mentions: person.mentions.map(span),
    })),
    organizations: article.organizations.map((organization) => ({
      id: organization.id,
      name: organization.name,
      mentions: organization.mentions.map(span),
    })),
    quotes: article.quotes.map((quote) => ({
      ...span(quote),
      speaker: quote.speakerId,
      speakerMention: quote.speakerMention ? span(quote.speakerMention) : null,
      cue: quote.cue ? span(quote.cue) : null,
    })),
    dates: article.dates.map((date) => ({ ...span(date), type: date.type, value: date.value })),
    diagnostics: article.findings.map(({ code, severity, message, start, end }) => ({ code, severity, message, start, end })),
  };
}
