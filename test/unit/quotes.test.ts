import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Mention, Organization, Person, Title } from '../../server/src/core/model';
import { AnalysisCache } from '../../server/src/core/paragraphCache';
import { findPeople } from '../../server/src/core/people';
import { findQuotes, MAX_QUOTATIONS_PER_DOCUMENT } from '../../server/src/core/quotes';
import { analyzeStructure } from '../../server/src/core/structure';

/** What a reader sees: each quote's text, its speaker's words and its cue. */
interface Seen {
  quote: string;
  speaker: string | null;
  cue?: string | null;
}

function quotesOf(text: string, people: Person[] = [], organizations: Organization[] = [], speechVerbs?: string[]) {
  return findQuotes(analyzeStructure(text), people, organizations, speechVerbs ? { speechVerbs } : {});
}

function seen(text: string, people: Person[] = [], organizations: Organization[] = []): Seen[] {
  return quotesOf(text, people, organizations).quotes.map((q) => ({ quote: q.text, speaker: q.speakerMention?.text ?? null, cue: q.cue?.text ?? null }));
}

function at(text: string, s: string, occurrence = 0): { text: string; start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(s, start + 1);
  assert.ok(start >= 0, `"${s}" not in text`);
  return { text: s, start, end: start + s.length };
}

function person(text: string, id: string, name: string, mentions: Array<[string, Mention['kind'], number?]>, extra: Partial<Person> = {}): Person {
  return { id, name, titles: [], mentions: mentions.map(([s, kind, n]) => ({ ...at(text, s, n ?? 0), kind })), ...extra };
}

describe('quotation marks', () => {
  test('straight and curly double quotes are both quotes, marks included in the span', () => {
    assert.deepEqual(seen('"We are ready," Kim said. “We will talk,” Park said.'), [
      { quote: '"We are ready,"', speaker: 'Kim', cue: 'said' },
      { quote: '“We will talk,”', speaker: 'Park', cue: 'said' },
    ]);
  });

  test('the inches of a height are no quotation mark ("6’2”")', () => {
    const text = '“He’s like 6’2”,” Rubio said. He stands 5\'10" tall.';
    assert.deepEqual(seen(text), [{ quote: '“He’s like 6’2”,”', speaker: 'Rubio', cue: 'said' }]);
    assert.deepEqual(quotesOf(text).unmatchedQuoteMarks, []);
  });

  test('single quotes are quotes, apostrophes are not', () => {
    assert.deepEqual(seen("'We're ready,' Kim said of the North's offer."), [{ quote: "'We're ready,'", speaker: 'Kim', cue: 'said' }]);
  });

  test("typewriter '' marks work as double quotes", () => {
    assert.deepEqual(seen("''It's anti-reform,'' Mr. Burman said."), [{ quote: "''It's anti-reform,''", speaker: 'Mr. Burman', cue: 'said' }]);
  });

  test('a single quote nested inside a double quote stays part of it', () => {
    const text = '"He told me \'never again,\' and left," Kim said.';
    assert.deepEqual(seen(text), [{ quote: '"He told me \'never again,\' and left,"', speaker: 'Kim', cue: 'said' }]);
  });

  test('a quote running over paragraphs has no closing mark until the last, and is not unbalanced', () => {
    const text = '“We are ready,” Kim said. “We will talk.\n\n“And we will win.”';
    const { quotes, unmatchedQuoteMarks } = quotesOf(text);
    assert.deepEqual(unmatchedQuoteMarks, []);
    assert.deepEqual(
      quotes.map((q) => [q.text, q.speakerMention?.text]),
      [
        ['“We are ready,”', 'Kim'],
        ['“We will talk.', 'Kim'],
        ['“And we will win.”', 'Kim'],
      ],
    );
  });

  test('a multi-paragraph quote attributed only in its last paragraph credits the first one too', () => {
    assert.deepEqual(
      seen('“We are ready to talk.\n\n“And we will win,” said Kim.').map((s) => s.speaker),
      ['Kim', 'Kim'],
    );
  });

  test('one paragraph per line (no blank lines) follows the same convention', () => {
    const { quotes, unmatchedQuoteMarks } = quotesOf('“We are ready,” Kim said. “We will talk.\n“And we will win.”\nThe talks begin Monday.');
    assert.deepEqual(unmatchedQuoteMarks, []);
    assert.equal(quotes.length, 3);
  });

  test('hard-wrapped lines inside a paragraph are joined: the attribution on the next line is found', () => {
    const text = '"North Korea suddenly started a charm offensive," South Korean\nForeign Minister Yun Byung-Se told an Asia-Pacific meeting in\nBrunei.';
    assert.deepEqual(seen(text), [
      { quote: '"North Korea suddenly started a charm offensive,"', speaker: 'South Korean\nForeign Minister Yun Byung-Se', cue: 'told' },
    ]);
  });

  test('thousands of marks on one line are all paired', () => {
    const { quotes } = quotesOf('"a," he said. '.repeat(20000) + '“'.repeat(20000));
    assert.equal(quotes.length, 20000 + 19999);
  });

  test('a quote left open or a stray closing mark is reported as unmatched', () => {
    assert.deepEqual(quotesOf('"We are ready, Kim said.').unmatchedQuoteMarks, [{ start: 0, end: 1 }]);
    assert.deepEqual(quotesOf('We are ready,” Kim said.').unmatchedQuoteMarks, [{ start: 13, end: 14 }]);
  });
});

