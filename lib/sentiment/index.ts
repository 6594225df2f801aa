import type { SentimentLabel } from '../schemas/post';
import { foldWord } from '../match/tokens';

export interface SentimentEstimate {
  label: SentimentLabel;
  /** In [-1, 1]: below zero negative, above positive. */
  score: number;
  /** In [0, 1]: how much evidence the estimate rests on. */
  confidence: number;
}

// A first, small lexicon with social-care vocabulary. Weights in [-4, 4] as in AFINN-style lists.
const WORDS: Record<string, number> = {
  love: 3, loved: 3, loving: 2, great: 3, awesome: 4, amazing: 4, excellent: 3, fantastic: 4, perfect: 3,
  good: 2, nice: 2, happy: 3, glad: 2, thanks: 2, thank: 2, thx: 2, helpful: 2, fast: 1, quick: 1,
  best: 3, brilliant: 3, wonderful: 4, recommend: 2, impressed: 3, smooth: 2, easy: 1, fixed: 2, resolved: 2,
  bad: -3, terrible: -4, awful: -4, horrible: -4, worst: -4, hate: -4, hated: -4, useless: -3, broken: -3,
  broke: -2, slow: -2, fail: -3, failed: -3, fails: -3, failing: -3, crash: -3, crashed: -3, crashes: -3,
  bug: -2, buggy: -3, error: -2, down: -1, outage: -3, refund: -2, scam: -4, ripoff: -4, rude: -3,
  disappointed: -3, disappointing: -3, angry: -3, annoyed: -2, frustrated: -3, frustrating: -3, ridiculous: -3,
  unacceptable: -4, waiting: -1, wait: -1, cancel: -2, cancelled: -2, canceled: -2, lost: -2, missing: -2,
  never: -1, problem: -2, problems: -2, issue: -1, issues: -1, charged: -2, overcharged: -3, delayed: -2,
  delay: -2, late: -2, stuck: -2, sucks: -3, suck: -3, wtf: -3, ugh: -2, poor: -2, worse: -3,
};
const PHRASES: Array<[RegExp, number]> = [
  [/\bstill (waiting|nothing|no (reply|response|answer))\b/, -3],
  [/\b(\d+(st|nd|rd|th)|third|fourth) time\b/, -2],
  [/\bnever again\b/, -4],
  [/\bno (reply|response|answer)\b/, -2],
  [/\bcancel(ling|ing)? my\b/, -2],
  [/\bdoesn'?t work\b|\bnot working\b|\bwon'?t (load|work|open)\b/, -3],
];
const NEGATORS = new Set(['not', 'no', 'never', "don't", 'dont', "isn't", 'isnt', "wasn't", 'wasnt', "can't", 'cant', "won't", 'wont', "didn't", 'didnt', 'nothing', 'hardly']);
const INTENSIFIERS: Record<string, number> = { very: 1.5, really: 1.4, so: 1.3, extremely: 1.8, super: 1.5, totally: 1.4, absolutely: 1.6 };
const EMOJI: Array<[RegExp, number]> = [
  [/[😀😃😄😁😊🙂😍🥰😘👍🙌👏🎉❤💯✨🤩😻🙏]/gu, 2],
  [/[😠😡🤬😤👎💩😢😭😞😩😫🙄😒🤮😣😖]/gu, -2],
  [/(?:^|\s)[:;]-?[)D](?=\s|$)/g, 2],
  [/(?:^|\s):-?\((?=\s|$)/g, -2],
];

/** A fast first estimate of a post's sentiment, with negation, intensifiers, contrast, emoji and caps. */
export function estimateSentiment(text: string): SentimentEstimate {
  let total = 0;
  let evidence = 0;
  for (const [re, weight] of EMOJI) {
    const n = text.match(re)?.length ?? 0;
    total += n * weight;
    evidence += n;
  }
  const folded = foldWord(text);
  for (const [re, weight] of PHRASES) {
    if (re.test(folded)) {
      total += weight;
      evidence++;
    }
  }
  // "but"/"however" shift the weight to what follows: "nice app but support is useless".
  const clauses = folded.split(/\b(?:but|however|although|though)\b/);
  clauses.forEach((clause, ci) => {
    const clauseWeight = clauses.length > 1 ? (ci === clauses.length - 1 ? 1.5 : 0.5) : 1;
    const words = clause.match(/[\p{L}']+/gu) ?? [];
    words.forEach((raw, i) => {
      const w = raw.replace(/(.)\1{2,}/g, '$1$1'); // "sooo" → "soo"
      const base = WORDS[w] ?? WORDS[w.replace(/(.)\1/g, '$1')];
      if (base === undefined) return;
      let v = base;
      const prev = words[i - 1];
      const prev2 = words[i - 2];
      if (prev && INTENSIFIERS[prev]) v *= INTENSIFIERS[prev]!;
      if ((prev && NEGATORS.has(prev)) || (prev2 && NEGATORS.has(prev2))) v *= -0.6;
      total += v * clauseWeight;
      evidence++;
    });
  });
  const capsWords = text.match(/\b[A-Z]{3,}\b/g)?.length ?? 0;
  if (capsWords >= 2) total *= 1.3;
  const exclaims = Math.min(3, text.match(/!/g)?.length ?? 0);
  total *= 1 + exclaims * 0.1;

  const score = total / Math.sqrt(total * total + 15);
  const label: SentimentLabel = score <= -0.25 ? 'negative' : score >= 0.25 ? 'positive' : 'neutral';
  const confidence = Math.min(1, evidence / 4) * Math.min(1, 0.5 + Math.abs(score));
  return { label, score: Math.round(score * 1000) / 1000, confidence: Math.round(confidence * 1000) / 1000 };
}
