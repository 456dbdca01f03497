import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Person } from '../../server/src/core/model';
import { findPeople } from '../../server/src/core/people';
import { analyzeStructure } from '../../server/src/core/structure';

const sample = readFileSync(join(__dirname, '../../samples/north-korea-negotiator.article'), 'utf8');

function people(text: string, lexicon = {}): Person[] {
  return findPeople(analyzeStructure(text), lexicon).people;
}

function person(list: Person[], name: string): Person {
  const found = list.find((p) => p.name === name);
  assert.ok(found, `no person "${name}" among ${list.map((p) => p.name).join(', ')}`);
  return found;
}

const titles = (p: Person): string[] => p.titles.map((t) => t.text);

test('the design article: six people with their titles, in order of first mention', () => {
  const found = people(sample);
  assert.deepEqual(
    found.map((p) => [p.id, p.name, titles(p)]),
    [
      ['p1', 'Kim Kye-Gwan', ['First vice foreign minister']],
      ['p2', 'Vladimir Titov', ['First Deputy Foreign Minister']],
      ['p3', 'Igor Morgulov', ['Deputy Foreign Minister']],
      ['p4', 'Wang Yi', ['Foreign Minister']],
      ['p5', 'Yang Moo-Jin', ['professor at Seoul`s University of North Korean Studies']],
      ['p6', 'Yun Byung-Se', ['South Korean Foreign Minister']],
    ],
  );
  assert.equal(person(found, 'Vladimir Titov').titles[0].affiliation, 'Russia');
  assert.equal(person(found, 'Wang Yi').titles[0].affiliation, 'China');
  assert.equal(person(found, 'Yang Moo-Jin').titles[0].attachment, 'apposition');
  assert.equal(person(found, 'Kim Kye-Gwan').titles[0].attachment, 'premodifier');
});

