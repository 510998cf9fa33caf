// The desk's corrections as labelled data: events -> JSONL records -> training examples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventToFeedback, feedbackExamples, parseFeedback } from './feedback';

const sentence = 'The attack killed 87 people, officials said on Tuesday.';
const at = (words: string, base = 100) => ({ quote: words, start: base + sentence.indexOf(words), end: base + sentence.indexOf(words) + words.length, sentence, sentenceStart: base, score: 0.4 });

test('an added claim is a positive example, with its span inside its sentence', () => {
  const [r, ...rest] = eventToFeedback({ type: 'claim.added', at: '2026-11-26T10:00:00.000Z', articleId: 'a1', targetId: 'c1', after: at('killed 87 people') });
  assert.equal(rest.length, 0);
  assert.deepEqual(r, {
    sentence, span: { start: 11, end: 27, text: 'killed 87 people' }, label: 'claim', action: 'add',
    when: '2026-11-26T10:00:00.000Z', modelScore: 0.4, article: 'a1', claim: 'c1',
  });
});

test('not-a-claim is a negative example; a split gives both parts; other events give nothing', () => {
  const no = eventToFeedback({ type: 'claim.not-a-claim', at: 't', articleId: 'a1', targetId: 'c2', after: at('officials said on Tuesday.') });
  assert.equal(no[0]!.label, 'not_a_claim');
  assert.equal(no[0]!.action, 'not_a_claim');
  const split = eventToFeedback({
    type: 'claim.split', at: 't', articleId: 'a1', targetId: 'c3',
    after: { parts: [{ id: 'c3', ...at('The attack killed 87 people,') }, { id: 'c9', ...at('officials said on Tuesday.') }] },
  });
  assert.deepEqual(split.map((r) => [r.claim, r.span.text, r.label]), [['c3', 'The attack killed 87 people,', 'claim'], ['c9', 'officials said on Tuesday.', 'claim']]);
  assert.deepEqual(eventToFeedback({ type: 'verdict.recorded', at: 't', articleId: 'a1', targetId: 'c1', after: { rating: 'True' } }), []);
  // A payload whose span does not lie in its sentence teaches nothing rather than something wrong.
  assert.deepEqual(eventToFeedback({ type: 'claim.added', at: 't', articleId: 'a1', targetId: 'c1', after: { ...at('killed 87'), quote: 'killed 78' } }), []);
});

test('parseFeedback reports each bad line by number; the later judgement of the same words wins', () => {
  const good = (label: string, when: string) => JSON.stringify({ sentence, span: { start: 11, end: 27, text: 'killed 87 people' }, label, action: label === 'claim' ? 'add' : 'not_a_claim', when });
  const jsonl = [good('claim', '2026-11-26T10:00:00Z'), '', '{ not json', JSON.stringify({ sentence, span: { start: 0, end: 3, text: 'Tha' }, label: 'claim', action: 'add', when: 'x' }), good('not_a_claim', '2026-11-26T11:00:00Z')].join('\n');
  const { records, problems } = parseFeedback(jsonl);
  assert.equal(records.length, 2);
  assert.deepEqual(problems.map((p) => p.line), [3, 4]);
  assert.match(problems[1]!.message, /span.text must equal/);
  assert.deepEqual(feedbackExamples(records), [{ text: 'killed 87 people', label: 0 }]);
});
