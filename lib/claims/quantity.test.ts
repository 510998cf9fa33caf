import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberMentions, statedQuantities } from './quantity';

const uses = (s: string) => numberMentions(s).map((m) => `${m.use}:${m.raw}`);
const quantities = (s: string) => statedQuantities(s).map((n) => n.raw);

test('counts, money, shares and tallies are quantities', () => {
  assert.deepEqual(quantities('The strike killed 87 people and cost $2.3 billion.'), ['87', '$2.3 billion']);
  assert.deepEqual(quantities('Unemployment fell to 12.5 percent.'), ['12.5 percent']);
  assert.deepEqual(quantities('The court ruled 5-4 on Monday.'), ['5-4']);
  assert.deepEqual(quantities('More than 320,000 people have died.'), ['320,000']);
  assert.deepEqual(quantities('The line runs 5km under the river.'), ['5']);
  assert.deepEqual(quantities('Three people were injured.'), ['Three']);
});

test('an ordinal opening an argument is not a quantity', () => {
  assert.deepEqual(uses('Third, we have to look at the schools.'), ['ordinal:Third']);
  assert.deepEqual(quantities('First, let me say this.'), []);
  assert.deepEqual(uses('It was the eighth veto of his term.'), ['ordinal:eighth']);
});

test('number words in idioms state nothing', () => {
  assert.deepEqual(quantities("I've said it a million times."), []);
  assert.deepEqual(quantities('One of these days we will fix it.'), []);
  assert.deepEqual(quantities("I'm a hundred percent sure about that."), []);
  assert.deepEqual(uses('He is second to none.'), ['idiom:second']);
  assert.deepEqual(quantities('That is a first-class idea for the twenty-first century.'), []);
});

test('ages and durations are told apart from counts', () => {
  assert.deepEqual(uses('A 45-year-old man was arrested.'), ['age:45']);
  assert.deepEqual(uses('The driver, aged 19, was unhurt.'), ['age:19']);
  assert.deepEqual(uses('I have two minutes left.'), ['duration:two']);
  assert.deepEqual(quantities('She spoke for 30 minutes.'), []);
});

test('digits inside names are not numbers stated', () => {
  assert.deepEqual(uses('COVID-19 cases rose.'), ['name:COVID-19']);
  assert.deepEqual(quantities('The H1N1 virus and the F-35 jet were discussed at the G7.'), []);
  assert.deepEqual(quantities('The Boeing 737 was grounded.'), []);
  assert.deepEqual(quantities('COVID-19 killed 1,200 people in March.'), ['1,200']);
});

test('citation markers, URLs, figure labels and times are not quantities', () => {
  assert.deepEqual(uses('The agency disagreed.[105]'), ['citation:[105]']);
  assert.deepEqual(uses('See https://example.org/report/2020/7 for details.').map((u) => u.split(':')[0]), ['url']);
  assert.deepEqual(uses('As Figure 3 shows, and Table 2 confirms.'), ['label:Figure 3', 'label:Table 2']);
  assert.deepEqual(uses('Under Article 5 of the treaty.'), ['label:Article 5']);
  assert.deepEqual(uses('The meeting starts at 10:30 a.m.'), ['time:10:30 a.m.']);
  assert.deepEqual(quantities('Figure 3: rainfall since 1990, with 40 stations.'), ['40']);
});

test('years, decades and dates are time references, not quantities', () => {
  assert.deepEqual(uses('In 2016 the law passed.'), ['year:2016']);
  assert.deepEqual(quantities('Prices rose in the 1990s.'), []);
  assert.deepEqual(uses('The vote is on March 3.'), ['date:March 3']);
  assert.deepEqual(quantities('By mid-2020 the plan stalled.'), []);
});

test('offsets point at the raw text', () => {
  const s = 'Since COVID-19, 40 stations [3] closed.';
  for (const m of numberMentions(s)) assert.equal(s.slice(m.start, m.end), m.raw);
});