test('the design article: title and mention spans are exact substrings, mentions in text order', () => {
  for (const p of people(sample)) {
    for (const t of p.titles) assert.equal(sample.slice(t.start, t.end), t.text);
    for (const m of p.mentions) assert.equal(sample.slice(m.start, m.end), m.text);
    const starts = p.mentions.map((m) => m.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  }
});

test('the design article: every "Kim" is Kim Kye-Gwan; agencies, time zones and bare titles are nobody', () => {
  const found = people(sample);
  const kim = person(found, 'Kim Kye-Gwan');
  const kims = [...sample.matchAll(/\bKim\b/g)].map((m) => m.index);
  assert.deepEqual(
    kim.mentions.map((m) => m.start),
    kims,
  );
  assert.deepEqual(kim.mentions.slice(1).map((m) => m.kind), kims.slice(1).map(() => 'surname'));
  assert.equal(kim.gender, 'male');
  for (const name of ['RIA Novosti', 'IST', 'First Deputy', 'Korean Central News Agency', 'Tuesday', 'Seoul'])
    assert.ok(!found.some((p) => p.name.includes(name)), `${name} is not a person`);
  const organizations = findPeople(analyzeStructure(sample)).organizations.map((o) => o.name);
  assert.ok(organizations.includes('Korean Central News Agency'));
  assert.ok(organizations.includes('RIA Novosti'));
});

test('"Texas-based" and "New York-based" are adjectives, not part of a name or a person', () => {
  const found = people('"Carson is cratering," Texas-based Matt Mackowiak said. A New York-based analyst, John Smith, agreed.');
  assert.deepEqual(found.map((p) => p.name), ['Matt Mackowiak', 'John Smith']);
});

test('"a South Carolina Democrat" is nobody by name; "councilmember" is a title', () => {
  const found = people('"She has done that," added a South Carolina Democrat. "It is unanimous," councilmember Mark Levine said.');
  assert.deepEqual(found.map((p) => p.name), ['Mark Levine']);
  assert.deepEqual(person(found, 'Mark Levine').titles.map((t) => t.text), ['councilmember']);
});

test('a provincial or municipal office is a title', () => {
  const found = people('"That saved us," said Carole Taylor, the provincial minister of finance at the time.');
  assert.deepEqual(person(found, 'Carole Taylor').titles.map((t) => t.text), ['provincial minister of finance']);
});

test('possessive mentions keep the possessive ending out of the name', () => {
  const text = "Kim Kye-Gwan left. Kim's trip was short.";
  const kim = person(people(text), 'Kim Kye-Gwan');
  assert.deepEqual(
    kim.mentions.map((m) => [m.text, m.possessive ?? false]),
    [
      ['Kim Kye-Gwan', false],
      ['Kim', true],
    ],
  );
});

test('pre-modifier titles: nationality, party and office before the name', () => {
  const found = people('Republican presidential nominee Donald Trump met China`s Foreign Minister Wang Yi on Monday.');
  assert.deepEqual(titles(person(found, 'Donald Trump')), ['Republican presidential nominee']);
  assert.deepEqual(titles(person(found, 'Wang Yi')), ['Foreign Minister']);
  assert.equal(person(found, 'Wang Yi').titles[0].affiliation, 'China');
});

test('appositions before and after the name', () => {
  const found = people(
    'The group\'s chairman, John Smith, resigned. Mikhail Sytenko, a former deputy secretary-general of the United Nations, flew in.',
  );
  assert.deepEqual(titles(person(found, 'John Smith')), ["group's chairman"]);
  const sytenko = person(found, 'Mikhail Sytenko');
  assert.deepEqual(titles(sytenko), ['former deputy secretary-general of the United Nations']);
  assert.equal(sytenko.titles[0].former, true);
  assert.equal(sytenko.titles[0].affiliation, 'United Nations');
});

test('predicates: "who is", "became", "as"', () => {
  const found = people(
    'Kim Kye-Gwan arrived. Kim, who is the first vice foreign minister, spoke. Jane Doe became chief executive in 2010. They picked George H.W. Bush as a running mate.',
  );
  assert.deepEqual(titles(person(found, 'Kim Kye-Gwan')), ['first vice foreign minister']);
  assert.equal(person(found, 'Kim Kye-Gwan').titles[0].attachment, 'predicate');
  assert.deepEqual(titles(person(found, 'Jane Doe')), ['chief executive in 2010']);
  assert.deepEqual(titles(person(found, 'George H.W. Bush')), ['running mate']);
});

test('hypothetical roles are not titles', () => {
  const found = people('Donald Trump spoke. If Trump becomes the Republican nominee, Democrats will vote.');
  assert.deepEqual(titles(person(found, 'Donald Trump')), []);
});

test('party and state in every form newsrooms write them are the title\'s affiliation, never an organisation', () => {
  const analysis = findPeople(
    analyzeStructure(
      'Sen. Lindsey Graham (R-S.C.) spoke. Rep. Kevin Brady, R-Texas, chairman of the Finance Committee, agreed. Rep. Pete Sessions (R-TX) and Rep. Nita Lowey (D-N.Y.) left.',
    ),
  );
  assert.deepEqual(
    analysis.people.map((p) => [p.name, p.titles[0].text, p.titles[0].affiliation]),
    [
      ['Lindsey Graham', 'Sen.', 'R-S.C.'],
      ['Kevin Brady', 'Rep.', 'R-Texas'],
      ['Pete Sessions', 'Rep.', 'R-TX'],
      ['Nita Lowey', 'Rep.', 'D-N.Y.'],
    ],
  );
  assert.deepEqual(titles(person(analysis.people, 'Kevin Brady')), ['Rep.', 'chairman of the Finance Committee']);
  assert.deepEqual(analysis.organizations.map((o) => o.name), ['Finance Committee']);
});

test('abbreviated titles with party and state, and "the senator" linked back', () => {
  const found = people("Sen. Tim Kaine (D-Va.) said the senator would vote. Kaine's aide disagreed.");
  const kaine = person(found, 'Tim Kaine');
  assert.equal(kaine.titles[0].text, 'Sen.');
  assert.equal(kaine.titles[0].affiliation, 'D-Va.');
  assert.deepEqual(
    kaine.mentions.map((m) => [m.text, m.kind]),
    [
      ['Tim Kaine', 'full'],
      ['the senator', 'title'],
      ['Kaine', 'surname'],
    ],
  );
});

test('former roles and a role before an abbreviation stay apart', () => {
  const found = people('Former Secretary of State Hillary Clinton met primary challenger Sen. Bernie Sanders.');
  const clinton = person(found, 'Hillary Clinton');
  assert.deepEqual(titles(clinton), ['Former Secretary of State']);
  assert.equal(clinton.titles[0].former, true);
  assert.deepEqual(titles(person(found, 'Bernie Sanders')), ['primary challenger', 'Sen.']);
});

test('Bill and Hillary Clinton stay two people; a first name alone links back', () => {
  const found = people('Hillary Clinton spoke after Bill Clinton. Later, Hillary thanked the crowd.');
  assert.equal(found.length, 2);
  assert.deepEqual(
    person(found, 'Hillary Clinton').mentions.map((m) => [m.text, m.kind]),
    [
      ['Hillary Clinton', 'full'],
      ['Hillary', 'given'],
    ],
  );
  assert.equal(person(found, 'Hillary Clinton').gender, 'female');
  assert.equal(person(found, 'Bill Clinton').gender, 'male');
});

test('coordinated first name: "David and Jeanne Heidler" are two people sharing a plural title', () => {
  const found = people("Henry Clay's biographers, David and Jeanne Heidler, wrote that.");
  assert.deepEqual(
    found.map((p) => p.name),
    ['Henry Clay', 'David', 'Jeanne Heidler'],
  );
  assert.deepEqual(titles(person(found, 'Jeanne Heidler')), ["Henry Clay's biographers"]);
});

test('honorific forms link to the person and give gender; royal titles take a given name', () => {
  const found = people(
    "Saddam Hussein met King Hussein of Jordan. Mr. Kerkorian's firm and Kirk Kerkorian agreed. Pope Francis spoke.",
  );
  assert.deepEqual(
    found.map((p) => p.name),
    ['Saddam Hussein', 'Hussein', 'Kirk Kerkorian', 'Francis'],
  );
  const kerkorian = person(found, 'Kirk Kerkorian');
  assert.deepEqual(
    kerkorian.mentions.map((m) => [m.text, m.kind]),
    [
      ['Mr. Kerkorian', 'honorific'],
      ['Kirk Kerkorian', 'full'],
    ],
  );
  assert.equal(kerkorian.gender, 'male');
  assert.deepEqual(titles(person(found, 'Hussein')), ['King']);
  assert.deepEqual(titles(person(found, 'Francis')), ['Pope']);
});

test('names from many cultures: initials, suffixes, particles, hyphenated given names', () => {
  const found = people(
    'George W. Bush, J.K. Rowling, Martin Luther King Jr., Ludwig van Beethoven, Charles de Gaulle, Osama bin Laden, Bashar al-Assad and Park Geun-hye were listed.',
  );
  assert.deepEqual(
    found.map((p) => p.name),
    [
      'George W. Bush',
      'J.K. Rowling',
      'Martin Luther King Jr.',
      'Ludwig van Beethoven',
      'Charles de Gaulle',
      'Osama bin Laden',
      'Bashar al-Assad',
      'Park Geun-hye',
    ],
  );
});

test('names at the start of a sentence and in an all-caps headline', () => {
  const text = 'KIM KYE-GWAN HEADS TO RUSSIA\n\nKim Kye-Gwan left on Tuesday. Kim will meet officials.';
  const found = people(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].name, 'Kim Kye-Gwan');
  assert.deepEqual(
    found[0].mentions.map((m) => m.text),
    ['KIM KYE-GWAN', 'Kim Kye-Gwan', 'Kim'],
  );
});

