// People, organisations and places named in a sentence, found by capitalisation with a small
// gazetteer of cue words. compromise finds more, but at ~8x the cost of the rest of extraction
// (docs/decisions/004-claim-extraction.md); contradiction detection needs "same subject", which
// these capitalised spans give well enough.

export type Entity = { text: string; kind: 'person' | 'organization' | 'place' | 'other'; start: number; end: number };

const ORG_CUES = /\b(?:Council|Committee|Commission|Court|Congress|Senate|House|Ministry|Department|Agency|Bank|University|Party|Union|Association|Corporation|Company|Inc|Corp|Ltd|Group|Institute|Office|Authority|Board|Service|Administration|Police|Army|Forces|Nations|UN|NATO|EU|FBI|CIA|WHO|Kremlin|White House|Mobil|News|Times|Post|Federation|Assembly|Parliament|Government|Organization|Organisation|Fund|Foundation)\b/;
const PLACES = new Set(
  'Russia Syria Ukraine Turkey Libya Moscow Washington London Paris Berlin Beijing China Iran Iraq Israel Gaza France Germany Britain England Scotland Wales Ireland Italy Spain Japan India Pakistan Afghanistan Canada Mexico Brazil Africa Europe Asia America USA US U.S. UK U.K. Texas California Florida New York Chicago Boston Kyiv Kiev Damascus Tehran Tokyo Seoul Korea Egypt Jordan Lebanon Yemen Saudi Arabia Australia'.split(' '),
);
const TITLES = /^(?:Mr|Mrs|Ms|Dr|President|Prime|Minister|Secretary|Senator|Sen|Rep|Gov|Governor|Mayor|Judge|Justice|General|Gen|Chancellor|King|Queen|Ambassador|Chief|CEO|Director|Professor|Prof)\.?$/;
// Capitalised words that start sentences or are not names.
const STOP = new Set(
  'The A An This That These Those He She It They We I You His Her Its Their Our My But And Or If When While After Before As In On At For With From By To Of Despite Only Further Speaking Syrian Russian American French British Western Eastern Northern Southern Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Are Is Was Were Do Does Did Let There Here Still Yet So Then Now Also However Meanwhile'.split(' '),
);

/** Names in `text` (offsets relative to it). Consecutive capitalised words form one name. */
export function extractEntities(text: string): Entity[] {
  const out: Entity[] = [];
  const re = /(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.(?:\p{Lu}\.)+)(?:\s+(?:(?:of|the|de|bin|van|von|la|du)\s+|al-)?(?:\p{Lu}[\p{L}'’.-]*)|\s+al-\p{Lu}[\p{L}'’-]*)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let raw = m[0];
    let start = m.index;
    // Drop leading sentence-starter words and titles ("But Mr Tillerson" -> "Tillerson").
    const words = raw.split(/\s+/);
    let isPerson = false;
    const bare = (w: string) => w.replace(/[.,;:!?'’]+$/u, '');
    while (words.length && (STOP.has(bare(words[0]!)) || TITLES.test(words[0]!))) {
      if (TITLES.test(words[0]!)) isPerson = true;
      const w = words.shift()!;
      const skip = raw.indexOf(w) + w.length;
      const rest = raw.slice(skip);
      start += skip + (rest.length - rest.trimStart().length);
      raw = rest.trimStart();
    }
    raw = raw.replace(/['’]s$/u, '').replace(/[.,]$/, '');
    if (!raw || raw.length < 2) continue;
    let kind: Entity['kind'] = 'other';
    if (ORG_CUES.test(raw)) kind = 'organization';
    else if (PLACES.has(raw)) kind = 'place';
    else if (isPerson || /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}$/u.test(raw)) kind = 'person';
    out.push({ text: raw, kind, start, end: start + raw.length });
  }
  return out;
}
