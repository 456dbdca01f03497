import type { Location, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { elementAt } from '../core/lookup';
import type { Article, Mention, Organization, Person } from '../core/model';
import { toRange } from './ranges';

/** The person or organisation named at a position, with the mention under the cursor. */
export function namedAt(article: Article, offset: number): { entity: Person | Organization; mention: Mention } | null {
  const element = elementAt(article, offset);
  if (element?.kind === 'person') return { entity: element.person, mention: element.mention };
  if (element?.kind === 'organization') return { entity: element.organization, mention: element.mention };
  return null;
}

/** Go to definition: from any mention to the first full mention of that person. */
export function definition(article: Article, document: TextDocument, position: Position): Location | null {
  const named = namedAt(article, document.offsetAt(position));
  if (!named) return null;
  const mentions = named.entity.mentions;
  const first = mentions.find((m) => m.kind === 'full') ?? mentions[0];
  return { uri: document.uri, range: toRange(document, first) };
}

/** Find all references: every mention of the person or organisation at the cursor. */
export function references(article: Article, document: TextDocument, position: Position): Location[] | null {
  const named = namedAt(article, document.offsetAt(position));
  if (!named) return null;
  return named.entity.mentions.map((mention) => ({ uri: document.uri, range: toRange(document, mention) }));
}