test('organisations, places, months and firms named after people are not people', () => {
  const found = people(
    'The White House said on Tuesday that Morgan Stanley and the Soviet Foreign Ministry met in Saudi Arabia in June. Bear Stearns declined.',
  );
  assert.deepEqual(found, []);
});

test('a newsroom extends the title and organisation lists through the lexicon setting', () => {
  const text = 'Bundesrat rapporteur Anna Weber met Hans Acme Holdings. Klaus Wolf Partners declined.';
  assert.deepEqual(titles(person(people(text), 'Anna Weber')), []);
  const extended = people(text, { titles: ['Bundesrat rapporteur'], organizations: ['Klaus Wolf Partners'] });
  assert.deepEqual(titles(person(extended, 'Anna Weber')), ['Bundesrat rapporteur']);
  assert.ok(!extended.some((p) => p.name.startsWith('Klaus')));
});

test('an honorific with a two-word family name links to the full name ("Mr. Peña Nieto")', () => {
  const found = people('Enrique Peña Nieto, the Mexican president, spoke. Mr. Peña Nieto left.');
  assert.equal(found.length, 1);
  assert.deepEqual(
    found[0].mentions.map((m) => [m.text, m.kind]),
    [
      ['Enrique Peña Nieto', 'full'],
      ['the Mexican president', 'title'],
      ['Mr. Peña Nieto', 'honorific'],
    ],
  );
  assert.deepEqual(titles(found[0]), ['Mexican president']);
});

