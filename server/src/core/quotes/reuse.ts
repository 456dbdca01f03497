import type { Paragraph, Person, TextSpan } from '../model';
import { movedOffset, type TextEdit } from '../structure';
import type { KeptSegment, ParagraphQuotes } from './paragraph';
import { READ_AFTER, READ_BEFORE } from './resolve';

/** What the quotation stage keeps of an analysis: whom it credited, and what crediting read. */
export interface KeptSpeakers {
  people: readonly Person[];
  paragraphs: readonly Paragraph[];
  results: readonly (ParagraphQuotes | null)[];
  /** Each quotation's speaker phrase, in text order, and the id it was linked to. */
  phrases: readonly (TextSpan | null)[];
  ids: readonly (string | null)[];
}

/**
 * Linking a speaker phrase reads the text near it (READ_BEFORE, READ_AFTER), the sentences, the mentions, the
 * quotations and the pronouns ("he", "she") linked before it. After an edit that only moved the sentences, the
 * people and the quotations (a word typed that is none of them), a phrase far enough from the edit therefore reads
 * what it read in the last analysis, moved, and names whom it named then: its id is taken again rather than
 * searched for. The phrases are linked in text order, so this holds from phrase to phrase while every pronoun
 * linked afresh names whom it named before; once one does not, all later phrases are linked afresh.
 */
export class SpeakerReuse {
  private reusing = true;

  private constructor(
    private readonly kept: KeptSpeakers,
    private readonly edit: TextEdit,
    private readonly isPronoun: (phrase: TextSpan) => boolean,
  ) {}

  /**
   * Reuse of the kept speakers, when `movedFrom` (the people the current ones were moved from, see peopleMovedFrom)
   * are those they were linked among and the sentences and quotations only moved; else null.
   */
  static after(
    kept: KeptSpeakers | undefined,
    edit: TextEdit | null,
    movedFrom: readonly Person[] | null,
    paragraphs: readonly Paragraph[],
    results: readonly (ParagraphQuotes | null)[],
    quotations: number,
    isPronoun: (phrase: TextSpan) => boolean,
  ): SpeakerReuse | null {
    if (!kept || !edit || !movedFrom || kept.people !== movedFrom || !edit.sentencesMoved) return null;
    if (kept.ids.length !== quotations || kept.paragraphs.length !== paragraphs.length) return null;
    for (let p = 0; p < paragraphs.length; p++) {
      const was = kept.paragraphs[p];
      const now = paragraphs[p];
      if (movedOffset(edit, was.start) !== now.start || movedOffset(edit, was.end) !== now.end) return null;
      const wasQuotes = kept.results[p];
      const nowQuotes = results[p];
      if (wasQuotes === nowQuotes) continue;
      if (!wasQuotes || !nowQuotes || !sameSegments(wasQuotes.segments, was.start, nowQuotes.segments, now.start, edit)) return null;
    }
    return new SpeakerReuse(kept, edit, isPronoun);
  }

  /** The id the phrase of quotation `u` was linked to in the kept analysis, when it may be taken again; else undefined. */
  known(u: number, phrase: TextSpan | null): string | null | undefined {
    if (!this.reusing || !phrase || !this.samePhrase(u, phrase)) return undefined;
    const was = this.kept.phrases[u]!;
    const { head, oldEnd, delta } = this.edit;
    const farBefore = oldEnd + Math.abs(delta) <= was.start - READ_BEFORE;
    const farAfter = head >= was.end + READ_AFTER;
    return farBefore || farAfter ? this.kept.ids[u] : undefined;
  }

  /** Records whom quotation `u`'s phrase was linked to (or that it has none). */
  linked(u: number, phrase: TextSpan | null, id: string | null): void {
    if (!this.reusing) return;
    const same = phrase ? this.samePhrase(u, phrase) : this.kept.phrases[u] === null;
    if (same && id === this.kept.ids[u]) return;
    // Only a pronoun linked then or now changes what later phrases read.
    const was = this.kept.phrases[u];
    if ((phrase && this.isPronoun(phrase)) || (was && this.isPronoun(was))) this.reusing = false;
  }

  private samePhrase(u: number, phrase: TextSpan): boolean {
    const was = this.kept.phrases[u];
    return !!was && was.text === phrase.text && movedOffset(this.edit, was.start) === phrase.start && movedOffset(this.edit, was.end) === phrase.end;
  }
}

/** Whether a paragraph's quoted segments are those it had, moved by the edit (offsets from the paragraph's start, `wasStart` in the last text). */
function sameSegments(was: readonly KeptSegment[], wasStart: number, now: readonly KeptSegment[], nowStart: number, edit: TextEdit): boolean {
  if (was.length !== now.length) return false;
  for (let k = 0; k < was.length; k++) {
    const a = was[k];
    const b = now[k];
    if (movedOffset(edit, wasStart + a.start) !== nowStart + b.start || movedOffset(edit, wasStart + a.end) !== nowStart + b.end) return false;
    if (a.continuesPrevious !== b.continuesPrevious || a.continuesNext !== b.continuesNext) return false;
  }
  return true;
}
