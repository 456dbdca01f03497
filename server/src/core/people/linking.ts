import type { Mention, MentionKind, Title } from '../model';
import { isSuffix, type NameCandidate } from './candidates';
import type { PeopleLexicon } from './lexicon';
import type { Token } from './tokens';

/** A person while mentions are still being linked to them. */
export interface PersonDraft {
  /** Words of the fullest name so far, lower case. */
  words: string[];
  /** Family name, lower case: the last word ("Clinton"), or the first in East Asian order ("Kim"). */
  surname: string;
  /** Given name, lower case, when the name has one ("hillary"). */
  given?: string;
  /** Known only as "King Hussein", "Pope Francis": the single name is a given name. */
  royal: boolean;
  /** Written family name first ("Kim Kye-Gwan"): the first word says nothing about gender. */
  eastAsian: boolean;
  mentions: Mention[];
  /** Token ranges of the mentions, parallel to `mentions`, for titles and gender. */
  ranges: { first: number; last: number; prefix?: NameCandidate['prefix'] }[];
  titles: Title[];
}

function nameParts(lex: PeopleLexicon, tokens: Token[], c: NameCandidate): { surname: string; given?: string; eastAsian: boolean } {
  const core = tokens.slice(c.first, c.last + 1).filter((t) => !isSuffix(t) && !t.initial);
  const words = core.map((t) => t.lower);
  if (words.length === 1) return { surname: words[0], eastAsian: false };
  // "Kim Kye-Gwan", "Wang Yi": family name first, even when "Kim" is also a Western given name.
  // Two short syllables: "Kye-Gwan", "Moo-Jin", "Geun-hye" (not "Álvarez-Núñez").
  const hyphenatedGiven = words[0].length <= 5 && /^\p{L}{1,5}-\p{L}{1,5}$/u.test(words[1]);
  const eastAsian =
    words.length === 2 &&
    ((lex.eastAsianSurnames.has(words[0]) && (hyphenatedGiven || !lex.givenNames.has(words[0]))) || (hyphenatedGiven && !lex.givenNames.has(words[0])));
  if (eastAsian) return { surname: words[0], given: words[1], eastAsian };
  const first = tokens[c.first];
  // "Mr. Peña Nieto": after an honorific, all the words are the family name.
  if (c.prefix?.kind === 'honorific') return { surname: words[words.length - 1], eastAsian: false };
  return { surname: words[words.length - 1], given: first.initial ? undefined : words[0], eastAsian: false };
}

/** True when the two names can belong to one person: same surname and no conflicting given name. */
function compatible(d: PersonDraft, surname: string, given: string | undefined): boolean {
  if (d.surname !== surname) return false;
  return !d.given || !given || d.given === given;
}

function mentionOf(text: string, tokens: Token[], c: NameCandidate, kind: MentionKind): Mention {
  const honorific = c.prefix?.kind === 'honorific';
  const start = honorific ? tokens[c.prefix!.token].start : tokens[c.first].start;
  const last = tokens[c.last];
  const mention: Mention = { text: text.slice(start, last.end), start, end: last.end, kind: honorific ? 'honorific' : kind };
  if (last.possessive) mention.possessive = true;
  return mention;
}

function addMention(draft: PersonDraft, mention: Mention, c: NameCandidate): void {
  draft.mentions.push(mention);
  draft.ranges.push({ first: c.first, last: c.last, prefix: c.prefix });
}

/** Where each draft was mentioned, for "the person of that name mentioned last" in linear time. */
class MentionIndex {
  private settled = new Map<PersonDraft, number[]>();
  private latest = new Map<PersonDraft, number>();

  /** Freezes the mentions found so far (they are in text order) and starts a new pass over the text. */
  settle(drafts: PersonDraft[]): void {
    for (const d of drafts) this.settled.set(d, d.mentions.map((m) => m.start));
    this.latest.clear();
  }

  /** Records a mention found in text order during the current pass. */
  add(d: PersonDraft, start: number): void {
    this.latest.set(d, start);
  }

  /** The start of the draft's last mention before `at`, or -1. */
  lastBefore(d: PersonDraft, at: number): number {
    let best = this.latest.get(d) ?? -1;
    const starts = this.settled.get(d);
    if (starts) {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < at) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) best = Math.max(best, starts[lo - 1]);
    }
    return best < at ? best : -1;
  }

  /** The draft among `options` mentioned last before `at` (else the first mentioned after it). */
  nearest(options: PersonDraft[], at: number): PersonDraft | undefined {
    let best: PersonDraft | undefined;
    let bestStart = -1;
    for (const d of options) {
      const start = this.lastBefore(d, at);
      if (start > bestStart) {
        best = d;
        bestStart = start;
      }
    }
    if (best) return best;
    let first: PersonDraft | undefined;
    for (const d of options) if (!first || d.mentions[0].start < first.mentions[0].start) first = d;
    return first;
  }
}

