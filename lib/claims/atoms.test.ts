// Atomic splitting on sentences made up for these tests (none from the evaluation articles): each
// case lists the atoms' exact quotes and their self-contained text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitAtoms } from './atoms';
import { extractClaims } from './extract';

function atoms(sentence: string): Array<[string, string]> {
  return splitAtoms(sentence).map((a) => {
    assert.ok(a.start >= 0 && a.end <= sentence.length && a.start < a.end);
    return [sentence.slice(a.start, a.end), a.text];
  });
}

const cases: Array<[string, string, Array<[string, string]>]> = [
  ['coordinated verb phrases share the subject',
    'The ferry company runs 12 boats and employs 230 crew.',
    [['The ferry company runs 12 boats', 'The ferry company runs 12 boats.'], ['employs 230 crew.', 'The ferry company employs 230 crew.']]],
  ['a non-restrictive relative clause is its own fact; the main clause resumes',
    'The museum, which opened in 1974, attracts 90,000 visitors a year.',
    [['which opened in 1974', 'The museum opened in 1974.'], ['attracts 90,000 visitors a year.', 'The museum attracts 90,000 visitors a year.']]],
  ['"X said A and that B": the reporting clause is repeated',
    'Inspector Lena Moss said the van had been stolen and that nobody was hurt.',
    [['Inspector Lena Moss said the van had been stolen', 'Inspector Lena Moss said the van had been stolen.'], ['nobody was hurt.', 'Inspector Lena Moss said nobody was hurt.']]],
  ['"X said A and B" with its own subject',
    'The school said the roof was repaired in May and the gym reopened last week.',
    [['The school said the roof was repaired in May', 'The school said the roof was repaired in May.'], ['the gym reopened last week.', 'The school said the gym reopened last week.']]],
  ['a relative clause after a company name keeps the dot of "Ltd."',
    'Corvel Foods Ltd., which owns 40 bakeries, said sales fell 6 percent.',
    [['which owns 40 bakeries', 'Corvel Foods Ltd. owns 40 bakeries.'], ['said sales fell 6 percent.', 'Corvel Foods Ltd. said sales fell 6 percent.']]],
  ['a participle clause is split from its host, which the text keeps',
    'The mill closed in March, costing 85 jobs.',
    [['The mill closed in March', 'The mill closed in March.'], ['costing 85 jobs.', 'The mill closed in March, costing 85 jobs.']]],
  ['a trailing apposition to a place name states what the place is',
    'The festival moved to Darrow, a village of 900 people.',
    [['The festival moved to Darrow', 'The festival moved to Darrow.'], ['a village of 900 people.', 'Darrow is a village of 900 people.']]],
  ['a "when" clause states its own fact',
    'Sales dropped in 2008, when the bank collapsed.',
    [['Sales dropped in 2008', 'Sales dropped in 2008.'], ['when the bank collapsed.', 'The bank collapsed.']]],
  ['a name with an apposition and a relative clause: three facts',
    'Dr Ines Calder, a surgeon at Westbay Clinic who led the trial, said 40 patients took part.',
    [['Dr Ines Calder, a surgeon at Westbay Clinic', 'Dr Ines Calder is a surgeon at Westbay Clinic.'], ['who led the trial', 'Dr Ines Calder led the trial.'], ['said 40 patients took part.', 'Dr Ines Calder said 40 patients took part.']]],
  ['a passive carries its auxiliary to the second verb',
    'The report was written by the auditor and published in April.',
    [['The report was written by the auditor', 'The report was written by the auditor.'], ['published in April.', 'The report was published in April.']]],
  ['an ordinal list marker is left out of the span',
    'Second, the hall lost its licence in 2019.',
    [['the hall lost its licence in 2019.', 'The hall lost its licence in 2019.']]],
  ['a fragment after a relative clause goes back to the clause it belongs to',
    'The lab is hiring 50 nurses, who will staff the night ward, for a new unit.',
    [['The lab is hiring 50 nurses', 'The lab is hiring 50 nurses for a new unit.'], ['who will staff the night ward', '50 nurses will staff the night ward.']]],
  ['a mid-sentence apposition stays with its subject',
    'The regulator, the Rail Safety Office, fined the operator $2 million.',
    [['The regulator, the Rail Safety Office, fined the operator $2 million.', 'The regulator, the Rail Safety Office, fined the operator $2 million.']]],
  ['a reduced relative clause reads as "was"',
    'The council said the pool, closed for 30 days, would reopen on Friday.',
    [['The council said the pool, closed for 30 days', 'The council said the pool was closed for 30 days.'], ['would reopen on Friday.', 'The council said the pool would reopen on Friday.']]],
  ['", compared with" a second number is its own fact, whose text keeps its clause: never "On Wednesday, X compared with"',
    'On Wednesday, Tallis Group reported a profit of $12 million, compared with a loss of $3 million a year earlier.',
    [['On Wednesday, Tallis Group reported a profit of $12 million', 'On Wednesday, Tallis Group reported a profit of $12 million.'],
      ['compared with a loss of $3 million a year earlier.', 'On Wednesday, Tallis Group reported a profit of $12 million, compared with a loss of $3 million a year earlier.']]],
  ['a possessive never becomes the subject of a carried-over clause',
    "The company's shares rose 4 percent and its bonds fell 2 percent.",
    [["The company's shares rose 4 percent", "The company's shares rose 4 percent."], ['its bonds fell 2 percent.', 'Its bonds fell 2 percent.']]],
  ['ordinary coordination of nouns stays one claim',
    'Police and firefighters searched the river for six hours.',
    [['Police and firefighters searched the river for six hours.', 'Police and firefighters searched the river for six hours.']]],
  ['a quoted list is one statement',
    'The mayor called the plan "cheap, fast and fair" on Monday.',
    [['The mayor called the plan "cheap, fast and fair" on Monday.', 'The mayor called the plan "cheap, fast and fair" on Monday.']]],
  ['", a survey found" is a reporting tail, not an apposition',
    'Half of the drivers ignored the limit, a survey found.',
    [['Half of the drivers ignored the limit, a survey found.', 'Half of the drivers ignored the limit, a survey found.']]],
  ['a restrictive relative clause without its own fact is not split',
    'Many tenants live in flats that flood every winter.',
    [['Many tenants live in flats that flood every winter.', 'Many tenants live in flats that flood every winter.']]],
  ['", but" with a verb phrase carries the subject',
    'Small shops can apply for the grant, but must show receipts.',
    [['Small shops can apply for the grant', 'Small shops can apply for the grant.'], ['must show receipts.', 'Small shops must show receipts.']]],
  // Issue 11 second round: Claimify-style splits with part-of-speech tags, on made-up sentences.
  ["a list of verb phrases sharing one modal: each carries the subject and the modal",
    "The new hospital will have 300 beds, cost 80 million pounds and open in 2029.",
    [["The new hospital will have 300 beds","The new hospital will have 300 beds."],["cost 80 million pounds","The new hospital will cost 80 million pounds."],["open in 2029.","The new hospital will open in 2029."]]],
  ["\"and\" + a base-form verb continues the clause of the modal, reporting clause included",
    "Mayor Rita Olsen said the city would repave Dock Road in May and close it for two weeks.",
    [["Mayor Rita Olsen said the city would repave Dock Road in May","Mayor Rita Olsen said the city would repave Dock Road in May."],["close it for two weeks.","Mayor Rita Olsen said the city would close it for two weeks."]]],
  ["a base-form verb the tagger reads as an adjective (\"open\") still continues the modal clause",
    "The board said the school would hire 12 teachers and open a second site.",
    [["The board said the school would hire 12 teachers","The board said the school would hire 12 teachers."],["open a second site.","The board said the school would open a second site."]]],
  ["coordinated verb phrases in a reported clause carry \"X said <subject>\"",
    "The inspectors said cooks washed their hands and kept raw meat apart.",
    [["The inspectors said cooks washed their hands","The inspectors said cooks washed their hands."],["kept raw meat apart.","The inspectors said cooks kept raw meat apart."]]],
  ["a participle after \"and\" carries the reported clause's auxiliary",
    "The union said it had balloted its members and rejected the offer.",
    [["The union said it had balloted its members","The union said it had balloted its members."],["rejected the offer.","The union said it had rejected the offer."]]],
  ["a repeated preposition after \"and\" is a second object of the same verb",
    "The tenants wrote to the landlord asking for new windows and for a rent freeze.",
    [["The tenants wrote to the landlord asking for new windows","The tenants wrote to the landlord asking for new windows."],["for a rent freeze.","The tenants wrote to the landlord asking for a rent freeze."]]],
  ["\", but\" with a longer subject (\"three engineers from the county office\") is its own clause",
    "The bridge was closed for repairs, but three engineers from the county office said it was safe.",
    [["The bridge was closed for repairs","The bridge was closed for repairs."],["three engineers from the county office said it was safe.","Three engineers from the county office said it was safe."]]],
  ["a quantified relative clause (\"many of whom\") names its antecedent",
    "Farmers near Ellery Creek, many of whom lost crops in the flood, said they had received no aid.",
    [["many of whom lost crops in the flood","Many of the farmers near Ellery Creek lost crops in the flood."],["said they had received no aid.","Farmers near Ellery Creek said they had received no aid."]]],
  ["\", with <quantity>\" is a fact of its own; its text keeps the clause",
    "Kelso is the largest town in the valley, with 31,000 residents.",
    [["Kelso is the largest town in the valley","Kelso is the largest town in the valley."],["with 31,000 residents.","Kelso is the largest town in the valley, with 31,000 residents."]]],
  ["\", up from <number>\" is a fact of its own; its text keeps the clause",
    "Ticket sales rose 12 percent to 4.1 million, up from 3.6 million in 2023.",
    [["Ticket sales rose 12 percent to 4.1 million","Ticket sales rose 12 percent to 4.1 million."],["up from 3.6 million in 2023.","Ticket sales rose 12 percent to 4.1 million, up from 3.6 million in 2023."]]],
  ["a subordinate clause with its own subject and verb splits without a comma",
    "The ferry stopped running after the harbour wall cracked.",
    [["The ferry stopped running","The ferry stopped running."],["after the harbour wall cracked.","The harbour wall cracked."]]],
  ['without a comma, "before" restricts the time of its clause: one fact (and it does not assert its event)',
    'The club sold its ground before the league approved the move.',
    [['The club sold its ground before the league approved the move.', 'The club sold its ground before the league approved the move.']]],
  ['a second clause whose subject carries a relative clause: three facts, the last one whole',
    'Ferries to Orne were cancelled, and the island festival, which draws 6,000 people, has been postponed.',
    [['Ferries to Orne were cancelled', 'Ferries to Orne were cancelled.'], ['which draws 6,000 people', 'The island festival draws 6,000 people.'], ['has been postponed.', 'The island festival has been postponed.']]],
  ["\", as <clause>\" with a bare plural subject is its own fact",
    "Exports fell 3 percent, as demand from European buyers weakened.",
    [["Exports fell 3 percent","Exports fell 3 percent."],["as demand from European buyers weakened.","Demand from European buyers weakened."]]],
  ["an object relative clause takes the host's whole object as its object",
    "The plan needs approval from the regulator, which the company expects by March.",
    [["The plan needs approval from the regulator","The plan needs approval from the regulator."],["which the company expects by March.","The company expects approval from the regulator by March."]]],
  ["the reporting clause runs to its \"that\" for a second reported fact",
    "Captain Ana Ruiz told reporters on Monday that the crew was safe and that the ship had been towed to port.",
    [["Captain Ana Ruiz told reporters on Monday that the crew was safe","Captain Ana Ruiz told reporters on Monday that the crew was safe."],["the ship had been towed to port.","Captain Ana Ruiz told reporters on Monday that the ship had been towed to port."]]],
  ["a reduced relative clause after a bare subject reads as \"was\"",
    "The new library, opened in 2021, lends 90,000 books a year.",
    [["opened in 2021","The new library was opened in 2021."],["lends 90,000 books a year.","The new library lends 90,000 books a year."]]],
  ["a description after a name is its own fact, even before a reporting verb",
    "Marta Lind, the town's longest-serving councillor, announced on Friday that she would retire.",
    [["Marta Lind, the town's longest-serving councillor","Marta Lind is the town's longest-serving councillor."],["announced on Friday that she would retire.","Marta Lind announced on Friday that she would retire."]]],
  ["a description after a name inside a clause: the clause is completed after it, commas closed",
    "The committee said the treasurer, Omar Field, the club's former goalkeeper, had resigned.",
    [["the club's former goalkeeper","Omar Field is the club's former goalkeeper."],["had resigned.","The committee said the treasurer, Omar Field, had resigned."]]],
  ["a possessive apposition after a number keeps its clause",
    "Lena Park finished second with 4,210 votes, her best result in three elections.",
    [["Lena Park finished second with 4,210 votes","Lena Park finished second with 4,210 votes."],["her best result in three elections.","Lena Park finished second with 4,210 votes, her best result in three elections."]]],
  ["an opening phrase before a clause is not an apposition",
    "Despite heavy rain on Saturday, the race drew 8,000 runners.",
    [["Despite heavy rain on Saturday, the race drew 8,000 runners.","Despite heavy rain on Saturday, the race drew 8,000 runners."]]],
  ["a date is never the subject of an apposition's \"X is\"",
    "The levy rose by 2 percent from June, the smallest rise since 2015.",
    [["The levy rose by 2 percent from June","The levy rose by 2 percent from June."],["the smallest rise since 2015.","The levy rose by 2 percent from June, the smallest rise since 2015."]]],
  ["a singular \"which is\" after \"Shares in Corra\" agrees with the name",
    "Shares in Corra, which is listed in Oslo, fell 7 percent on Tuesday.",
    [["which is listed in Oslo","Corra is listed in Oslo."],["fell 7 percent on Tuesday.","Shares in Corra fell 7 percent on Tuesday."]]],
  ["verb phrases coordinated inside a relative clause take its antecedent",
    "The award went to Ben Ode, the former coach who trained 14 champions and retired in 2019.",
    [["The award went to Ben Ode","The award went to Ben Ode."],["the former coach","Ben Ode is the former coach."],["who trained 14 champions","The former coach trained 14 champions."],["retired in 2019.","The former coach retired in 2019."]]],
  ["\"and chairs\": after \"and\" the tagger's verb beats the list of usual nouns",
    "The trust runs two museums and chairs the heritage forum.",
    [["The trust runs two museums","The trust runs two museums."],["chairs the heritage forum.","The trust chairs the heritage forum."]]],
  ["a \"while\" clause is a condition of its clause and stays with it",
    "The garage stays open while the road is resurfaced.",
    [["The garage stays open while the road is resurfaced.","The garage stays open while the road is resurfaced."]]],
  ["\"since 2019\" has no verb: no split",
    "Prices have risen since 2019.",
    [["Prices have risen since 2019.","Prices have risen since 2019."]]],
  ['a reporting tail with a named officer is no apposition',
    'Turnout fell to 31 percent, the election officer, Dana Ruiz, said.',
    [['Turnout fell to 31 percent, the election officer, Dana Ruiz, said.', 'Turnout fell to 31 percent, the election officer, Dana Ruiz, said.']]],
  ['a reporting tail stays with its clause when another clause follows',
    'Road repairs will start in June, the county said, and the bypass will close for a month.',
    [['Road repairs will start in June, the county said', 'Road repairs will start in June, the county said.'], ['the bypass will close for a month.', 'The bypass will close for a month.']]],
];