test('a line of over a hundred thousand quotation marks is data, not quotations: its neighbours are still read', () => {
  const junk = '"'.repeat(120_000);
  const { quotes, unmatchedQuoteMarks } = quotesOf(`${junk}\n"We are ready," Kim said.`);
  assert.deepEqual(
    quotes.map((q) => [q.text, q.speakerMention?.text]),
    [['"We are ready,"', 'Kim']],
  );
  assert.deepEqual(unmatchedQuoteMarks, []);
});

test('a paragraph is read for at most a hundred thousand quotation marks: a line that would take it past them is data', () => {
  const line = '"a" '.repeat(20_000); // 40 000 marks
  const { quotes, unmatchedQuoteMarks } = quotesOf(`${line}\n${line}\n${line}\n"We are ready," Kim said.`);
  assert.equal(quotes.length, 40_001, 'the first two lines and the last are read, the third is not');
  assert.deepEqual([quotes[40_000].text, quotes[40_000].speakerMention?.text], ['"We are ready,"', 'Kim']);
  assert.deepEqual(unmatchedQuoteMarks, []);
});

test('a document stops being read for quotations once it holds more than any article, and says where', () => {
  const junk = `${'"a" '.repeat(50_000)}\n\n`.repeat(MAX_QUOTATIONS_PER_DOCUMENT / 50_000 + 1);
  const text = `${junk}"We are ready," Kim said.`;
  const { quotes, unreadFrom } = quotesOf(text);
  assert.equal(quotes.length, MAX_QUOTATIONS_PER_DOCUMENT);
  assert.equal(unreadFrom, (MAX_QUOTATIONS_PER_DOCUMENT / 50_000) * (50_000 * 4 + 2));
  assert.equal(quotesOf('"We are ready," Kim said.').unreadFrom, null);
  const stop = analyze(text).findings.filter((f) => f.code === 'too-many-quotations');
  assert.deepEqual(stop.map((f) => [f.start, f.severity]), [[unreadFrom, 'information']]);
  assert.match(stop[0].message, /stopped looking for quotations here: this document already holds over 200,000 quotations/);
});

describe('quotation marks: misplaced straight marks', () => {
  test('three straight marks that all look like openers alternate: the second closes the first', () => {
    const text = 'He called it "a collection of aides holding their breaths, "waiting to see. Kim said Sununu lamented that "the noose is tightening."';
    assert.deepEqual(
      seen(text).map((s) => [s.quote, s.speaker]),
      [
        ['"a collection of aides holding their breaths, "', 'He'],
        ['"the noose is tightening."', 'Sununu'],
      ],
    );
  });
});

