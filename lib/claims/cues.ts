// Word lists shared by scoring, typing and flagging. Kept in one place so the model's features and
// the rule-based parts of extraction agree on what "attribution" or "opinion" means.

export const ATTRIBUTION = /\b(?:said|says|say|told|stated|states|added|adds|claimed|claims|argued|argues|announced|announces|reported|reports|wrote|writes|testified|insisted|noted|explained|confirmed|denied|warned|according to|in a statement|declared|declares|asserted|acknowledged|admitted|accused|estimated|estimates|put the (?:cost|figure|number|total)|puts the)\b/i;
export const COMPARATIVE = /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|faster|slower|most|least|largest|smallest|biggest|highest|lowest|fastest|best|worst|record|first time|since \d{4}|twice|double|doubled|triple|tripled|half|compared|than)\b/i;
export const CHANGE_VERBS = /\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|increased?|increases|decreased?|decreases|grew|grow|grows|grown|declined?|declines|dropped|drops|cut|cuts|raised?|raises|doubled|tripled|halved|jumped|surged|soared|plunged|slumped|climbed|vetoed|vetoes|passed|approved|rejected|signed|banned|killed|died|injured|wounded|arrested|won|lost|elected|voted|ruled|spent|spends|cost|costs|paid|reached|hit|created|added|lost|closed|opened|launched|built|agreed|ordered|sent|authorized|authorised|accused|blocked|condemned|degraded|dropped)\b/i;
export const CAUSAL = /\b(?:because|due to|caused|causes|leads? to|led to|result(?:ed|s)? in|as a result|thanks to|responsible for|blamed)\b/i;
export const MODAL = /\b(?:should|must|ought|could|might|may|would|shall|need to|needs to)\b/i;
export const FUTURE = /\b(?:will|won't|going to|is expected to|are expected to|plans? to|is set to|are set to|forecasts?|projected|predicts?)\b/i;
export const OPINION = /\b(?:I think|I believe|I feel|we believe|we think|in my (?:view|opinion)|in our (?:view|opinion)|it seems|I'm sure|I am sure|frankly|honestly|clearly|obviously|of course|shameful|disgraceful|wonderful|terrible|great|beautiful|disaster|ridiculous|absurd|best thing|worst thing)\b/i;
export const HEDGE = /\b(?:probably|possibly|perhaps|maybe|likely|unlikely|appears? to|seems? to|reportedly|allegedly|may have|might have|could have|it is thought|is believed to|suggests?)\b/i;
export const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|me|my|we|we're|we've|us|our)\b/;
export const PRONOUN_SUBJECT = /^[\s"'“‘(]*(?:He|She|It|They|This|That|These|Those|His|Her|Their|Its)\b/;
export const ADVICE = /^[\s"'“‘(]*(?:Let's|Let us|Please|Don't|Do not|Make sure|Remember|Consider|Try|Imagine)\b/i;
