import type { Organization, Paragraph, Person, TextSpan } from '../model';
import { movedOffset, movedStart, type TextEdit } from '../structure';
import { EntityChanges, type Entities } from './entityChanges';
import type { KeptSegment, ParagraphQuotes } from './paragraph';
import { READ_AFTER, READ_BEFORE, type Resolver } from './resolve';

/** What the quotation stage keeps of an analysis: whom it credited, and what crediting read. */
export interface KeptSpeakers {
  people: readonly Person[];
  organizations: readonly Organization[];
  paragraphs: readonly Paragraph[];
  results: readonly (ParagraphQuotes | null)[];
  /** Each quotation's speaker phrase, in text order, and the id it was linked to. */
  phrases: readonly (TextSpan | null)[];
  ids: readonly (string | null)[];
}

/** This analysis's entities, and the last analysis's people they were moved from (see peopleMovedFrom), if they were. */
export interface CurrentEntities extends Entities {
  movedFrom: readonly Person[] | null;
}

/**
 * Linking a speaker phrase reads the text near it (READ_BEFORE, READ_AFTER), the sentences, the mentions, the
 * quotations and the pronouns ("he", "she") linked before it. After an edit that only moved the sentences and the
 * quotations (a word typed that is none of them), a phrase far enough from the edit therefore reads what it read in
 * the last analysis, moved, and names whom it named then, as long as the entities it may read are those it read
 * then (see EntityChanges: after most edits all of them are): its id is taken again rather than searched for. The
 * phrases are linked in text order, so this holds from phrase to phrase while every pronoun linked afresh names whom
 * it named before; once one does not, all later phrases are linked afresh.
 */
export class SpeakerReuse {
  private reusing = true;

  private constructor(
    private readonly kept: KeptSpeakers,
    private readonly edit: TextEdit,
    private readonly changes: EntityChanges,
    private readonly resolver: Pick<Resolver, 'isPronoun' | 'mentionsReadFrom'>,
  ) {}

  /** Reuse of the kept speakers, when they are the last analysis's and the sentences and quotations only moved; else null. */
  static after(
    kept: KeptSpeakers | undefined,
    edit: TextEdit | null,
    entities: CurrentEntities,
    paragraphs: readonly Paragraph[],
    results: readonly (ParagraphQuotes | null)[],
    quotations: number,
    resolver: Pick<Resolver, 'isPronoun' | 'mentionsReadFrom'>,
  ): SpeakerReuse | null {
    // A stage skipped since (a time budget) kept older speakers, which this edit alone does not move.
    if (!kept || !edit || kept.paragraphs !== edit.from || !edit.sentencesMoved) return null;
    if (kept.ids.length !== quotations || kept.paragraphs.length !== paragraphs.length) return null;
    for (let p = 0; p < paragraphs.length; p++) {
      const was = kept.paragraphs[p];
      const now = paragraphs[p];
      if (movedStart(edit, was.start) !== now.start || movedOffset(edit, was.end) !== now.end) return null;
      const wasQuotes = kept.results[p];
      const nowQuotes = results[p];
      if (wasQuotes === nowQuotes) continue;
      if (!wasQuotes || !nowQuotes || !sameSegments(wasQuotes.segments, was.start, nowQuotes.segments, now.start, edit)) return null;
    }
    // People moved with their organisations are the last analysis's entities, ids and all.
    const changes = entities.movedFrom && kept.people === entities.movedFrom ? EntityChanges.NONE : EntityChanges.between(kept, entities, edit);
    return new SpeakerReuse(kept, edit, changes, resolver);
  }

  /** The id the phrase of quotation `u` names, as the kept analysis found it, when it may be taken again; else undefined. */
  known(u: number, phrase: TextSpan | null): string | null | undefined {
    if (!this.reusing || !phrase || !this.samePhrase(u, phrase)) return undefined;
    const was = this.kept.phrases[u]!;
    const { head, oldEnd, delta } = this.edit;
    const farBefore = oldEnd + Math.abs(delta) <= was.start - READ_BEFORE;
    const farAfter = head >= was.end + READ_AFTER;
    if (!farBefore && !farAfter) return undefined;
    if (this.changes.any && this.changes.mentionedIn(this.resolver.mentionsReadFrom(phrase.start), phrase.end)) return undefined;
    return this.keptId(u);
  }

  /** Records whom quotation `u`'s phrase was linked to (or that it has none). */
  linked(u: number, phrase: TextSpan | null, id: string | null): void {
    if (!this.reusing) return;
    const same = phrase ? this.samePhrase(u, phrase) : this.kept.phrases[u] === null;
    if (same && id === this.keptId(u)) return;
    // Only a pronoun linked then or now changes what later phrases read.
    const was = this.kept.phrases[u];
    if ((phrase && this.resolver.isPronoun(phrase)) || (was && this.resolver.isPronoun(was))) this.reusing = false;
  }

  /** The id now of the entity quotation `u`'s phrase named in the kept analysis: null for none, undefined for one that changed. */
  private keptId(u: number): string | null | undefined {
    const id = this.kept.ids[u];
    return id === null ? null : this.changes.idOf(id);
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
