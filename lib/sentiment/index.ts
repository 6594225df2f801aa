import type { SentimentLabel } from '../schemas/post';
import { careEvidence, CUE_WORDS, FAILURE_WORDS, NEGATIVE_EMOJI, POSITIVE_EMOJI } from './care';
import { BUCKETS, CUE, FAILURE_WORD, forEachFeature, markTokens, NEGATIVE_EMOJI as NEG, newCounts, parseLexicon, POSITIVE_EMOJI as POS, type Lexicon } from './features';
import { CLASS_OFFSETS, LEXICON, MODEL_BASE64 } from './model-data';
import { decodeModel, fromBase64 } from './model-format';

export interface SentimentResult {
  label: SentimentLabel;
  /** In [-1, 1]: P(positive) − P(negative). */
  score: number;
  /** Probability of the chosen label. */
  confidence: number;
  /** P(negative), P(neutral), P(positive). */
  probabilities: [number, number, number];
}

const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];

interface Loaded {
  weights: Int8Array;
  scale: number;
  lexicon: Lexicon;
}
let loaded: Loaded | undefined;

/** Unpacks the shipped model once: sparse int8 weights into a dense table for direct lookups. */
function model(): Loaded {
  if (!loaded) {
    const m = decodeModel(fromBase64(MODEL_BASE64));
    const weights = new Int8Array(BUCKETS * m.classes);
    for (let i = 0, from = 0; i < m.buckets.length; i++) {
      const to = m.buckets[i]! * m.classes;
      for (let c = 0; c < m.classes; c++) weights[to + c] = m.weights[from++]!;
    }
    const lexicon = parseLexicon(LEXICON);
    markTokens(lexicon, FAILURE_WORDS, FAILURE_WORD);
    markTokens(lexicon, NEGATIVE_EMOJI, NEG);
    markTokens(lexicon, POSITIVE_EMOJI, POS);
    markTokens(lexicon, CUE_WORDS, CUE);
    loaded = { weights, scale: m.scale, lexicon };
  }
  return loaded;
}

// Logits of the post being scored; sentiment() is synchronous, so one set serves every call.
let zn = 0;
let zu = 0;
let zp = 0;
let table: Int8Array;
const add = (bucket: number) => {
  const at = bucket * 3;
  zn += table[at]!;
  zu += table[at + 1]!;
  zp += table[at + 2]!;
};

/**
 * Three-class sentiment of a social post, on the device: a linear model over hashed words, word
 * pairs and lexicon evidence, trained on public SemEval tweets (scripts/train-sentiment.ts), plus
 * the evidence customer care adds (./care.ts).
 */
export function sentiment(text: string): SentimentResult {
  const { weights, scale, lexicon } = model();
  table = weights;
  zn = zu = zp = 0;
  const counts = newCounts();
  forEachFeature(text, lexicon, add, counts);
  const care = careEvidence(text, counts);
  zn = zn * scale + CLASS_OFFSETS[0]! + care.negative;
  zu = zu * scale + CLASS_OFFSETS[1]!;
  zp = zp * scale + CLASS_OFFSETS[2]! + care.positive;
  const max = Math.max(zn, zu, zp);
  const en = Math.exp(zn - max);
  const eu = Math.exp(zu - max);
  const ep = Math.exp(zp - max);
  const sum = en + eu + ep;
  const probabilities: [number, number, number] = [en / sum, eu / sum, ep / sum];
  const k = zn >= zu && zn >= zp ? 0 : zp >= zu ? 2 : 1;
  return {
    label: LABELS[k]!,
    score: round(probabilities[2] - probabilities[0]),
    confidence: round(probabilities[k]),
    probabilities: [round(probabilities[0]), round(probabilities[1]), round(probabilities[2])],
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