test('a role named before a comma makes an unknown name a person ("Merkel\'s spokesman, Steffen Seibert")', () => {
  const found = people("Angela Merkel's spokesman, Steffen Seibert, declined. Seibert was the government spokesman.");
  const seibert = person(found, 'Steffen Seibert');
  assert.deepEqual(titles(seibert), ["Angela Merkel's spokesman", 'government spokesman']);
  assert.equal(seibert.titles[0].affiliation, 'Angela Merkel');
});

test('a head word used before a noun is no title ("a general election nominee")', () => {
  const found = people('Voters saw Donald Trump as a general election candidate.');
  assert.deepEqual(titles(person(found, 'Donald Trump')), []);
});

test('a title-case headline yields no organisation and no person from its capitals', () => {
  const analysis = findPeople(analyzeStructure('Pence Gives GOP A Boost With Solid Debate Win Over Kaine\n\nSen. Tim Kaine spoke.'));
  assert.deepEqual(analysis.organizations, []);
  assert.deepEqual(
    analysis.people.map((p) => [p.name, p.mentions.map((m) => m.text)]),
    [['Tim Kaine', ['Kaine', 'Tim Kaine']]],
  );
});

test('a place named before a noun after "the" is no person, though the noun is also a speech verb ("attack")', () => {
  assert.deepEqual(people('Police studied the horrific San Bernardino attack. The Benghazi report came out.').map((p) => p.name), []);
  assert.deepEqual(people('Soon Maria Lopez attacked the plan.').map((p) => p.name), ['Maria Lopez']);
});

test('words in capitals for emphasis or as a section label are no organisation; acronyms are', () => {
  const analysis = findPeople(analyzeStructure('ABSTRACT.\n\nHe answered: THEY LOSE, WE WIN. The FBI and NASA agreed.'));
  assert.deepEqual(analysis.organizations.map((o) => o.name), ['FBI', 'NASA']);
});

test('a capitalised "Who" in a title-case headline does not make a person ("Exploits Trump Supporter Who Was …")', () => {
  assert.deepEqual(people('Washington Post Hit Piece Exploits Trump Supporter Who Was in a Hospital for Mental Issues.\n\nThe story.').map((p) => p.name), []);
  assert.deepEqual(people('We met Maria Lopez who runs the shop.').map((p) => p.name), ['Maria Lopez']);
});

test('a capitalised verb ends a name, and a title-case law is no titled person ("Justice Against Sponsors of Terrorism Act")', () => {
  assert.deepEqual(people('Politifact: Donald Trump Is Right, Shootings in Chicago Rose this Year.').map((p) => p.name), ['Donald Trump']);
  assert.deepEqual(people('The bill, known as the “Justice Against Sponsors of Terrorism Act,” was passed.').map((p) => p.name), []);
  assert.deepEqual(people('Secretary of State John Kerry and the actor Will Smith spoke.').map((p) => [p.name, titles(p)]), [
    ['John Kerry', ['Secretary of State']],
    ['Will Smith', ['actor']],
  ]);
});