describe('what is speech', () => {
  test('a partial quote inside a sentence belongs to the speaker of its verb', () => {
    assert.deepEqual(seen('Yun called it “a charm offensive” in Brunei.'), [{ quote: '“a charm offensive”', speaker: 'Yun', cue: 'called' }]);
  });

  test('scare quotes and titles expect no speaker', () => {
    for (const text of ['The so-called “charm offensive” failed.', 'She appeared on “Face the Nation” on Sunday.', 'He read “War and Peace” twice.', 'Tech moved in. “Smart homes” have emerged.']) {
      const [quote] = quotesOf(text).quotes;
      assert.equal(quote.expectsSpeaker, false, text);
      assert.equal(quote.speakerMention, null, text);
    }
  });

  test('a short phrase quoted from a named subject is that person\'s words, not a scare quote', () => {
    assert.deepEqual(seen('Reid has been pounding Trump as a “con artist” for weeks.'), [{ quote: '“con artist”', speaker: 'Reid', cue: null }]);
    // after "the", the quoted phrase names a term
    const [term] = quotesOf('Reid has been pushing the “Buffett rule” for weeks.').quotes;
    assert.equal(term.speakerMention, null);
  });

  test('a title-case quotation after a work noun is its title; a description in lower case is speech', () => {
    const [title] = quotesOf('Zach Carter is a co-host of the HuffPost Politics podcast “So, That Happened.”').quotes;
    assert.equal(title.expectsSpeaker, false);
    assert.equal(title.speakerMention, null);
    assert.deepEqual(seen('The program airs daily. Dave Gorab called the show “the conservative news show of record.”'), [
      { quote: '“the conservative news show of record.”', speaker: 'Dave Gorab', cue: 'called' },
    ]);
  });

  test('a quote broken by its attribution is one quote with two parts and one speaker', () => {
    const text = '“We are ready,” she said, “to talk.”';
    const [quote, ...rest] = quotesOf(text).quotes;
    assert.equal(rest.length, 0);
    assert.deepEqual(quote.parts, [at(text, '“We are ready,”'), at(text, '“to talk.”')].map(({ start, end }) => ({ start, end })));
    assert.equal(quote.speakerMention?.text, 'she');
    assert.equal(quote.cue?.text, 'said');
  });

  test('a new sentence after the attribution is a new quote by the same speaker', () => {
    assert.deepEqual(seen('“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus. “He started this.”'), [
      { quote: '“This is a disgusting day,”', speaker: 'Rep. G.K. Butterfield', cue: 'said' },
      { quote: '“He started this.”', speaker: 'Rep. G.K. Butterfield', cue: null },
    ]);
  });
});

