import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { evaluateRelations, evaluateSet } from '../../scripts/eval-relations';
import { extractClaims } from './extract';
import { findRelations, POSTINGS_PER_WORD } from './relations';
import type { ExtractedClaim } from './schema';

const relationsOf = (text: string) => {
  const { claims, relations } = extractClaims(text);
  const quote = (id: string) => claims.find((c) => c.id === id)!.quote;
  return relations.map((r) => ({ type: r.type, reason: r.reason, a: quote(r.a), b: quote(r.b) }));
};

test('contradictions of each kind are found, with a reason a reviewer reads at a glance', () => {
  const cases: Array<[string, RegExp]> = [
    ['The court ruled 5-4 on Monday to strike the law down.\n\nAfter the 6-3 ruling, the governor promised a new bill.', /^5-4 vs 6-3: the ruling count$/],
    ['The bridge closed for a three-week closure in June.\n\nThe bridge, shut for 30 days, reopened in July.', /^three weeks vs 30 days: length of the closure$/],
    ['The mayor said the bridge repairs would cost $40 million.\n\nAuditors put the cost of the bridge repairs at $55 million.', /^\$40 million \(the mayor\) vs \$55 million \(Auditors\): the (?:cost|repairs)/],
    ['The unemployment rate fell to 4.2 percent in September.\n\nWith the 4.8 percent jobless rate, the state is below average.', /^4\.2 percent vs 4\.8 percent: the /],
    // Issue 12: the same measure in other words, and an attributed disagreement.
    ['The plant reopened on Monday, ending a two-week shutdown.\n\nThe stoppage, which lasted ten days, cost the firm $3 million.', /^two weeks vs ten days: length of the (?:shutdown|stoppage)$/],
    ['The mayor said the repair would cost $12 million a year.\n\nBut the auditors estimated the bill at $15 million a year.', /^\$12 million \(the mayor\) vs \$15 million \(the auditors\): the /],
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
    // Issue 12: unit conversions, enumerations and numbers shared by different measures.
    'The trail runs 5 kilometres along the river.\n\nThe river trail is 3.1 miles long.',
    'A third of residents own a car, a survey found.\n\nThe survey found 33 percent of residents own a car.',
    'The buses took 90 minutes to cover the route.\n\nThe buses took an hour and a half, or 1.5 hours, on the route.',
    'First, the council will cut 12 jobs at the depot.\n\nSecond, the council will cut 9 jobs at the depot.',
    'The driver joined the railway 18 years ago.\n\nThe railway line has 18 stations and 40 bridges.',
    // Issue 11: atoms split from one sentence compare, they do not contradict.
    'The harbour handled 2.4 million tonnes of cargo, up from 2.1 million tonnes a year earlier.',
    'The county hired 310 nurses in 2025, compared with 280 nurses in 2024.',
  ];
  for (const text of quiet) assert.deepEqual(relationsOf(text).filter((r) => r.type === 'contradicts'), [], text);
});

test('paraphrased duplicates are linked; a shared incidental number is not', () => {
  const dup = relationsOf('Employers added 18,500 jobs during the month.\n\nEmployers created about 18,500 new positions in September.');
  assert.equal(dup[0]?.type, 'duplicates');
  const notDup = relationsOf('The city cut library hours at 8 of its 22 branches.\n\nThe 22 branches recorded 2.4 million visits last year.');
  assert.deepEqual(notDup, []);
});

test('labelled sets (fixtures and blind tune set): recall and false contradictions at what was measured, no chopped word', () => {
  // Floors at the values measured when tuning stopped (docs/relations.md), so a change that loses
  // ground fails; the targets (recall 0.9) are not met yet on the blind set.
  const floors = [[evaluateRelations(), 0.85, 0.85], [evaluateSet('tune'), 0.7, 0.85]] as const;
  for (const [r, contradicts, duplicates] of floors) {
    const recall = (t: string) => r.stats[t]!.tp / (r.stats[t]!.tp + r.stats[t]!.fn);
    assert.ok(recall('contradicts') >= contradicts, `contradicts recall ${recall('contradicts')}`);
    assert.ok(recall('duplicates') >= duplicates, `duplicates recall ${recall('duplicates')}`);
    assert.ok((r.falseContradictions / r.words) * 1000 <= 1, `${r.falseContradictions} false contradictions in ${r.words} words`);
    assert.deepEqual(r.chopped, []);
  }
});

// Issue 8: candidates per shared word are bounded so a draft that repeats itself stays linear. The
// bound must not change what is found on drafts of ordinary length.
const exhaustive = { postingsPerWord: Infinity };
const checkworthyClaims = (text: string) => extractClaims(text).claims.filter((c) => c.checkworthy);

test('the bounded candidate scan keeps exactly the relations a full scan finds on the labelled set', () => {
  const dirs = ['lib/claims/fixtures/relations', 'lib/claims/fixtures'];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));
  assert.ok(files.length >= 9);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const claims = checkworthyClaims(text);
    const full = findRelations(claims, { ...exhaustive, text });
    assert.deepEqual(extractClaims(text).relations, full, file);
    assert.ok(full.length > 0 || !file.includes('relations/'), `${file} has labelled relations`);
  }
});

test('property: any mix of up to 64 labelled claims pairs exactly as a full scan does', () => {
  const pool = readdirSync('lib/claims/fixtures/relations').flatMap((f) => checkworthyClaims(readFileSync(join('lib/claims/fixtures/relations', f), 'utf8')));
  fc.assert(
    fc.property(fc.array(fc.nat(pool.length - 1), { minLength: 2, maxLength: POSTINGS_PER_WORD }), (picks) => {
      // Re-based so ids and offsets are those of one draft made of the picked claims.
      const claims = picks.map((p, i) => ({ ...pool[p]!, id: `c${i + 1}` }));
      assert.deepEqual(findRelations(claims), findRelations(claims, exhaustive));
    }),
    { numRuns: 60, seed: 8 },
  );
});

test('relation finding grows linearly on a draft that repeats one sentence', () => {
  const cpuMs = (claims: ExtractedClaim[]) => {
    findRelations(claims.slice(0, 200)); // warm the JIT outside the timing
    const c0 = process.cpuUsage();
    const found = findRelations(claims);
    const c = process.cpuUsage(c0);
    // Every copy is a duplicate of the first: one group, n - 1 links.
    assert.equal(found.length, claims.length - 1);
    return (c.user + c.system) / 1000;
  };
  const sentence = 'Unemployment fell to 4.2 percent in May. ';
  const small = checkworthyClaims(sentence.repeat(1_600)); // 64 KB
  // 512 KB: the same draft eight times over, offsets moved along (cheaper than extracting it).
  const length = sentence.length * 1_600;
  const large = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((k) => small.map((c, i) => {
    const d = k * length;
    return {
      ...c,
      id: `c${k * small.length + i + 1}`,
      start: c.start + d,
      end: c.end + d,
      numbers: c.numbers.map((n) => ({ ...n, start: n.start + d, end: n.end + d })),
      entities: c.entities.map((e) => ({ ...e, start: e.start + d, end: e.end + d })),
    };
  }));
  const ratio = cpuMs(large) / cpuMs(small);
  // 8x the claims: about 8x the time when linear, 64x when quadratic (the full scan measured 40-80x).
  assert.ok(ratio < 20, `512 KB took ${ratio.toFixed(1)}x the time of 64 KB`);
});
