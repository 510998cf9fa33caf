// Page furniture and speech acts that are never claims, on lines made up for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractClaims } from './extract';
import { datelineLength, isFurnitureLine, notClaimReason, trailingCitationLength } from './furniture';

test('furniture lines: bylines, credits, captions, labels, links, corrections', () => {
  for (const line of [
    'By Nora Vance, Transport Editor',
    'Reporting by Ali Kemal; editing by Jo Park',
    'Photo: Firefighters at the depot on Friday. (Sam Ortiz/Wire)',
    'Credit: Harbour Press Ltd.',
    'Figure 3: Monthly ridership, 2019-2024. Source: Transit Board',
    'Related: Council approves new bus lanes (04 Feb 25 | Local )',
    'Read more: https://news.example/local/bus-lanes',
    'Politics | 14 Aug 2025',
    '(09 Jan 26 | World News )',
    'Sport | 3 Oct 2024 | 4 min read',
    'Correction: An earlier version misspelt the mayor\'s name.',
    'Correction (5 May): The vote was 7-2, not 7-3.',
    'References',
    '[4] Smith J. (2020). Rivers and floods. Water Journal 3(2).',
    'https://example.org/report.pdf',
    'This story was corrected on 2 March 2026 to fix the name of the bridge.',
    'An earlier version of this article gave the wrong date for the vote.',
    'HARLAND FOODS PLC (HFD.L) 412.5p -2.1% | market close',
    'Download the inspection report (PDF, 800 KB)',
  ]) assert.ok(isFurnitureLine(line), line);
});

test('ordinary sentences are not furniture', () => {
  for (const line of [
    'By 2030 the city plans to plant 10,000 trees.',
    'The council voted 7-2 on Tuesday to close the depot.',
    'Related charities raised $4 million last year.',
    'Photographers were barred from the court.',
    'This report was commissioned by the health board in 2024.',
    'Downloads of the app rose 40 percent in May.',
    'Click Media Ltd. was fined £2 million in 2023.',
    'The article was amended by parliament in 2019 to cover renters.',
  ]) assert.ok(!isFurnitureLine(line), line);
});

test('datelines and citation markers sit outside claim spans', () => {
  assert.equal(datelineLength('HARLOW, May 3 (Wire) - The plant closed.'), 'HARLOW, May 3 (Wire) - '.length);
  assert.equal(datelineLength('NEW PORT (Wire) — Shares fell.'), 'NEW PORT (Wire) — '.length);
  assert.equal(datelineLength('The WHO said 40 cases were found.'), 0);
  assert.equal(trailingCitationLength('The river rose 2 metres.[12]'), 4);
  assert.equal(trailingCitationLength('The river rose 2 metres. [3][4]'), 7);
  assert.equal(trailingCitationLength('The river rose 2 metres.'), 0);
});

test('questions, bare advice, bare predictions and opinions are not claims; reports of them are', () => {
  const cases: Array<[string, string | null]> = [
    ['Is the bridge safe to cross?', 'question'],
    ['Drivers should avoid the bypass until Monday.', 'advice'],
    ['Parents ought to check the school website.', 'advice'],
    ['Keep windows closed while the smoke lingers.', 'advice'],
    ['Prices will surely keep climbing.', 'prediction'],
    ['The merger is unlikely to survive the vote.', 'prediction'],
    ['Frankly, the plan is a mess.', 'opinion'],
    ['The agency advised drivers to avoid the bypass until Monday.', null],
    ['The health board said parents should check the school website.', null],
    ['The bank predicted that prices would keep climbing.', null],
    ['Analysts said the merger was unlikely to survive the vote.', null],
    ['The new line will open on 4 May.', null],
    ['Trains, which will run every 10 minutes, carried 4,000 people on the first day.', null],
  ];
  for (const [s, why] of cases) assert.equal(notClaimReason(s), why, s);
});

test('an article: furniture, advice and opinion are never extracted; the facts are', () => {
  const text = [
    'Ferry fares to rise',
    'Travel | 02 Feb 2026',
    'By Mira Holt',
    'PORTLAKE, Feb 2 (Wire) - Lakeline Ferries Ltd. raised fares by 8 percent on Monday, the second rise in a year.[1]',
    'Photo: A ferry leaves Portlake harbour. (Credit: Dan Ruiz)',
    'Passengers should buy tickets online to save money.',
    'It is hard to see how commuters will cope.',
    'Related: Bridge tolls frozen (20 Jan 26 | Travel )',
    'References',
    '[1] Lakeline Ferries (2026). Fares notice.',
    'Correction: An earlier version gave the rise as 6 percent.',
  ].join('\n\n');
  const { claims } = extractClaims(text);
  const quotes = claims.map((c) => c.quote);
  assert.ok(quotes.includes('Lakeline Ferries Ltd. raised fares by 8 percent on Monday'), quotes.join(' | '));
  assert.ok(quotes.some((q) => q.startsWith('the second rise in a year')), 'the apposition is its own claim');
  for (const q of quotes) {
    assert.doesNotMatch(q, /PORTLAKE|\[1\]|Photo|should|hard to see|Related|Correction|Mira Holt|Travel \|/, q);
  }
});