describe('who said it', () => {
  test('an inverted cue finds the name after lower-case title words ("said former Utah governor Michael Leavitt")', () => {
    const text = '"We talked," said former Utah governor Michael Leavitt, a Romney confidant. "He has heard."';
    assert.deepEqual(seen(text).map((q) => q.speaker), ['former Utah governor Michael Leavitt', 'former Utah governor Michael Leavitt']);
    const article = analyze(text);
    const speakers = article.quotes.map((q) => article.people.find((p) => p.id === q.speakerId)?.name);
    assert.deepEqual(speakers, ['Michael Leavitt', 'Michael Leavitt']);
  });

  test('a participle cue takes the subject of its clause past an infinitive, a wire dateline and a noun that is no verb', () => {
    assert.deepEqual(seen('Continuing to explain his view, Carson rejected the notion, saying that "it was rotten."').map((q) => q.speaker), ['Carson']);
    assert.deepEqual(seen('WASHINGTON, Dec. 8 (UPI) — Clinton rallied supporters, saying: “We have to be ready.”').map((q) => q.speaker), ['Clinton']);
    assert.deepEqual(seen('Hillary Clinton posted a Twitter comment of her own, saying, “We’re so excited!”').map((q) => q.speaker), ['Hillary Clinton']);
  });

  test('a possessive speaker keeps the noun phrase it determines ("said Clinton’s right-hand woman")', () => {
    assert.deepEqual(seen('"We will win," said Clinton’s right-hand woman.').map((q) => q.speaker), ['Clinton’s right-hand woman']);
  });

  test('a subject noun phrase ends before its verb in the past tense ("Clinton’s right-hand woman rallied supporters, saying")', () => {
    assert.deepEqual(seen('In response, Clinton’s right-hand woman rallied supporters, saying: “We have to be ready.”').map((q) => q.speaker), ['Clinton’s right-hand woman']);
    assert.deepEqual(seen('"We will win," said the newly elected mayor.').map((q) => q.speaker), ['the newly elected mayor']);
  });

  test('reporting verbs beyond "said": exclaimed, instructed, confided, sang', () => {
    const text = '“Hallelujah,” Albright exclaimed. “Expect no extensions,” the court instructed. “We never gave up,” confided Gonzalez. “Elian awaits you,” the band sang.';
    assert.deepEqual(seen(text), [
      { quote: '“Hallelujah,”', speaker: 'Albright', cue: 'exclaimed' },
      { quote: '“Expect no extensions,”', speaker: 'the court', cue: 'instructed' },
      { quote: '“We never gave up,”', speaker: 'Gonzalez', cue: 'confided' },
      { quote: '“Elian awaits you,”', speaker: 'the band', cue: 'sang' },
    ]);
  });

  test('attribution before the quote', () => {
    assert.deepEqual(seen('Kim said: "We are ready."'), [{ quote: '"We are ready."', speaker: 'Kim', cue: 'said' }]);
  });

  test('a participle cue ("…, saying") takes the subject of its clause, past opening connectives and phrases', () => {
    const then = 'And then Trump went on the attack, saying, "Is Obama going to say it?"';
    assert.deepEqual(seen(then).map((q) => q.speaker), ['Trump']);
    const after = 'In June 2009, after Clinton fell ill, Axelrod emailed her, telling her, "You are an all-star player."';
    assert.deepEqual(seen(after).map((q) => q.speaker), ['Axelrod']);
  });

  test('a paragraph ending in a colon introduces the quotation after it', () => {
    const statement = 'Republican nominee Donald Trump issued the following statement:\n\n"Our prayers are with all those affected."';
    assert.deepEqual(seen(statement).map((q) => q.speaker), ['Republican nominee Donald Trump']);
    const writing = 'From Josh Feldman writing at Mediaite:\n\n"A CNN segment devolved into a shouting match."';
    assert.deepEqual(seen(writing).map((q) => q.speaker), ['Josh Feldman']);
  });

  test('attribution after the quote, inverted, with an apposition', () => {
    assert.deepEqual(seen('"We are ready," said Yang Moo-Jin, a professor at Seoul\'s University of North Korean Studies.'), [
      { quote: '"We are ready,"', speaker: 'Yang Moo-Jin', cue: 'said' },
    ]);
  });

  test('an apposition between the speaker and the verb', () => {
    assert.deepEqual(seen('"We are ready," Flynn, a top Trump surrogate, said Thursday.'), [{ quote: '"We are ready,"', speaker: 'Flynn', cue: 'said' }]);
  });

  test('a speaker with a party label in brackets', () => {
    assert.deepEqual(seen('“It’s a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.'), [
      { quote: '“It’s a dog whistle,”', speaker: 'Rep. Gwen Moore', cue: 'said' },
    ]);
  });

  test('a common-noun speaker named in apposition: the name speaks, not the owner', () => {
    assert.deepEqual(seen("Ratners's chairman, Gerald Ratner, said the deal remains of \"substantial benefit to Ratners.\""), [
      { quote: '"substantial benefit to Ratners."', speaker: 'Gerald Ratner', cue: 'said' },
    ]);
    assert.deepEqual(seen('Henry Clay\'s biographers, David and Jeanne Heidler, wrote that Taylor "had a tin ear."'), [
      { quote: '"had a tin ear."', speaker: 'David and Jeanne Heidler', cue: 'wrote' },
    ]);
    assert.deepEqual(seen('"We are ready," said the group\'s chairman, John Smith.'), [{ quote: '"We are ready,"', speaker: 'John Smith', cue: 'said' }]);
  });

  test('a day between the speaker and the verb', () => {
    assert.deepEqual(seen('One senior official Monday described the White House as "a collection of aides holding their breaths."'), [
      { quote: '"a collection of aides holding their breaths."', speaker: 'One senior official', cue: 'described' },
    ]);
  });

  test('a cue inside an aside between dashes does not attribute the quote after it; the subject does', () => {
    const text = 'RNC spokesman Sean Spicer -- as Clinton\'s campaign noted this week -- even promoted Sanders and has taunted the campaign for "getting schooled by a nutty VT socialist."';
    assert.deepEqual(
      seen(text).map((s) => s.speaker),
      ['RNC spokesman Sean Spicer'],
    );
  });

  test('attribution in the previous sentence', () => {
    assert.deepEqual(seen('Kim told reporters on Tuesday that talks would resume. "We are ready."'), [
      { quote: '"We are ready."', speaker: 'Kim', cue: 'told' },
    ]);
  });

  test('attribution in the next sentence', () => {
    assert.deepEqual(seen('"We are ready." Kim said.'), [{ quote: '"We are ready."', speaker: 'Kim', cue: 'said' }]);
  });

  test('an attribution ending in a colon introduces the next quote, not the previous one', () => {
    assert.deepEqual(
      seen('Kim told reporters: "A." Park added: "B."').map((s) => s.speaker),
      ['Kim', 'Park'],
    );
  });

  test('"according to" names its source after it', () => {
    assert.deepEqual(seen('"Talks will resume," according to the statement.'), [
      { quote: '"Talks will resume,"', speaker: 'the statement', cue: 'according to' },
    ]);
  });

  test('cue verbs beyond "said"', () => {
    const text = 'Kim told reporters: "A." Park added: "B." Lee asked: "C?" Moon wrote: "D." Ahn tweeted: "E." Cho argued: "F." Yoo insisted: "G." Han warned: "H."';
    assert.deepEqual(
      seen(text).map((s) => s.cue),
      ['told', 'added', 'asked', 'wrote', 'tweeted', 'argued', 'insisted', 'warned'],
    );
  });

  test("a newsroom's own speech verbs extend the list", () => {
    const text = '"We are ready," Kim harrumphed.';
    assert.equal(quotesOf(text).quotes[0].speakerMention, null);
    assert.equal(quotesOf(text, [], [], ['harrumphed']).quotes[0].speakerMention?.text, 'Kim');
  });

  test('a quote with its speaker after a dash', () => {
    assert.deepEqual(seen('“He represents our greatest shame.” ― Sonya Herridge'), [
      { quote: '“He represents our greatest shame.”', speaker: 'Sonya Herridge', cue: null },
    ]);
  });

  test('a paragraph of continued quotation inherits the previous speaker', () => {
    const text = '"We are ready," said Yang Moo-Jin.\n\n"Behind it is a real aim."\n\nThe talks failed.\n\n"Nobody wants a crisis."';
    assert.deepEqual(
      seen(text).map((s) => s.speaker),
      ['Yang Moo-Jin', 'Yang Moo-Jin', null],
    );
  });

  test('organisations and documents as sources, linked to the organisation', () => {
    const text = 'The Washington Post ran the story.\n\n"Talks will resume," the Post reported. "It is over," the statement said.';
    const post: Organization = { id: 'o1', name: 'The Washington Post', mentions: [{ ...at(text, 'Washington Post'), kind: 'full' }] };
    const quotes = quotesOf(text, [], [post]).quotes;
    assert.deepEqual(
      quotes.map((q) => [q.speakerMention?.text, q.speakerId]),
      [
        ['the Post', 'o1'],
        ['the statement', null],
      ],
    );
  });
});