test('roles with words the lists do not know, after a comma or opening the sentence, say who a person is', () => {
  const found = people(
    'But Kenneth Leon, a telecommunications analyst with Bear Stearns, disagreed. FBI agent Bernard Tolbert spoke. ' +
      'The head of the FBI investigation in Dar es Salaam, Kenneth Piernick, said little. ' +
      'Douglas Holtz-Eakin, now president of the American Action Forum, agreed. Bobby Scott, one of three members, left.',
  );
  assert.deepEqual(titles(person(found, 'Kenneth Leon')), ['telecommunications analyst']);
  assert.deepEqual(titles(person(found, 'Bernard Tolbert')), ['FBI agent']);
  assert.deepEqual(titles(person(found, 'Kenneth Piernick')), ['head of the FBI investigation']);
  assert.deepEqual(titles(person(found, 'Douglas Holtz-Eakin')), ['president of the American Action Forum']);
  assert.deepEqual(titles(person(found, 'Bobby Scott')), []);
  const more = people('"No," said George Watanabe, a management-consultant in Tokyo. Sergio Navarro, a 39-year-old Miami businessman, agreed. "Yes," said Bernard Tolbert, special agent-in-charge of the FBI office.');
  assert.deepEqual(titles(person(more, 'George Watanabe')), ['management-consultant']);
  assert.deepEqual(titles(person(more, 'Sergio Navarro')), ['Miami businessman']);
  assert.deepEqual(titles(person(more, 'Bernard Tolbert')), ['special agent-in-charge of the FBI office']);
  assert.deepEqual(titles(person(people('It followed a visit from then-Secretary of State Hillary Clinton.'), 'Hillary Clinton')).includes('of State'), false);
});

test('a plural title before two names covers both, though the first carries its country ("Presidents Leonid Kuchma of Ukraine and Boris Yeltsin")', () => {
  const found = people('Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia signed an accord.');
  assert.deepEqual(found.map((p) => [p.name, titles(p)]), [
    ['Leonid Kuchma', ['Presidents']],
    ['Boris Yeltsin', ['Presidents']],
  ]);
});

test('an East Asian surname that is also an ordinary word still makes a name ("The foreign minister, Wang Yi, said")', () => {
  assert.deepEqual(people('The foreign minister, Wang Yi, said it.').map((p) => [p.name, titles(p)]), [['Wang Yi', ['foreign minister']]]);
  assert.deepEqual(people('A spokesman for the ministry, Li Wei, declined to comment.').map((p) => [p.name, titles(p)]), [['Li Wei', ['spokesman for the ministry']]]);
});

test('a headline is read as title case when it capitalises an auxiliary or a preposition ("About", "Could")', () => {
  const analysis = findPeople(analyzeStructure('Pat Caddell: Democrat Voters Worried About Hillary Clinton’s Health\n\nHow Donald Trump Could Become President\n\nThe pollster spoke.'));
  assert.deepEqual(analysis.organizations, []);
  assert.deepEqual(analysis.people.map((p) => p.name), ['Pat Caddell', 'Hillary Clinton', 'Donald Trump']);
});

test('an organisation named before the role is its affiliation ("a University of Washington professor")', () => {
  const found = people(
    'Robert Mason, a University of Washington professor, disagreed. Tom Hale, a Republican senator, agreed.',
  );
  const mason = person(found, 'Robert Mason');
  assert.deepEqual(titles(mason), ['University of Washington professor']);
  assert.equal(mason.titles[0].affiliation, 'University of Washington');
  const hale = person(found, 'Tom Hale');
  assert.deepEqual(titles(hale), ['Republican senator']);
  assert.equal(hale.titles[0].affiliation, undefined);
});
