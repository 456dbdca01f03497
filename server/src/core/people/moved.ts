import type { Mention, Organization, Paragraph, Person, Span, Title } from '../model';
import { movedOffset, movedStart, type TextEdit } from '../structure';
import type { PeopleAnalysis } from './index';
import { mayJoin } from './linking';
import type { AnaphorSite, NameSite, OrganizationSite, ParagraphPeople, TitleSite } from './paragraph';

/**
 * After most edits (a word typed that is no name, title or pronoun) every paragraph finds what it found
 * before, only moved: then the people are the last analysis's, moved, and linking them again is skipped.
 * Linking compares offsets only by their order, which moving keeps, and reads no text but what the
 * paragraphs found; so the people found this way are exactly those linking would find. Organisations are
 * grouped apart from people: an edit to one moves the people all the same.
 */

/** What the people stage keeps of an analysis, to tell whether the next one only moved it. */
export interface KeptPeople {
  found: readonly ParagraphPeople[];
  paragraphs: readonly Paragraph[];
  result: PeopleAnalysis;
  /** The names other names could join people by (see linkMentions): an other name by none joins nobody, before or after an edit. */
  joinable: ReadonlySet<string>;
}

/** People and organisations moved by an edit, each null when some paragraph found others (they are linked or grouped again). */
export interface MovedPeople {
  people: Person[] | null;
  organizations: Organization[] | null;
}

/**
 * The kept people moved by `edit`, when every paragraph found the same people as in the kept analysis, only moved, and
 * likewise the organisations; null for both when the paragraphs themselves did not only move.
 */
export function movedPeople(kept: KeptPeople, found: readonly ParagraphPeople[], paragraphs: readonly Paragraph[], edit: TextEdit): MovedPeople | null {
  // Every paragraph is compared with the kept analysis itself, so a stage skipped since (a time budget) misleads nothing.
  if (kept.found.length !== found.length) return null;
  let peopleMoved = true;
  let organizationsMoved = true;
  for (let i = 0; i < found.length; i++) {
    const was = kept.paragraphs[i];
    const now = paragraphs[i];
    if (movedStart(edit, was.start) !== now.start || movedOffset(edit, was.end) !== now.end) return null;
    // A paragraph found afresh (the one edited) must find the same at the same places; the others' findings are the very ones kept.
    if (found[i] === kept.found[i]) continue;
    const moved = new Moved(edit, was.start, now.start);
    peopleMoved &&= samePeopleFindings(kept.found[i], found[i], moved, kept.joinable);
    organizationsMoved &&= sameList(kept.found[i].organizations, found[i].organizations, moved, sameOrganization);
  }
  return {
    people: peopleMoved ? kept.result.people.map((person) => movePerson(person, edit)) : null,
    organizations: organizationsMoved ? kept.result.organizations.map((organization) => moveOrganization(organization, edit)) : null,
  };
}

/** Compares offsets of a paragraph's findings before and after an edit: `was` in the last text, `now` in this one. */
class Moved {
  constructor(
    private readonly edit: TextEdit,
    private readonly wasStart: number,
    private readonly nowStart: number,
  ) {}

  /** Whether offset `was` (from the paragraph's start in the last text) is now at `now` (in this one). */
  same(was: number, now: number): boolean {
    const moved = movedOffset(this.edit, this.wasStart + was);
    return moved >= 0 && moved === this.nowStart + now;
  }

  span(was: Span, now: Span): boolean {
    return this.same(was.start, now.start) && this.same(was.end, now.end);
  }
}

/**
 * Whether a paragraph found the people it found before, moved (its organisations aside). Its person names must be
 * those it had: each is linked. Its other names join someone only by a name in `joinable`, which is the same before
 * and after while the person names are: those that can are compared, so that typing in "Nobody" or "July" (no name
 * of anyone) moves the people too.
 */
function samePeopleFindings(was: ParagraphPeople, now: ParagraphPeople, moved: Moved, joinable: ReadonlySet<string>): boolean {
  return (
    sameList(was.personNames, now.personNames, moved, sameName) &&
    sameJoinable(was.otherNames, now.otherNames, moved, joinable) &&
    sameList(was.anaphors, now.anaphors, moved, sameAnaphor) &&
    samePronouns(was.pronouns, now.pronouns, moved)
  );
}

function sameList<T>(was: readonly T[], now: readonly T[], moved: Moved, same: (a: T, b: T, moved: Moved) => boolean): boolean {
  if (was.length !== now.length) return false;
  for (let k = 0; k < was.length; k++) if (!same(was[k], now[k], moved)) return false;
  return true;
}