describe('linking speakers to people', () => {
  const text = 'Kim Kye-Gwan met Park Geun-hye on Tuesday. "We are ready," she said. "We are not," he said. "Talks," Kim said.';
  const kim = person(text, 'p1', 'Kim Kye-Gwan', [['Kim Kye-Gwan', 'full'], ['Kim', 'surname', 1]], { gender: 'male' });
  const park = person(text, 'p2', 'Park Geun-hye', [['Park Geun-hye', 'full']], { gender: 'female' });

  test('pronoun speakers are resolved by gender and recency', () => {
    const quotes = quotesOf(text, [kim, park]).quotes;
    assert.deepEqual(
      quotes.map((q) => [q.speakerMention?.text, q.speakerId]),
      [
        ['she', 'p2'],
        ['he', 'p1'],
        ['Kim', 'p1'],
      ],
    );
  });

  test('a pronoun with no person of its gender before it stays unlinked', () => {
    const quotes = quotesOf('"We are ready," she said.', [], []).quotes;
    assert.equal(quotes[0].speakerMention?.text, 'she');
    assert.equal(quotes[0].speakerId, null);
  });

  test('"the senator said" is resolved through titles', () => {
    const t = 'Sen. Tim Kaine spoke first and Mike Pence answered. "We are ready," the senator said.';
    const title: Title = { ...at(t, 'Sen.'), attachment: 'premodifier' };
    const kaine = person(t, 'p1', 'Tim Kaine', [['Tim Kaine', 'full']], { titles: [{ ...title, text: 'senator' }] });
    const pence = person(t, 'p2', 'Mike Pence', [['Mike Pence', 'full']]);
    const [quote] = quotesOf(t, [kaine, pence]).quotes;
    assert.equal(quote.speakerMention?.text, 'the senator');
    assert.equal(quote.speakerId, 'p1');
  });

  test("a titled speaker is named by the person's own mention", () => {
    const t = '"We are ready," South Korean Foreign Minister Yun Byung-Se told a meeting.';
    const yun = person(t, 'p1', 'Yun Byung-Se', [['Yun Byung-Se', 'full']]);
    const [quote] = quotesOf(t, [yun]).quotes;
    assert.equal(quote.speakerId, 'p1');
    assert.equal(quote.speakerMention?.text, 'Yun Byung-Se');
  });
});

