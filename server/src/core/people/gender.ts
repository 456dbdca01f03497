import type { Gender } from '../model';
import type { PeopleLexicon } from './lexicon';
import type { MentionSource, PersonDraft } from './linking';
import { pronounGender, pronounSentence, pronounStart, type PlacedParagraphs } from './paragraph';

/**
 * A person's gender from the strongest cue available: an honorific or gendered title ("Mrs.", "King",
 * "spokeswoman"), then a Western given name, then the pronouns that follow their mentions.
 */
export function assignGenders(lex: PeopleLexicon, placed: PlacedParagraphs, drafts: PersonDraft[]): (Gender | undefined)[] {
  const result: (Gender | undefined)[] = [];
  const pronounVotes = countPronouns(placed, drafts);
  for (const d of drafts) result.push(genderOf(lex, d, pronounVotes.get(d)));
  return result;
}

function genderOf(lex: PeopleLexicon, d: PersonDraft, votes: { male: number; female: number } | undefined): Gender | undefined {
  // The strong cues decide only when they agree.
  let strong: Gender | undefined;
  let agree = true;
  for (const s of d.sources) {
    const gender = s.name?.prefixGender;
    if (gender) {
      agree &&= !strong || strong === gender;
      strong = gender;
    }
  }
  for (const t of d.titles) {
    for (const gender of t.genders) {
      agree &&= !strong || strong === gender;
      strong = gender;
    }
  }
  if (strong && agree) return strong;
  const fromName = !d.eastAsian && d.given ? lex.givenNames.get(d.given) : undefined;
  if (fromName) return fromName;
  if (votes && votes.male > 2 * votes.female) return 'male';
  if (votes && votes.female > 2 * votes.male) return 'female';
  // Known by one name ("George", "King Hussein"): the name itself, when it is a given name.
  return d.words.length === 1 ? lex.givenNames.get(d.surname) : undefined;
}

/** Each third-person pronoun votes for the person mentioned last before it in the same or the previous sentence. */
function countPronouns(placed: PlacedParagraphs, drafts: PersonDraft[]): Map<PersonDraft, { male: number; female: number }> {
  // Only a mention in the pronoun's own paragraph counts: the mentions are chained by paragraph
  // (in flat arrays, so that a warm analysis makes no array per paragraph), and sorted where needed.
  let count = 0;
  for (const draft of drafts) count += draft.sources.length;
  const sources: MentionSource[] = new Array(count);
  const owners: PersonDraft[] = new Array(count);
  const next = new Int32Array(count).fill(-1);
  const firstIn = new Int32Array(placed.found.length).fill(-1);
  const lastIn = new Int32Array(placed.found.length);
  let k = 0;
  for (const draft of drafts) {
    for (const source of draft.sources) {
      sources[k] = source;
      owners[k] = draft;
      if (firstIn[source.paragraph] < 0) firstIn[source.paragraph] = k;
      else next[lastIn[source.paragraph]] = k;
      lastIn[source.paragraph] = k;
      k++;
    }
  }
  const votes = new Map<PersonDraft, { male: number; female: number }>();
  const inParagraph: number[] = [];
  for (let index = 0; index < placed.found.length; index++) {
    const found = placed.found[index];
    const offset = placed.paragraphs[index].start;
    if (firstIn[index] < 0 || !found.pronouns.length) continue;
    inParagraph.length = 0;
    for (let j = firstIn[index]; j >= 0; j = next[j]) insertByStart(inParagraph, sources, j);
    let m = -1;
    const { pronouns } = found;
    for (let p = 0; p < pronouns.length / 2; p++) {
      const at = pronounStart(pronouns, p) + offset;
      while (m + 1 < inParagraph.length && sources[inParagraph[m + 1]].start < at) m++;
      if (m < 0) continue;
      const last = inParagraph[m];
      if (pronounSentence(pronouns, p) - sources[last].sentence > 1) continue;
      const owner = owners[last];
      const v = votes.get(owner) ?? { male: 0, female: 0 };
      v[pronounGender(pronouns, p)]++;
      votes.set(owner, v);
    }
  }
  return votes;
}

/** Adds source `k` to a paragraph's few mentions, kept in order of start (after those starting at the same place). */
function insertByStart(order: number[], sources: MentionSource[], k: number): void {
  const start = sources[k].start;
  let at = order.length;
  order.push(k);
  for (; at > 0 && sources[order[at - 1]].start > start; at--) order[at] = order[at - 1];
  order[at] = k;
}
