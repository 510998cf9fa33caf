import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateRelations } from '../../scripts/eval-relations';
import { extractClaims } from './extract';

const relationsOf = (text: string) => {
  const { claims, relations } = extractClaims(text);
  const quote = (id: string) => claims.find((c) => c.id === id)!.quote;
  return relations.map((r) => ({ type: r.type, reason: r.reason, a: quote(r.a), b: quote(r.b) }));
};

test('contradictions of each kind are found, with a reason a reviewer reads at a glance', () => {
  const cases: Array<[string, RegExp]> = [
    ['The court ruled 5-4 on Monday to strike the law down.\n\nAfter the 6-3 ruling, the governor promised a new bill.', /5-4 vs 6-3: the rule/],
    ['The bridge will close for a three-week closure in June.\n\nThe bridge, shut for 30 days, will reopen in July.', /three vs 30/],
    ['The mayor said the bridge repairs would cost $40 million.\n\nAuditors put the cost of the bridge repairs at $55 million.', /\$40 million vs \$55 million/],
    ['The unemployment rate fell to 4.2 percent in September.\n\nWith the 4.8 percent jobless rate, the state is below average.', /4\.2 percent vs 4\.8 percent/],
    ['Unemployment has fallen for the fourth month in a row.\n\nThe department said it was the third straight monthly decline.', /fourth vs third: the month/],
  ];
  for (const [text, reason] of cases) {
    const found = relationsOf(text).filter((r) => r.type === 'contradicts');
    assert.equal(found.length, 1, text);
    assert.match(found[0]!.reason, reason);
  }
});

test('tricky non-contradictions stay quiet: "more than", ranges, parts, other subjects and periods', () => {
  const quiet = [
    'More than 60 people attended the hearing.\n\nThe clerk said 64 people had registered to attend the hearing.',
    'Between 30 and 40 percent of cyclists commute to campus, a survey found.\n\nThe survey found that 35 percent of cyclists ride to campus.',
    'The North Avenue bridge carries 18,000 vehicles a day.\n\nThe South Avenue bridge carries 25,000 vehicles a day.',
    'The budget for next year is $2.3 billion.\n\nThis year the budget was $2.2 billion.',
    'Employers added 18,500 jobs in September.\n\nHealth care alone added 6,200 jobs in September.',
    'The state jobless rate was 4.2 percent in September.\n\nIn the capital, the jobless rate was 3.6 percent in September.',
  ];
  for (const text of quiet) assert.deepEqual(relationsOf(text).filter((r) => r.type === 'contradicts'), [], text);
});

test('paraphrased duplicates are linked; a shared incidental number is not', () => {
  const dup = relationsOf('Employers added 18,500 jobs during the month.\n\nEmployers created about 18,500 new positions in September.');
  assert.equal(dup[0]?.type, 'duplicates');
  const notDup = relationsOf('The city cut library hours at 8 of its 22 branches.\n\nThe 22 branches recorded 2.4 million visits last year.');
  assert.deepEqual(notDup, []);
});

test('labelled set: recall >= 0.9 on both types, at most one false alarm per 1,000 words', () => {
  const { stats, words } = evaluateRelations();
  for (const type of ['contradicts', 'duplicates']) {
    const s = stats[type]!;
    assert.ok(s.tp / (s.tp + s.fn) >= 0.9, `${type} recall ${s.tp}/${s.tp + s.fn}`);
  }
  const falseAlarms = Object.values(stats).reduce((n, s) => n + s.fp, 0);
  assert.ok((falseAlarms / words) * 1000 <= 1, `${falseAlarms} false alarms in ${words} words`);
});
