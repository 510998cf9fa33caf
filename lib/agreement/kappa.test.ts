import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agreement, describeAgreement, type RatingPair } from './kappa';

const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

test('no double-checked claims: no rate and no kappa, said in words', () => {
  const a = agreement([]);
  assert.deepEqual(a, { n: 0, agreed: 0, rate: null, kappa: null, kappaUndefined: 'no_claims' });
  assert.match(describeAgreement(a), /No double-checked claims/);
});

test('perfect agreement on a single rating: rate 100 %, kappa undefined (chance agreement is already 1)', () => {
  const a = agreement([['True', 'True'], ['True', 'True'], ['True', 'True']]);
  assert.equal(a.rate, 1);
  assert.equal(a.kappa, null);
  assert.equal(a.kappaUndefined, 'one_category');
  assert.match(describeAgreement(a), /3 of 3 .*100 %.*not defined/);
});

test('perfect agreement over two ratings: kappa 1', () => {
  close(agreement([['True', 'True'], ['False', 'False']]).kappa, 1);
});

test('a 2x2 table by hand: 20 claims, kappa 0.5', () => {
  // first\second  True False
  //   True          10    5
  //   False          0    5
  // po = (10 + 5) / 20 = 0.75; first: True 15, False 5; second: True 10, False 10
  // pe = 0.75*0.5 + 0.25*0.5 = 0.5; kappa = (0.75 - 0.5) / 0.5 = 0.5
  const pairs: RatingPair[] = [
    ...Array.from({ length: 10 }, () => ['True', 'True'] as const),
    ...Array.from({ length: 5 }, () => ['True', 'False'] as const),
    ...Array.from({ length: 5 }, () => ['False', 'False'] as const),
  ];
  const a = agreement(pairs);
  assert.equal(a.agreed, 15);
  close(a.rate, 0.75);
  close(a.kappa, 0.5);
});

test('three ratings by hand: kappa 4/13', () => {
  // pairs: (T,T) (T,T) (F,F) (M,T) (F,M)   po = 3/5
  // first: T 2, F 2, M 1; second: T 3, F 1, M 1
  // pe = (2*3 + 2*1 + 1*1) / 25 = 9/25; kappa = (15/25 - 9/25) / (16/25) = 6/16 = 0.375
  const a = agreement([['True', 'True'], ['True', 'True'], ['False', 'False'], ['Mixed', 'True'], ['False', 'Mixed']]);
  close(a.rate, 0.6);
  close(a.kappa, 0.375);
  assert.match(describeAgreement(a), /3 of 5 .*60 %.*kappa 0\.38 \(fair agreement\)/);
});

test('total disagreement on one claim each way: kappa below zero', () => {
  // (T,F) (F,T): po 0; pe = 0.5*0.5 + 0.5*0.5 = 0.5; kappa = -1
  close(agreement([['True', 'False'], ['False', 'True']]).kappa, -1);
});

test('one claim, two different ratings: rate 0, kappa 0 (pe = 0)', () => {
  const a = agreement([['True', 'False']]);
  assert.equal(a.rate, 0);
  close(a.kappa, 0);
  assert.match(describeAgreement(a), /0 of 1 double-checked claim \(0 %\)/);
});

test('kappa in words at the edges', () => {
  assert.match(describeAgreement(agreement([['True', 'False']])), /kappa 0\.00 \(no better than chance\)/);
  assert.match(describeAgreement(agreement([['True', 'False'], ['False', 'True']])), /kappa -1\.00 \(worse than chance\)/);
  assert.match(describeAgreement(agreement([['True', 'True'], ['False', 'False']])), /kappa 1\.00 \(almost perfect agreement\)/);
});
