import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicState } from './public-state';
import {
  contrastRatio, DEFAULT_SCALE_ENTRIES, planScaleEdit, ratingBounds, resolveRating, scaleCss, textColourOn, withRatingName,
  type ScaleEntry,
} from './scale';
import { scaleInputSchema } from './scale-schema';

const current = [...DEFAULT_SCALE_ENTRIES];
const asInput = (entries: ScaleEntry[]) => entries.map(({ key, name, ratingValue, colour, icon, retired }) => ({ key, name, ratingValue, colour, icon, retired }));
const parse = (entries: unknown[], version = 1) => scaleInputSchema.safeParse({ version, entries });
const messages = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

test('the default scale is accepted as its own edit, and changes nothing', () => {
  const r = parse(asInput(current));
  assert.ok(r.success, messages(r).join('; '));
  const plan = planScaleEdit(current, r.data, new Map());
  assert.ok(!('problem' in plan));
  assert.deepEqual([plan.changes, plan.moved], [[], false]);
});

test('colours must be #rrggbb and dark enough to read on white; the reason is given', () => {
  const bad = (colour: string) => messages(parse([{ name: 'True', ratingValue: 5, colour, icon: 'check' }]));
  assert.match(bad('green').join(), /entries\.0\.colour: Colour must look like #1d6b3a/);
  assert.match(bad('#1d6b3')[0]!, /six hex digits/);
  assert.match(bad('#ffff00').join(), /too light to read on white/);
  assert.deepEqual(bad('#1D6B3A'), [], 'upper-case hex is fine');
  assert.equal(parse([{ name: 'True', ratingValue: 5, colour: '#1D6B3A', icon: 'check' }]).data?.entries[0]?.colour, '#1d6b3a');
});

test('icons come from the fixed set only: no HTML, no URL', () => {
  assert.match(messages(parse([{ name: 'X', ratingValue: 1, colour: '#000000', icon: '<img src=x onerror=alert(1)>' }])).join(), /Icon must be one of: check/);
  assert.match(messages(parse([{ name: 'X', ratingValue: 1, colour: '#000000', icon: 'https://example.org/i.svg' }])).join(), /Icon must be one of/);
});

test('names are required, unique (ignoring case) and carry no markup; values are whole numbers 0-100 or none', () => {
  const base = { ratingValue: 1, colour: '#000000', icon: 'dot' };
  assert.match(messages(parse([{ ...base, name: '  ' }])).join(), /Give the rating a name/);
  assert.match(messages(parse([{ ...base, name: 'False' }, { ...base, name: 'false' }])).join(), /entries\.1\.name: .*names must differ/);
  assert.match(messages(parse([{ ...base, name: '<b>x</b>' }])).join(), /no < or >/);
  assert.match(messages(parse([{ ...base, name: 'A', ratingValue: 2.5 }])).join(), /whole number/);
  assert.match(messages(parse([{ ...base, name: 'A', ratingValue: 101 }])).join(), /100 or less/);
  assert.ok(parse([{ ...base, name: 'A', ratingValue: null }]).success);
});

test('the scale keeps at least one rating a reviewer can choose', () => {
  assert.match(messages(parse([{ name: 'A', ratingValue: 1, colour: '#000000', icon: 'dot', retired: true }])).join(), /at least one rating that is not retired/);
  assert.match(messages(parse([])).join(), /at least one rating/);
});

test('a rename keeps the key, so old verdicts show the new name and the new ratingValue', () => {
  const edited = asInput(current).map((e) => (e.key === 'Mostly true' ? { ...e, name: 'Largely accurate', ratingValue: 7, colour: '#123456' } : e));
  const plan = planScaleEdit(current, scaleInputSchema.parse({ version: 1, entries: edited }), new Map([['Mostly true', 3]]));
  assert.ok(!('problem' in plan));
  assert.deepEqual(plan.changes, [{ kind: 'changed', key: 'Mostly true', before: { name: 'Mostly true', ratingValue: 4, colour: '#3d6b12' }, after: { name: 'Largely accurate', ratingValue: 7, colour: '#123456' } }]);
  const s = publicState({ status: 'reviewed', verdict: { rating: 'Mostly true' } }, plan.entries);
  assert.deepEqual([s.label, s.ratingValue, s.ratingKey, s.tone?.line], ['Largely accurate', 7, 'Mostly true', '#123456']);
  assert.deepEqual(ratingBounds(plan.entries), { bestRating: 7, worstRating: 1 });
});

test('an entry in use cannot be deleted, only retired; an unused one can be deleted', () => {
  const without = asInput(current).filter((e) => e.key !== 'Mixed');
  const inUse = planScaleEdit(current, scaleInputSchema.parse({ version: 1, entries: without }), new Map([['Mixed', 2]]));
  assert.ok('problem' in inUse);
  assert.equal(inUse.problem, 'in-use');
  assert.match(inUse.message, /“Mixed” is the rating of 2 verdicts and cannot be deleted\. Retire it instead/);
  const unused = planScaleEdit(current, scaleInputSchema.parse({ version: 1, entries: without }), new Map());
  assert.ok(!('problem' in unused));
  assert.deepEqual(unused.changes.map((c) => [c.kind, c.key]), [['deleted', 'Mixed']]);
  const retired = planScaleEdit(current, scaleInputSchema.parse({ version: 1, entries: asInput(current).map((e) => (e.key === 'Mixed' ? { ...e, retired: true } : e)) }), new Map([['Mixed', 2]]));
  assert.ok(!('problem' in retired));
  assert.deepEqual(retired.changes, [{ kind: 'changed', key: 'Mixed', before: { retired: false }, after: { retired: true } }]);
});

test('a new entry gets a key from its name that no entry has, and reordering is noticed', () => {
  const entries = [{ name: 'TRUE!', ratingValue: 9, colour: '#000000', icon: 'star' }, ...asInput(current).reverse()];
  const plan = planScaleEdit(current, scaleInputSchema.parse({ version: 1, entries }), new Map());
  assert.ok(!('problem' in plan));
  assert.equal(plan.entries[0]!.key, 'true-2', '"true" would differ from the key "True" only by case');
  assert.equal(plan.moved, true);
  const unknown = planScaleEdit(current, scaleInputSchema.parse({ version: 1, entries: [{ key: 'gone', name: 'Gone', ratingValue: 1, colour: '#000000', icon: 'dot' }] }), new Map());
  assert.ok('problem' in unknown && /No rating with key “gone”/.test(unknown.message));
});

test('a reviewer chooses by key or current name; retired and unknown ratings are refused with the choices', () => {
  const scale = current.map((e) => (e.key === 'Mixed' ? { ...e, retired: true } : e.key === 'True' ? { ...e, name: 'Accurate' } : e));
  assert.deepEqual(resolveRating(scale, 'True'), { key: 'True' });
  assert.deepEqual(resolveRating(scale, 'accurate'), { key: 'True' });
  const retired = resolveRating(scale, 'Mixed');
  assert.ok('error' in retired && /“Mixed” is retired/.test(retired.error) && !/Mixed,/.test(retired.error));
  const unknown = resolveRating(scale, 'Pants on fire');
  assert.ok('error' in unknown);
  assert.equal(unknown.error, 'Choose a rating: Accurate, Mostly true, Mostly false, False, Unverifiable.');
});

test('text on a badge is black or white, whichever is readable (4.5:1 at least) on any colour', () => {
  for (const c of ['#000000', '#ffffff', '#777777', '#1d6b3a', '#ffff00', '#0000ff', '#767676', '#888888']) {
    assert.ok(contrastRatio(c, textColourOn(c)) >= 4.5, `${c} on ${textColourOn(c)}`);
  }
  assert.equal(textColourOn('#a11d1d'), '#ffffff');
  assert.equal(textColourOn('#ffdd00'), '#000000');
});

test('history payloads get the rating name the scale uses now beside the stored key', () => {
  const scale = current.map((e) => (e.key === 'False' ? { ...e, name: 'Wrong' } : e));
  assert.deepEqual(withRatingName({ rating: 'False', status: 'reviewed' }, scale), { rating: 'False', status: 'reviewed', ratingName: 'Wrong' });
  assert.deepEqual(withRatingName({ status: 'open' }, scale), { status: 'open' });
  assert.equal(withRatingName(null, scale), null);
});

test('the scale stylesheet holds only slugged classes and #rrggbb colours, and new keys avoid the states’ CSS tokens', () => {
  const css = scaleCss([...current, { key: 'x}body{display:none', name: 'Evil', ratingValue: null, colour: 'red;}*{x:y', icon: 'dot', retired: false }]);
  assert.match(css, /^\.state-mostly-true\.state-mostly-true\{--c-line:#3d6b12;--c-bg:#[0-9a-f]{6};--c-text:#ffffff\}$/m);
  assert.doesNotMatch(css, /display|\*|red/, 'an entry with a colour that is not #rrggbb is left out');
  for (const name of ['Open', 'Stale', 'Symbol', 'Mostly-true']) {
    const plan = planScaleEdit(current, scaleInputSchema.parse({ version: 1, entries: [...asInput(current), { name, ratingValue: null, colour: '#000000', icon: 'dot' }] }), new Map());
    assert.ok(!('problem' in plan));
    assert.equal(plan.entries.at(-1)!.key, `${name.toLowerCase()}-2`, name);
  }
});

test('a name may not be another rating\'s key: "True" renamed "Accurate", then "Mostly true" renamed "True" is refused', () => {
  const renamed = asInput(current).map((e) => (e.key === 'True' ? { ...e, name: 'Accurate' } : e));
  const first = scaleInputSchema.parse({ version: 1, entries: renamed });
  const plan = planScaleEdit(current, first, new Map());
  assert.ok(!('problem' in plan));
  const second = renamed.map((e) => (e.key === 'Mostly true' ? { ...e, name: 'true' } : e));
  assert.deepEqual(messages(parse(second)), [
    'entries.1.name: “true” is the key of rating 1 (“Accurate”), which old verdicts and API clients use to name it; a rating named so would be mistaken for it. Choose another name.',
  ]);
  // Had it been accepted, a client sending the name would have rated with the other entry.
  const ambiguous = plan.entries.map((e) => (e.key === 'Mostly true' ? { ...e, name: 'True' } : e));
  assert.deepEqual(resolveRating(ambiguous, 'True'), { key: 'True' }, 'keys win: the reason for the refusal');
  // An entry keeping its own key as its name is fine (the default scale).
  assert.ok(parse(asInput(current)).success);
});

test('a new entry\'s key never equals another entry\'s name', () => {
  const base = { ratingValue: 1, colour: '#000000', icon: 'dot' };
  // "Mixed" is renamed "satire"; a new "Satire!" would be keyed "satire", and "satire" would then rate with it.
  const entries = [...asInput(current).map((e) => (e.key === 'Mixed' ? { ...e, name: 'satire' } : e)), { ...base, name: 'Satire!' }];
  const plan = planScaleEdit(current, scaleInputSchema.parse({ version: 1, entries }), new Map());
  assert.ok(!('problem' in plan));
  assert.equal(plan.entries.at(-1)!.key, 'satire-2');
  assert.deepEqual(resolveRating(plan.entries, 'satire'), { key: 'Mixed' });
});