for (const [name, sentence, expected] of cases) {
  test(`atoms: ${name}`, () => assert.deepEqual(atoms(sentence), expected));
}

test('extraction: every atom quote is the exact slice of the article, and "he" is resolved only when clear', () => {
  const text = 'Mayor Ruth Okafor said the tunnel cost $80 million and that it opened in 2021. He said 9,000 cars use it daily.\n\nOfficials met Ruth Okafor and Tom Baines on Monday. He said the toll would rise by $1 in 2026.';
  const { claims } = extractClaims(text);
  for (const c of claims) assert.equal(c.quote, text.slice(c.start, c.end));
  const daily = claims.find((c) => c.quote.startsWith('He said 9,000'));
  assert.equal(daily?.text, 'Ruth Okafor said 9,000 cars use it daily.');
  assert.ok(!daily?.flags.includes('ambiguous'));
  const toll = claims.find((c) => c.quote.startsWith('He said the toll'));
  assert.ok(toll?.flags.includes('ambiguous'), 'two people named before: ambiguous');
  assert.deepEqual(toll?.candidates, ['Ruth Okafor', 'Tom Baines']);
});

test('atoms: every rewritten text is a whole sentence (capital first, final punctuation, no "X is" from a date)', () => {
  for (const [, sentence] of cases) {
    for (const a of splitAtoms(sentence)) {
      assert.match(a.text, /^["“(]?[\p{Lu}\d]/u, a.text);
      assert.match(a.text, /[.!?"”]$/u, a.text);
      assert.doesNotMatch(a.text, /^(?:January|February|March|April|May|June|July|August|September|October|November|December) is\b/, a.text);
    }
  }
});

test('atoms: tags of the whole document give the same atoms as tags of the sentence alone', () => {
  const text = 'The depot will hire 40 drivers, buy 12 buses and open in 2027. Farmers near Ellery Creek, many of whom lost crops, said they had received no aid.';
  const { claims } = extractClaims(text, { all: true });
  for (const sentence of ['The depot will hire 40 drivers, buy 12 buses and open in 2027.', 'Farmers near Ellery Creek, many of whom lost crops, said they had received no aid.']) {
    const offset = text.indexOf(sentence);
    const fromDoc = claims.filter((c) => c.start >= offset && c.end <= offset + sentence.length).map((c) => c.quote);
    assert.deepEqual(fromDoc, splitAtoms(sentence).map((a) => sentence.slice(a.start, a.end).trim()));
  }
});
