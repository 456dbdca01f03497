import type { LexiconExtensions, Organization, Person, TextStructure } from '../model';

export interface PeopleAnalysis {
  people: Person[];
  organizations: Organization[];
}

/** Named people with their titles and linked mentions, and the organisations that are not people. */
export function findPeople(structure: TextStructure, lexicon: LexiconExtensions = {}): PeopleAnalysis {
  void structure;
  void lexicon;
  return { people: [], organizations: [] };
}