/** Drafts by a key (surname or given name); entries are checked against the draft on lookup, as names grow. */
class DraftIndex {
  private map = new Map<string, { list: PersonDraft[]; members: Set<PersonDraft> }>();

  add(key: string | undefined, d: PersonDraft): void {
    if (!key) return;
    let entry = this.map.get(key);
    if (!entry) {
      entry = { list: [], members: new Set() };
      this.map.set(key, entry);
    }
    if (entry.members.has(d)) return;
    entry.members.add(d);
    entry.list.push(d);
  }

  /** The drafts under a key; past a few dozen people sharing one name, only the latest are candidates. */
  get(key: string): PersonDraft[] {
    const list = this.map.get(key)?.list ?? [];
    return list.length > MAX_NAMESAKES ? list.slice(-MAX_NAMESAKES) : list;
  }
}

const MAX_NAMESAKES = 32;

/**
 * Groups name candidates into people: full names and titled names first (each new full name is a new
 * person unless its surname and given name agree with one already seen), then bare surnames and given
 * names, linked to the person of that name mentioned last.
 */
export function linkMentions(lex: PeopleLexicon, text: string, tokens: Token[], candidates: NameCandidate[]): PersonDraft[] {
  const drafts: PersonDraft[] = [];
  const rest: NameCandidate[] = [];
  const bySurname = new DraftIndex();
  const byGiven = new DraftIndex();
  const seen = new MentionIndex();
  const add = (d: PersonDraft, c: NameCandidate, kind: MentionKind): void => {
    const mention = mentionOf(text, tokens, c, kind);
    addMention(d, mention, c);
    seen.add(d, mention.start);
    bySurname.add(d.surname, d);
    byGiven.add(d.royal ? d.surname : d.given, d);
  };
  for (const c of candidates) {
    if (!c.person) {
      rest.push(c);
      continue;
    }
    const { surname, given, eastAsian } = nameParts(lex, tokens, c);
    const core = c.words.filter((_, k) => !isSuffix(tokens[c.first + k]) && !tokens[c.first + k].initial);
    const sameSurname = bySurname.get(surname).filter((d) => d.surname === surname);
    // "J.K. Rowling" is a full name too.
    if (core.length >= 2 || (core.length === 1 && tokens[c.first].initial)) {
      let draft = sameSurname.find((d) => d.words.length > 1 && compatible(d, surname, given));
      draft ??= sameSurname.find((d) => d.words.length === 1 && !d.royal);
      if (!draft) {
        draft = { words: c.words, surname, given, royal: false, eastAsian, mentions: [], ranges: [], titles: [] };
        drafts.push(draft);
      } else if (c.words.length > draft.words.length || draft.words.length === 1) {
        draft.words = c.words;
        draft.surname = surname;
        draft.given = given;
        draft.royal = false;
        draft.eastAsian = eastAsian;
      }
      add(draft, c, 'full');
      continue;
    }
    const word = core[0] ?? c.words[0];
    const royal = c.prefix?.royal ?? false;
    const options = royal
      ? byGiven.get(word).filter((d) => (d.royal && d.surname === word) || (d.words.length > 1 && d.given === word))
      : sameSurname.filter((d) => !d.royal);
    let draft = seen.nearest(options, tokens[c.first].start);
    if (!draft) {
      draft = { words: [word], surname: word, royal, eastAsian: false, mentions: [], ranges: [], titles: [] };
      drafts.push(draft);
    }
    // "King Hussein", "Bush's son, George": a lone given name; "President Bush": a surname.
    add(draft, c, (royal || !c.prefix) && lex.givenNames.has(word) ? 'given' : 'surname');
  }
  seen.settle(drafts);
  for (const c of rest) {
    const { surname, given } = nameParts(lex, tokens, c);
    const at = tokens[c.first].start;
    if (c.words.length > 1) {
      const draft = bySurname.get(surname).find((d) => d.words.length > 1 && d.surname === surname && d.given === given);
      if (draft) add(draft, c, 'full');
      continue;
    }
    const sameSurname = bySurname.get(surname).filter((d) => !d.royal && d.surname === surname);
    if (sameSurname.length) {
      add(seen.nearest(sameSurname, at)!, c, 'surname');
      continue;
    }
    // A first name alone refers back to someone already named in full ("Hillary" after "Hillary Clinton").
    const named = byGiven.get(surname).filter((d) => (d.given === surname || (d.royal && d.surname === surname)) && seen.lastBefore(d, at) >= 0);
    if (named.length === 1 || (named.length > 1 && named.every((d) => d.words.join(' ') === named[0].words.join(' ')))) {
      add(named[0], c, 'given');
    }
  }
  for (const d of drafts) {
    const order = d.mentions.map((_, k) => k).sort((a, b) => d.mentions[a].start - d.mentions[b].start);
    d.mentions = order.map((k) => d.mentions[k]);
    d.ranges = order.map((k) => d.ranges[k]);
  }
  return drafts.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
