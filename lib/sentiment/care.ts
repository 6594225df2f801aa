/**
 * What customer care adds to a general tweet model: the language of service failures, emoji
 * that public tweet corpora rarely held, sarcasm that customers use on brands, and the point of a
 * post after "but". Each finding shifts the model's logits by a fixed amount, so a strong signal
 * wins over a general-domain guess, and everything else is left to the model.
 */

export interface CareEvidence {
  /** Added to the negative logit. */
  negative: number;
  /** Added to the positive logit. */
  positive: number;
}

const NEGATIVE_PHRASES: RegExp[] = [
  /\bstill (waiting|nothing|no\b|not\b|haven'?t|hasn'?t|can'?t|doesn'?t|broken|down)/,
  /\b(\d+(st|nd|rd|th)|second|third|fourth|fifth) time (i|we|you|i've|i have)\b/,
  /\bnever again\b|\bnever (flying|buying|ordering|using|shopping|booking)\b.*\bagain\b/,
  /\bno (reply|response|answer|one (has )?(replied|answered|helped))\b/,
  /\bcancel(l?ing)? my\b|\bclose my account\b|\bswitching to\b/,
  /\b(doesn'?t|does not|didn'?t|won'?t|will not|can'?t|cannot) (work|load|open|connect|log ?in|sign ?in|help|respond)/,
  /\bnot (working|loading|responding|received|arrived|happy|impressed|acceptable)\b/,
  /\b(never|still not|hasn'?t|haven'?t|has not|have not) (arrived|received|come|shown up|been (refunded|fixed|resolved))\b/,
  /\b(want|need|demand|waiting for|where is) (my|a) (refund|money|order|bag|package|parcel)\b/,
  /\b(charged|billed) (me )?(twice|double|two times)\b|\bovercharged\b/,
  /\b(worst|terrible|awful|horrible|appalling|pathetic|disgraceful|shocking) (service|experience|support|customer|airline|company|app)\b/,
  /\b(lost|missing|damaged|delayed|cancell?ed) (my |our )?(bag|bags|luggage|order|package|parcel|flight|delivery)\b/,
  /\b(on hold|waited|waiting) (for )?(\d+|two|three|four|five|six) (hours?|hrs?|days|weeks|minutes|mins)\b/,
];

// Sarcasm customers aim at brands: praise words around a failure.
const SARCASM: RegExp[] = [
  /\bthanks? (a lot )?for nothing\b/,
  /\b(oh )?(great|fantastic|wonderful|brilliant|perfect|love it|awesome)[,!.]* (another|again|more|yet another)\b/,
  /\bjust what i (needed|wanted)\b/,
  /\b(love|loving) (how|that|it when) .*\b(cancel|delay|lost|broke|crash|charge|wait|never)/,
  /\byeah,? right\b|(^|\s)\/s\b/,
  /\bthanks? for (the|another|yet another) (delay|cancellation|outage|crash|update that broke)\b/,
];

const NEGATIVE_WORDS = new Set([
  'slow', 'delayed', 'delay', 'delays', 'late', 'stuck', 'stranded', 'broken', 'broke', 'refund', 'cancelled', 'canceled', 'cancellation',
  'outage', 'lost', 'missing', 'overcharged', 'crash', 'crashes', 'crashed', 'crashing', 'bug', 'buggy', 'glitch', 'error', 'rude',
  'unacceptable', 'ridiculous', 'useless', 'scam', 'ripoff', 'unreliable', 'disappointed', 'disappointing', 'frustrated', 'frustrating',
  'fail', 'failed', 'fails', 'nightmare', 'joke', 'shambles', 'incompetent', 'unprofessional', 'hidden', 'unusable',
]);

const NEGATIVE_EMOJI = /[😠😡🤬😤👎💩😢😭😞😩😫🙄😒🤮😣😖💔😑😾🤦😓😥😰😱]/gu;
const POSITIVE_EMOJI = /[😀😃😄😁😊🙂😍🥰😘👍🙌👏🎉❤💯✨🤩😻🙏💪🥳😎💙💚💜🧡💛]/gu;
const CONTRAST = /\b(?:but|however|although|though|yet)\b/;
const FAIL_TAG = /#\w*(fail|sucks|never\w*again|boycott|worst|disappointed)\w*/i;

const SHIFT = { phrase: 1.4, word: 0.5, emoji: 0.9, sarcasm: 2.5, contrast: 1.2, tag: 1.5 };

/** Care-specific evidence in a post, as logit shifts. */
export function careEvidence(text: string): CareEvidence {
  const lower = text.toLowerCase().replace(/’/g, "'");
  let negative = 0;
  let positive = 0;

  for (const re of NEGATIVE_PHRASES) if (re.test(lower)) negative += SHIFT.phrase;
  const sarcastic = SARCASM.some((re) => re.test(lower));
  if (sarcastic) negative += SHIFT.sarcasm;
  if (FAIL_TAG.test(text)) negative += SHIFT.tag;

  const negEmoji = text.match(NEGATIVE_EMOJI)?.length ?? 0;
  const posEmoji = text.match(POSITIVE_EMOJI)?.length ?? 0;
  negative += Math.min(3, negEmoji) * SHIFT.emoji;
  if (!sarcastic) positive += Math.min(3, posEmoji) * SHIFT.emoji;

  // Service-failure words, squashing elongation ("sooo slooow"); what follows "but" weighs most.
  const parts = lower.split(CONTRAST);
  parts.forEach((part, i) => {
    const last = parts.length > 1 && i === parts.length - 1;
    let count = 0;
    for (const w of part.match(/[a-z']+/g) ?? []) if (NEGATIVE_WORDS.has(w.replace(/(.)\1{2,}/g, '$1').replace(/(.)\1{2,}/g, '$1$1'))) count++;
    negative += Math.min(3, count) * (last ? SHIFT.word + SHIFT.contrast / 2 : parts.length > 1 ? SHIFT.word / 2 : SHIFT.word);
    if (last && count > 0) negative += SHIFT.contrast / 2;
  });
  return { negative, positive };
}
