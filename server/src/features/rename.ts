import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Article, Mention } from '../core/model';
import { namedAt } from './navigation';
import { toRange } from './ranges';

const words = (name: string): string[] => name.trim().split(/\s+/).filter(Boolean);

/**
 * The new text for one mention when `oldName` becomes `newName`: a full mention takes the whole new
 * name; a partial one ("Kim", "Mr. Kim") has its name words replaced by the words at the same place
 * in the new name (the surname stays the surname). Honorifics and possessive endings are kept.
 */
export function renamedMention(mention: Mention, oldName: string, newName: string): { offset: number; length: number; text: string } | null {
  const oldWords = words(oldName);
  const newWords = words(newName);
  if (mention.text === oldName) return { offset: 0, length: mention.text.length, text: newName };
  for (let size = oldWords.length - 1; size >= 1; size--) {
    for (let from = 0; from + size <= oldWords.length; from++) {
      const part = oldWords.slice(from, from + size).join(' ');
      const at = mention.text.lastIndexOf(part);
      if (at < 0 || at + part.length !== mention.text.length) continue;
      let replacement: string[];
      if (newWords.length === oldWords.length) replacement = newWords.slice(from, from + size);
      else if (from + size === oldWords.length) replacement = newWords.slice(-size);
      else replacement = newWords.slice(0, size);
      return { offset: at, length: part.length, text: replacement.join(' ') };
    }
  }
  return null;
}

export function prepareRename(article: Article, document: TextDocument, position: Position): { range: Range; placeholder: string } | null {
  const named = namedAt(article, document.offsetAt(position));
  if (!named || !('titles' in named.entity)) return null;
  return { range: toRange(document, named.mention), placeholder: named.entity.name };
}

/** Renames a person across the article: every mention, keeping honorifics and possessives. */
export function rename(article: Article, document: TextDocument, position: Position, newName: string): WorkspaceEdit | null {
  const named = namedAt(article, document.offsetAt(position));
  if (!named || !('titles' in named.entity) || !newName.trim()) return null;
  const edits: TextEdit[] = [];
  for (const mention of named.entity.mentions) {
    if (mention.kind === 'pronoun' || mention.kind === 'title') continue;
    const change = renamedMention(mention, named.entity.name, newName.trim());
    if (!change) continue;
    const start = mention.start + change.offset;
    edits.push({ range: toRange(document, { start, end: start + change.length }), newText: change.text });
  }
  return { changes: { [document.uri]: edits } };
}
