import type { Gender } from '../model';
import type { PeopleLexicon } from './lexicon';
import type { PersonDraft } from './linking';
import type { Token } from './tokens';

const PRONOUNS = new Map<string, Gender>([
  ['he', 'male'], ['him', 'male'], ['his', 'male'], ['himself', 'male'],
  ['she', 'female'], ['her', 'female'], ['hers', 'female'], ['herself', 'female'],
]);

/**
 * A person's gender from the strongest cue available: an honorific or gendered title ("Mrs.", "King",
 * "spokeswoman"), then a Western given name, then the pronouns that follow their mentions.
 */
export function assignGenders(lex: PeopleLexicon, tokens: Token[], drafts: PersonDraft[]): Map<PersonDraft, Gender> {
  const result = new Map<PersonDraft, Gender>();
  const pronounVotes = countPronouns(tokens, drafts);
  for (const d of drafts) {
    const strong = new Set<Gender>();
    for (const r of d.ranges) if (r.prefix?.gender) strong.add(r.prefix.gender);
    for (const t of d.titles) {
      for (const w of t.text.toLowerCase().split(/[^a-z-]+/)) {
        const g = lex.titleGender.get(w);
        if (g) strong.add(g);
      }
    }
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
function countPronouns(tokens: Token[], drafts: PersonDraft[]): Map<PersonDraft, { male: number; female: number }> {
  const starts: { start: number; sentence: number; paragraph: number; draft: PersonDraft }[] = [];
  for (const d of drafts) {
    d.ranges.forEach((r) => starts.push({ start: tokens[r.first].start, sentence: tokens[r.first].sentence, paragraph: tokens[r.first].paragraph, draft: d }));
  }
  starts.sort((a, b) => a.start - b.start);
  const votes = new Map<PersonDraft, { male: number; female: number }>();
  let k = -1;
  for (const t of tokens) {
    while (k + 1 < starts.length && starts[k + 1].start < t.start) k++;
    const gender = t.isWord ? PRONOUNS.get(t.lower) : undefined;
    if (!gender || k < 0) continue;
    const last = starts[k];
    if (last.paragraph !== t.paragraph || t.sentence - last.sentence > 1) continue;
    const v = votes.get(last.draft) ?? { male: 0, female: 0 };
    v[gender]++;
    votes.set(last.draft, v);
  }
  return votes;
}