describe('linking speakers in whole articles', () => {
  /** Each quote with the name of the person or organisation credited with it. */
  function credited(text: string): Array<[string, string | null]> {
    const article = analyze(text);
    const names = new Map([...article.people, ...article.organizations].map((e) => [e.id, e.name]));
    return article.quotes.map((q) => [q.text, q.speakerId ? names.get(q.speakerId) ?? null : null]);
  }

  test('a person named in the speaker phrase speaks, not the organisation or a name used as a modifier', () => {
    assert.deepEqual(credited('“This case is about the right to know,” said Judicial Watch president Tom Fitton.'), [
      ['“This case is about the right to know,”', 'Tom Fitton'],
    ]);
    const text = 'Hillary Clinton spoke in Ohio. "We will win," the Clinton campaign said. "We will win," Clinton\'s campaign said.';
    assert.deepEqual(credited(text), [
      ['"We will win,"', null],
      ['"We will win,"', null],
    ]);
  });

  test('"he said" is the subject of the sentence before, not the last man named', () => {
    const text =
      "Crown Prince Hassan, King Hussein's brother and political adviser, was asked today about the message the king was carrying. In an interview, he declined to discuss details, but said: \"I don't think that his majesty would be traveling now.\"";
    assert.deepEqual(credited(text).map(([, who]) => who), ['Hassan']);
  });

  test('a pronoun in the same sentence is the subject of its own clause', () => {
    const text = 'Retired Lt. Gen. Michael Flynn said Donald Trump was “absolutely right” when he said Wednesday night that “the generals have been reduced to rubble.”';
    assert.deepEqual(credited(text).map(([, who]) => who), ['Michael Flynn', 'Donald Trump']);
  });

  test('a title in subject position ("The president denounced") is the antecedent of a pronoun', () => {
    const text =
      "President Obama spoke on Wednesday, rebuking Donald Trump. Mr. Trump's convention was last week.\n\nThe president denounced what he called the ''deeply pessimistic'' vision of America that emerged from it.";
    assert.deepEqual(credited(text).map(([, who]) => who), ['Obama']);
  });

  test('a name before a title and another name is an affiliation, not the subject a pronoun refers to', () => {
    const text =
      'Hillary Clinton spoke in Ohio. Clinton communication director Jennifer Palmieri said Trump is reduced to insults. "You could dismiss these actions as insecure," she said.';
    assert.deepEqual(credited(text).map(([, who]) => who).pop(), 'Jennifer Palmieri');
  });

  test('pronoun speakers carry the person on to the next "he said"', () => {
    const text =
      'Mr. Trump said Mr. Putin treats him with respect. "Obama doesn\'t get along with Putin," he said on ABC. Later, Mr. Sanders spoke. Mr. Trump answered at once. "He is wrong," he said.';
    assert.deepEqual(credited(text).map(([, who]) => who), ['Trump', 'Trump']);
  });

  test('a definite title nobody holds names the person just mentioned, not the subject of its sentence', () => {
    const text = "Mr. Trump took on Hillary Clinton on Sunday after the Democratic front-runner had said that he was ''becoming ISIS' best recruiter.''";
    assert.deepEqual(credited(text), [["''becoming ISIS' best recruiter.''", 'Hillary Clinton']]);
  });
});

