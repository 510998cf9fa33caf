// Issue 11: the hard floors and caps became model features. These sentences were wrong under the
// rules (a number forced 0.75; "should" capped 0.2) and are what a desk sees in debate and news copy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreLine } from './extract';

const worthy = (s: string) => scoreLine(s).checkworthy;

test('digits and number words that state no quantity no longer make a sentence a claim', () => {
  assert.equal(worthy('Third, we have to get this economy moving again.'), false);
  assert.equal(worthy('I have two minutes left, and I want to say one thing.'), false);
  assert.equal(worthy('COVID-19 is a terrible disease.'), false);
});

test('a report of what an agency advised is a claim about the agency; the advice itself is not', () => {
  assert.equal(worthy('The CDC said people should wear masks indoors in areas with high transmission.'), true);
  assert.equal(worthy('You should wear a mask indoors.'), false);
});

test('stated quantities and reported predictions with figures still score as claims', () => {
  assert.equal(worthy('Unemployment fell to 4.2 percent in September, the lowest since 2001.'), true);
  assert.equal(worthy('The governor predicted that the deficit will reach $3 billion next year.'), true);
  assert.equal(worthy('I think the mayor is doing a wonderful job.'), false);
});

test('a question is never a claim, whatever the model says (the one rule true by definition)', () => {
  assert.ok(scoreLine('Did unemployment fall to 4.2 percent in September?').score <= 0.05);
  assert.ok(scoreLine('Will the bridge ever reopen?"').score <= 0.05);
});
