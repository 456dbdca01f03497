import type { Gender } from '../model';
import type { PeopleLexicon } from './lexicon';
import type { MentionSource, PersonDraft } from './linking';
import type { PlacedParagraph } from './paragraph';

/**
 * A person's gender from the strongest cue available: an honorific or gendered title ("Mrs.", "King",
 * "spokeswoman"), then a Western given name, then the pronouns that follow their mentions.
 */
export function assignGenders(lex: PeopleLexicon, paragraphs: PlacedParagraph[], drafts: PersonDraft[]): Map<PersonDraft, Gender> {
  const result = new Map<PersonDraft, Gender>();
  const pronounVotes = countPronouns(paragraphs, drafts);
  for (const d of drafts) {
    const strong = new Set<Gender>();
    for (const s of d.sources) {
      const gender = s.name?.prefix?.gender;
      if (gender) strong.add(gender);
    }
    for (const t of d.titles) for (const gender of t.genders) strong.add(gender);
    if (strong.size === 1) {
      result.set(d, [...strong][0]);
      continue;
    }
    const fromName = !d.eastAsian && d.given ? lex.givenNames.get(d.given) : undefined;
    if (fromName) {
      result.set(d, fromName);
      continue;
    }
    const votes = pronounVotes.get(d);
    if (votes && votes.male > 2 * votes.female) result.set(d, 'male');
    else if (votes && votes.female > 2 * votes.male) result.set(d, 'female');
    else {
      // Known by one name ("George", "King Hussein"): the name itself, when it is a given name.
      const single = d.words.length === 1 ? lex.givenNames.get(d.surname) : undefined;
      if (single) result.set(d, single);
    }
  }
  return result;
}

/** Each third-person pronoun votes for the person mentioned last before it in the same or the previous sentence. */
function countPronouns(paragraphs: PlacedParagraph[], drafts: PersonDraft[]): Map<PersonDraft, { male: number; female: number }> {
  // Only a mention in the pronoun's own paragraph counts, so mentions are looked at paragraph by paragraph.
  const mentionsIn: { source: MentionSource; draft: PersonDraft }[][] = [];
  for (const draft of drafts) for (const source of draft.sources) (mentionsIn[source.paragraph] ??= []).push({ source, draft });
  const votes = new Map<PersonDraft, { male: number; female: number }>();
  for (const { found, offset, index } of paragraphs) {
    const mentions = mentionsIn[index];
    if (!mentions || !found.pronouns.length) continue;
    mentions.sort((a, b) => a.source.start - b.source.start);
    let k = -1;
    for (const pronoun of found.pronouns) {
      const at = pronoun.start + offset;
      while (k + 1 < mentions.length && mentions[k + 1].source.start < at) k++;
      if (k < 0) continue;
      const last = mentions[k];
      if (pronoun.sentence - last.source.sentence > 1) continue;
      const v = votes.get(last.draft) ?? { male: 0, female: 0 };
      v[pronoun.gender]++;
      votes.set(last.draft, v);
    }
  }
  return votes;
}
