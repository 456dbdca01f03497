import type { Mention, Organization, Person, Title } from '../model';
import { movedOffset, type TextEdit } from '../structure';

/** The people and organisations of one analysis. */
export interface Entities {
  people: readonly Person[];
  organizations: readonly Organization[];
}

/**
 * How the people and organisations of the last analysis became this one's after an edit. An entity whose
 * name, gender, titles and mentions are all as they were, moved by the edit, is unchanged, though its id may
 * differ (ids count in order of first mention, and a person named afresh before it shifts them). Linking a
 * speaker phrase reads entities only through those, and through their mentions by place: so a phrase near no
 * mention of a changed entity names the same entity as before.
 */
export class EntityChanges {
  private constructor(
    /** This analysis's id of each unchanged entity, by its id in the last analysis; null when every entity is unchanged, id and all. */
    private readonly ids: ReadonlyMap<string, string> | null,
    /** Where the mentions of changed entities start, in this text, ascending (the last analysis's moved by the edit). */
    private readonly changedAt: Int32Array,
  ) {}

  /** Every entity moved by the edit, with its id. */
  static readonly NONE = new EntityChanges(null, new Int32Array(0));

  static between(was: Entities, now: Entities, edit: TextEdit): EntityChanges {
    const ids = new Map<string, string>();
    const changed: number[] = [];
    matchEntities(was.people, now.people, edit, samePerson, ids, changed);
    matchEntities(was.organizations, now.organizations, edit, sameOrganization, ids, changed);
    return new EntityChanges(ids, Int32Array.from(changed).sort());
  }

  /** The id in this analysis of the entity that had id `was` in the last one, or undefined when that entity changed. */
  idOf(was: string): string | undefined {
    return this.ids ? this.ids.get(was) : was;
  }

  /** Whether some mention of a changed entity starts in [from, to). */
  mentionedIn(from: number, to: number): boolean {
    const at = this.changedAt;
    let low = 0;
    let high = at.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (at[mid] < from) low = mid + 1;
      else high = mid;
    }
    return low < at.length && at[low] < to;
  }

  get any(): boolean {
    return this.changedAt.length > 0;
  }
}

/**
 * Pairs each entity of `now` with the one of `was` whose first mention moved to its first mention's place; a pair
 * that is `same` goes into `ids`, and every mention of an entity left unpaired into `changed`.
 */
function matchEntities<T extends Person | Organization>(
  was: readonly T[],
  now: readonly T[],
  edit: TextEdit,
  same: (a: T, b: T, edit: TextEdit) => boolean,
  ids: Map<string, string>,
  changed: number[],
): void {
  const byFirstMention = new Map<number, T>();
  const unpaired: T[] = [];
  for (const entity of was) {
    const at = entity.mentions.length > 0 ? movedOffset(edit, entity.mentions[0].start) : -1;
    if (at < 0 || byFirstMention.has(at)) unpaired.push(entity);
    else byFirstMention.set(at, entity);
  }
  for (const entity of now) {
    const first = entity.mentions[0]?.start ?? -1;
    const before = byFirstMention.get(first);
    if (before && same(before, entity, edit)) {
      ids.set(before.id, entity.id);
      byFirstMention.delete(first);
      continue;
    }
    for (const m of entity.mentions) changed.push(m.start);
  }
  for (const entity of byFirstMention.values()) unpaired.push(entity);
  // A mention in the text the edit replaced is placed where the edit was.
  for (const entity of unpaired) {
    for (const m of entity.mentions) {
      const at = movedOffset(edit, m.start);
      changed.push(at >= 0 ? at : edit.head);
    }
  }
}

function samePerson(was: Person, now: Person, edit: TextEdit): boolean {
  if (was === now) return true;
  return was.name === now.name && was.gender === now.gender && sameTitleTexts(was.titles, now.titles) && sameMentions(was.mentions, now.mentions, edit);
}

function sameOrganization(was: Organization, now: Organization, edit: TextEdit): boolean {
  if (was === now) return true;
  return was.name === now.name && sameMentions(was.mentions, now.mentions, edit);
}

/** Titles count for their words alone: linking reads no title's place. */
function sameTitleTexts(was: readonly Title[], now: readonly Title[]): boolean {
  if (was.length !== now.length) return false;
  for (let k = 0; k < was.length; k++) if (was[k].text !== now[k].text) return false;
  return true;
}

function sameMentions(was: readonly Mention[], now: readonly Mention[], edit: TextEdit): boolean {
  if (was.length !== now.length) return false;
  for (let k = 0; k < was.length; k++) {
    const a = was[k];
    const b = now[k];
    // Linking places a mention that did not move as the very object it placed before.
    if (a === b && a.start < edit.head) continue;
    if (movedOffset(edit, a.start) !== b.start || movedOffset(edit, a.end) !== b.end) return false;
    if (a.kind !== b.kind || a.text !== b.text || a.possessive !== b.possessive) return false;
  }
  return true;
}
