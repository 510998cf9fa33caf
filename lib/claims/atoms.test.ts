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