/** Whether the other names that may join someone are the same, moved, in the same order. */
function sameJoinable(was: readonly NameSite[], now: readonly NameSite[], moved: Moved, joinable: ReadonlySet<string>): boolean {
  let w = 0;
  let n = 0;
  for (;;) {
    while (w < was.length && !mayJoin(was[w], joinable)) w++;
    while (n < now.length && !mayJoin(now[n], joinable)) n++;
    if (w === was.length || n === now.length) return w === was.length && n === now.length;
    if (!sameName(was[w++], now[n++], moved)) return false;
  }
}

function sameWords(was: readonly string[], now: readonly string[]): boolean {
  if (was.length !== now.length) return false;
  for (let k = 0; k < was.length; k++) if (was[k] !== now[k]) return false;
  return true;
}

function sameName(was: NameSite, now: NameSite, moved: Moved): boolean {
  return (
    moved.span(was, now) &&
    moved.same(was.mentionStart, now.mentionStart) &&
    was.sentence === now.sentence &&
    was.sameFacts(now) &&
    was.mentionText === now.mentionText &&
    sameWords(was.words, now.words) &&
    sameWords(was.core, now.core) &&
    sameList(was.titles, now.titles, moved, sameTitleSite)
  );
}

function sameTitleSite(was: TitleSite, now: TitleSite, moved: Moved): boolean {
  const a = was.title;
  const b = now.title;
  return (
    moved.span(a, b) &&
    a.text === b.text &&
    a.attachment === b.attachment &&
    a.affiliation === b.affiliation &&
    a.former === b.former &&
    was.wording === now.wording &&
    sameWords(was.heads, now.heads) &&
    sameWords(was.words, now.words) &&
    sameWords(was.genders, now.genders)
  );
}

function sameOrganization(was: OrganizationSite, now: OrganizationSite, moved: Moved): boolean {
  return moved.span(was, now) && was.possessive === now.possessive && was.key === now.key && was.text === now.text;
}

function sameAnaphor(was: AnaphorSite, now: AnaphorSite, moved: Moved): boolean {
  return (
    moved.span(was, now) &&
    was.possessive === now.possessive &&
    was.sentence === now.sentence &&
    was.head === now.head &&
    was.startsName === now.startsName &&
    was.text === now.text &&
    sameWords(was.words, now.words) &&
    sameTitleSite(was.title, now.title, moved)
  );
}

/** Pronouns come as pairs: where each starts, then its sentence and gender. */
function samePronouns(was: readonly number[], now: readonly number[], moved: Moved): boolean {
  if (was.length !== now.length) return false;
  for (let k = 0; k < was.length; k += 2) if (!moved.same(was[k], now[k]) || was[k + 1] !== now[k + 1]) return false;
  return true;
}

/** The mention moved by the edit: the same object when it did not move. Written out, as a spread of it takes many times longer. */
function moveMention(mention: Mention, edit: TextEdit): Mention {
  const start = movedOffset(edit, mention.start);
  const end = movedOffset(edit, mention.end);
  if (start === mention.start && end === mention.end) return mention;
  const { text, kind, possessive } = mention;
  return possessive === undefined ? { text, start, end, kind } : { text, start, end, kind, possessive };
}

/** The title moved by the edit: the same object when it did not move. */
function moveTitle(title: Title, edit: TextEdit): Title {
  const start = movedOffset(edit, title.start);
  const end = movedOffset(edit, title.end);
  if (start === title.start && end === title.end) return title;
  const { text, attachment, affiliation, former } = title;
  const moved: Title = { text, start, end, attachment };
  if (affiliation !== undefined) moved.affiliation = affiliation;
  if (former !== undefined) moved.former = former;
  return moved;
}

/** The items moved by the edit: the same list when none moved. */
function moveAll<T>(items: T[], edit: TextEdit, move: (item: T, edit: TextEdit) => T): T[] {
  let moved: T[] | null = null;
  for (let k = 0; k < items.length; k++) {
    const item = move(items[k], edit);
    if (item !== items[k]) (moved ??= items.slice())[k] = item;
  }
  return moved ?? items;
}

function movePerson(person: Person, edit: TextEdit): Person {
  const mentions = moveAll(person.mentions, edit, moveMention);
  const titles = moveAll(person.titles, edit, moveTitle);
  if (mentions === person.mentions && titles === person.titles) return person;
  const { id, name, gender } = person;
  return gender === undefined ? { id, name, titles, mentions } : { id, name, titles, mentions, gender };
}

function moveOrganization(organization: Organization, edit: TextEdit): Organization {
  const mentions = moveAll(organization.mentions, edit, moveMention);
  return mentions === organization.mentions ? organization : { id: organization.id, name: organization.name, mentions };
}
