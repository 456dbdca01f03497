import type { Gender } from '../model';
import type { PeopleLexicon } from './lexicon';
import { newRadixBuffers, radixOrder } from '../radixOrder';
import { paragraphStartOf, type PersonDraft } from './linking';
import { NameSite, pronounGender, pronounSentence, pronounStart, type PlacedParagraphs } from './paragraph';

/**
 * A person's gender from the strongest cue available: an honorific or gendered title ("Mrs.", "King",
 * "spokeswoman"), then a Western given name, then the pronouns that follow their mentions.
 */
export function assignGenders(lex: PeopleLexicon, placed: PlacedParagraphs, drafts: PersonDraft[]): (Gender | undefined)[] {
  const result: (Gender | undefined)[] = [];
  const votes = countPronouns(placed, drafts);
  for (let k = 0; k < drafts.length; k++) result.push(genderOf(lex, drafts[k], votes[2 * k], votes[2 * k + 1]));
  return result;
}

function genderOf(lex: PeopleLexicon, d: PersonDraft, male: number, female: number): Gender | undefined {
  // The strong cues decide only when they agree.
  let strong: Gender | undefined;
  let agree = true;
  for (let k = 0; k < d.sites.length; k++) {
    const site = d.sites[k];
    const gender = site instanceof NameSite ? site.prefixGender : undefined;
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
  if (male > 2 * female) return 'male';
  if (female > 2 * male) return 'female';
  // Known by one name ("George", "King Hussein"): the name itself, when it is a given name.
  return d.words.length === 1 ? lex.givenNames.get(d.surname) : undefined;
}

/**
 * Each third-person pronoun votes for the person mentioned last before it in the same or the previous
 * sentence. The votes of drafts[k] are at 2k (male) and 2k + 1 (female).
 */
function countPronouns(placed: PlacedParagraphs, drafts: PersonDraft[]): Int32Array {
  // Only a mention in the pronoun's own paragraph counts. The mentions (in flat typed arrays, so that an
  // analysis makes no object per mention) are put in text order once, then swept with the paragraphs.
  let count = 0;
  for (const draft of drafts) count += draft.mentions.length;
  const starts = new Int32Array(count);
  const sentences = new Int32Array(count);
  const owners = new Int32Array(count);
  let k = 0;
  for (let owner = 0; owner < drafts.length; owner++) {
    const draft = drafts[owner];
    for (let m = 0; m < draft.sites.length; m++) {
      const site = draft.sites[m];
      starts[k] = site.start + paragraphStartOf(draft, m);
      sentences[k] = site.sentence;
      owners[k++] = owner;
    }
  }
  // Mentions starting together stay in the order of their people, as the votes have always been counted.
  const order = radixOrder(starts, count, newRadixBuffers(count));
  const votes = new Int32Array(2 * drafts.length);
  for (let index = 0, next = 0; index < placed.found.length && next < count; index++) {
    const { start: offset, end } = placed.paragraphs[index];
    while (next < count && starts[order[next]] < offset) next++;
    const first = next;
    while (next < count && starts[order[next]] < end) next++;
    const { pronouns } = placed.found[index];
    if (first === next || !pronouns.length) continue;
    // The paragraph's last mention before the pronoun, as an index in `order`.
    let m = first - 1;
    for (let p = 0; p < pronouns.length / 2; p++) {
      const at = pronounStart(pronouns, p) + offset;
      while (m + 1 < next && starts[order[m + 1]] < at) m++;
      if (m < first) continue;
      const last = order[m];
      if (pronounSentence(pronouns, p) - sentences[last] > 1) continue;
      votes[2 * owners[last] + (pronounGender(pronouns, p) === 'female' ? 1 : 0)]++;
    }
  }
  return votes;
}
