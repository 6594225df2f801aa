import type { ScanCounts } from './features';

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

/**
 * Words at least one of which every phrase and sarcasm match above contains. The feature scan
 * counts them; the patterns run only on posts that hold one.
 */
export const CUE_WORDS = [
  'still', 'time', 'again', 'reply', 'response', 'answer', 'replied', 'answered', 'helped', 'cancel', 'cancelling', 'canceling',
  'account', 'switching', 'work', 'load', 'open', 'connect', 'log', 'login', 'sign', 'signin', 'help', 'respond', 'working',
  'loading', 'responding', 'received', 'arrived', 'happy', 'impressed', 'acceptable', 'come', 'shown', 'refunded', 'fixed',
  'resolved', 'refund', 'money', 'order', 'bag', 'package', 'parcel', 'charged', 'billed', 'overcharged', 'worst', 'terrible',
  'awful', 'horrible', 'appalling', 'pathetic', 'disgraceful', 'shocking', 'lost', 'missing', 'damaged', 'delayed', 'cancelled',
  'canceled', 'hold', 'waited', 'waiting', 'nothing', 'another', 'more', 'needed', 'wanted', 'love', 'loving', 'right', 's',
  'delay', 'cancellation', 'outage', 'crash', 'update',
];

/** All patterns as one, with one capture group each: a post is scanned once, whatever their number. */
function combine(patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((p) => `(${p.source.replace(/\((?!\?)/g, '(?:')})`).join('|'), 'g');
}
const ANY_NEGATIVE_PHRASE = combine(NEGATIVE_PHRASES);
const ANY_SARCASM = combine(SARCASM);

/** How many of the combined patterns match somewhere in the text. */
function countPatterns(re: RegExp, text: string): number {
  const seen = new Set<number>();
  for (const m of text.matchAll(re)) seen.add(m.findIndex((g, i) => i > 0 && g !== undefined));
  return seen.size;
}

/** Words of service failure, counted by the feature scan (lib/sentiment/features.ts). */
export const FAILURE_WORDS = new Set([
  'slow', 'delayed', 'delay', 'delays', 'late', 'stuck', 'stranded', 'broken', 'broke', 'refund', 'cancelled', 'canceled', 'cancellation',
  'outage', 'lost', 'missing', 'overcharged', 'crash', 'crashes', 'crashed', 'crashing', 'bug', 'buggy', 'glitch', 'error', 'rude',
  'unacceptable', 'ridiculous', 'useless', 'scam', 'ripoff', 'unreliable', 'disappointed', 'disappointing', 'frustrated', 'frustrating',
  'fail', 'failed', 'fails', 'nightmare', 'joke', 'shambles', 'incompetent', 'unprofessional', 'hidden', 'unusable',
]);

/** Emoji the care layer reads (counted by the feature scan). */
export const NEGATIVE_EMOJI = [...'😠😡🤬😤👎💩😢😭😞😩😫🙄😒🤮😣😖💔😑😾🤦😓😥😰😱'];
export const POSITIVE_EMOJI = [...'😀😃😄😁😊🙂😍🥰😘👍🙌👏🎉❤💯✨🤩😻🙏💪🥳😎💙💚💜🧡💛'];
const FAIL_TAG = /#\w*(fail|sucks|never\w*again|boycott|worst|disappointed)\w*/i;

const SHIFT = { phrase: 1.4, word: 0.5, emoji: 0.9, sarcasm: 2.5, contrast: 1.2, tag: 1.5 };

/** Care-specific evidence in a post, as logit shifts. */
export function careEvidence(text: string, counts: ScanCounts): CareEvidence {
  const lower = counts.cues === 0 ? '' : text.includes('’') ? text.toLowerCase().replace(/’/g, "'") : text.toLowerCase();
  let negative = 0;
  let positive = 0;

  let sarcastic = false;
  if (counts.cues > 0) {
    negative += countPatterns(ANY_NEGATIVE_PHRASE, lower) * SHIFT.phrase;
    ANY_SARCASM.lastIndex = 0;
    sarcastic = ANY_SARCASM.test(lower);
  }
  if (sarcastic) negative += SHIFT.sarcasm;
  if (text.includes('#') && FAIL_TAG.test(text)) negative += SHIFT.tag;

  negative += Math.min(3, counts.negativeEmoji) * SHIFT.emoji;
  if (!sarcastic) positive += Math.min(3, counts.positiveEmoji) * SHIFT.emoji;

  // Service-failure words; what follows "but" weighs most.
  const before = counts.failureWords - counts.failureWordsAfterContrast;
  negative += Math.min(3, before) * (counts.contrast ? SHIFT.word / 2 : SHIFT.word);
  const after = Math.min(3, counts.failureWordsAfterContrast);
  negative += after * (SHIFT.word + SHIFT.contrast / 2) + (after > 0 ? SHIFT.contrast / 2 : 0);
  return { negative, positive };
}