describe('the design article', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'samples', 'north-korea-negotiator.article'), 'utf8');
  const article = analyze(text);
  const nameOf = (id: string | null) => article.people.find((p) => p.id === id)?.name ?? null;

  test('has three quotes, by Yang Moo-Jin (twice) and Yun Byung-Se', () => {
    assert.deepEqual(
      article.quotes.map((q) => ({ quote: q.text, speaker: q.speakerMention?.text, person: nameOf(q.speakerId) })),
      [
        {
          quote:
            '"North Korea has clarified its stance that its nuclear weapons are not up for negotiation and it now wants the world to accept it as a nuclear state,"',
          speaker: 'Yang Moo-Jin',
          person: 'Yang Moo-Jin',
        },
        {
          quote: '"Behind North Korea`s latest initiative is its real aim to circumvent Seoul and open direct disarmament talks with Washington."',
          speaker: 'Yang Moo-Jin',
          person: 'Yang Moo-Jin',
        },
        {
          quote:
            '"North Korea suddenly started a charm offensive. (South Korea) has always been open to a dialogue, but it will not have dialogue for the sake of dialogue itself,"',
          speaker: 'Yun Byung-Se',
          person: 'Yun Byung-Se',
        },
      ],
    );
  });

  test('the first Yang quote is attributed by "said", the second continues him, Yun\'s by "told"', () => {
    assert.deepEqual(
      article.quotes.map((q) => q.cue?.text ?? null),
      ['said', null, 'told'],
    );
    assert.ok(article.quotes.every((q) => q.expectsSpeaker));
    assert.deepEqual(article.unmatchedQuoteMarks, []);
  });
});

describe('editing a document analysed with a cache', () => {
  /** Each version's quotes found with one cache kept across the edits, checked against a fresh analysis. */
  function quotesOfVersions(versions: string[]): Array<Array<[string, string | null]>> {
    const cache = new AnalysisCache();
    return versions.map((text) => {
      const structure = analyzeStructure(text);
      const { people, organizations } = findPeople(structure);
      const cached = findQuotes(structure, people, organizations, {}, cache);
      cache.settle();
      assert.deepEqual(cached, findQuotes(structure, people, organizations), `cached and fresh quotes differ for: ${text}`);
      return cached.quotes.map((q) => [q.text, q.speakerMention?.text ?? null]);
    });
  }

  test('an edit in one paragraph leaves the quotes of the others as a fresh analysis finds them', () => {
    const text = '“We are ready to talk,” Kim Jong Un said.\n\nThe talks begin Monday.\n\n“It is a start,” said Park Geun-hye.';
    const [, edited] = quotesOfVersions([text, text.replace('Monday', 'Tuesday'), text.replace('Kim', 'Kom')]);
    assert.deepEqual(edited, [
      ['“We are ready to talk,”', 'Kim Jong Un'],
      ['“It is a start,”', 'Park Geun-hye'],
    ]);
  });

  test('opening and closing a quote that runs over paragraphs updates the unedited neighbours too', () => {
    const closed = '“We are ready to talk,” Kim said.\n\n“And we will win,” said Park.\n\nThe talks begin Monday.';
    // The first paragraph left open: the unedited second one now continues its quote.
    const runningOn = '“We are ready to talk.\n\n“And we will win,” said Park.\n\nThe talks begin Monday.';
    // The second paragraph no longer opens with a mark: the unedited first one's quote is left open.
    const leftOpen = '“We are ready to talk.\n\nAnd we will win,” said Park.\n\nThe talks begin Monday.';
    const seenInVersions = quotesOfVersions([closed, runningOn, leftOpen, runningOn, closed]);
    assert.deepEqual(seenInVersions[1], [
      ['“We are ready to talk.', 'Park'],
      ['“And we will win,”', 'Park'],
    ]);
    assert.deepEqual(seenInVersions[2], [['“We are ready to talk.', null]]);
    assert.deepEqual(seenInVersions[3], seenInVersions[1]);
    assert.deepEqual(seenInVersions[4], [
      ['“We are ready to talk,”', 'Kim'],
      ['“And we will win,”', 'Park'],
    ]);
  });
});
