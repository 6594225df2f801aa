/**
 * Trains the sentiment model: multinomial logistic regression over hashed features
 * (lib/sentiment/features.ts), AdaGrad, class-balanced, on the SemEval-2017 training tweets;
 * tuned on the 2016 devtest split only. Writes lib/sentiment/model-data.ts.
 *
 *   npm run train:sentiment            (data: see scripts/sentiment-data.ts)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { BUCKETS, HASH_BITS, features as featuresWith, parseLexicon } from '../lib/sentiment/features';
import { encodeModel, toBase64, type SparseModel } from '../lib/sentiment/model-format';
import { rng } from '../bench/corpus';
import { hasSplit, LABELS, loadSplit, score, TRAIN_FILES, VALIDATION_FILES, type Label } from './sentiment-data';

const EPOCHS = Number(process.env.EPOCHS ?? 6);
const LR = Number(process.env.LR ?? 0.2);
const L2 = Number(process.env.L2 ?? 1e-6);
const KEEP = Number(process.env.KEEP ?? 120_000);
const K = LABELS.length;

if (!hasSplit(TRAIN_FILES) || !hasSplit(VALIDATION_FILES)) {
  console.error('SemEval-2017 task 4A files are missing; see scripts/sentiment-data.ts for where to put them.');
  process.exit(1);
}

// VADER's lexicon (Apache-2.0 port of the MIT original), plain words only, shipped with the model.
const packedLexicon = readFileSync(join(import.meta.dirname, '../node_modules/vader-sentiment/vader_lexicon.txt'), 'utf8')
  .split('\n')
  .map((line) => line.split('\t'))
  .filter(([w, v]) => w && v && /^[a-z][a-z']*$/.test(w))
  .map(([w, v]) => `${w}:${Number(v)}`)
  .join('|');
const lexicon = process.env.NO_LEXICON ? undefined : parseLexicon(packedLexicon);
const features = (text: string) => featuresWith(text, lexicon);

const train = loadSplit(TRAIN_FILES);
const validation = loadSplit(VALIDATION_FILES);
const trainX = train.map((e) => Int32Array.from(features(e.text)));
const trainY = train.map((e) => LABELS.indexOf(e.label));
const counts = LABELS.map((_, k) => trainY.filter((y) => y === k).length);
// Balanced class weights: every class counts the same in total, which is what macro-recall rewards.
const classWeight = counts.map((c) => train.length / (K * c));
console.log(`training on ${train.length} tweets (${LABELS.map((l, k) => `${l} ${counts[k]}`).join(', ')}); validating on ${validation.length}`);

const W = new Float32Array(BUCKETS * K);
const G = new Float32Array(BUCKETS * K).fill(1e-8);
const p = new Float64Array(K);

function probabilities(x: ArrayLike<number>, w: ArrayLike<number>, scale = 1): Float64Array {
  p.fill(0);
  for (let i = 0; i < x.length; i++) {
    const base = x[i]! * K;
    for (let k = 0; k < K; k++) p[k]! += w[base + k]! * scale;
  }
  const max = Math.max(p[0]!, p[1]!, p[2]!);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k]! - max);
  for (let k = 0; k < K; k++) p[k]! /= sum;
  return p;
}

// The average of the weights after each epoch generalises better than the last weights alone.
const average = new Float32Array(BUCKETS * K);
const random = rng(2017);
const order = train.map((_, i) => i);
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const n of order) {
    const x = trainX[n]!;
    const y = trainY[n]!;
    const probs = probabilities(x, W);
    const cw = classWeight[y]!;
    for (let i = 0; i < x.length; i++) {
      const base = x[i]! * K;
      for (let k = 0; k < K; k++) {
        const at = base + k;
        const g = cw * (probs[k]! - (k === y ? 1 : 0)) + L2 * W[at]!;
        G[at]! += g * g;
        W[at]! -= (LR * g) / Math.sqrt(G[at]!);
      }
    }
  }
  for (let i = 0; i < W.length; i++) average[i]! += (W[i]! - average[i]!) / (epoch + 1);
  console.log(`epoch ${epoch + 1}: validation ${fmt(evaluate(W))}; averaged ${fmt(evaluate(average))}`);
}
W.set(average);

function evaluate(w: ArrayLike<number>, scale = 1) {
  const predicted = validation.map((e) => {
    const pr = probabilities(features(e.text), w, scale);
    return LABELS[pr.indexOf(Math.max(...pr))]!;
  });
  return score(validation.map((e) => e.label as Label), predicted);
}

function fmt(s: ReturnType<typeof score>) {
  return `macro-recall ${s.macroRecall.toFixed(4)}, macro-F1 ${s.macroF1.toFixed(4)}, accuracy ${s.accuracy.toFixed(4)}`;
}

// Keep the buckets that matter most, quantised to int8 with one scale.
const importance = new Float32Array(BUCKETS);
for (let b = 0; b < BUCKETS; b++) for (let k = 0; k < K; k++) importance[b] = Math.max(importance[b]!, Math.abs(W[b * K + k]!));
const kept = [...importance.keys()].filter((b) => importance[b]! > 0).sort((a, b) => importance[b]! - importance[a]!).slice(0, KEEP).sort((a, b) => a - b);
let maxAbs = 0;
for (const b of kept) for (let k = 0; k < K; k++) maxAbs = Math.max(maxAbs, Math.abs(W[b * K + k]!));
const scale = maxAbs / 127;
const model: SparseModel = { hashBits: HASH_BITS, classes: K, scale, buckets: Uint32Array.from(kept), weights: new Int8Array(kept.length * K) };
kept.forEach((b, i) => {
  for (let k = 0; k < K; k++) model.weights[i * K + k] = Math.round(W[b * K + k]! / scale);
});
const dense = new Int8Array(BUCKETS * K);
kept.forEach((b, i) => dense.set(model.weights.subarray(i * K, i * K + K), b * K));
console.log(`quantised, ${kept.length} buckets kept: validation ${fmt(evaluate(dense, scale))}`);

// Class offsets that balance recall on the validation split (macro-recall weighs classes equally).
const logits = validation.map((e) => {
  const x = features(e.text);
  const z = [0, 0, 0];
  for (const f of x) for (let k = 0; k < K; k++) z[k]! += dense[f * K + k]! * scale;
  return z;
});
let bias = [0, 0, 0];
let best = -1;
for (let bn = -1; bn <= 1.001; bn += 0.1) {
  for (let bp = -1; bp <= 1.001; bp += 0.1) {
    const predicted = logits.map((z) => {
      const adj = [z[0]! + bn, z[1]!, z[2]! + bp];
      return LABELS[adj.indexOf(Math.max(...adj))]!;
    });
    const r = score(validation.map((e) => e.label as Label), predicted).macroRecall;
    if (r > best + 1e-9) [best, bias] = [r, [Number(bn.toFixed(2)), 0, Number(bp.toFixed(2))]];
  }
}
console.log(`class offsets ${JSON.stringify(bias)}: validation macro-recall ${best.toFixed(4)}`);

const data = toBase64(encodeModel(model));
writeFileSync(
  join(import.meta.dirname, '../lib/sentiment/model-data.ts'),
  `// Generated by scripts/train-sentiment.ts from the SemEval-2017 task 4A training tweets; do not edit.\n` +
    `// ${kept.length} hashed features × ${K} classes, int8; validation (2016 devtest) ${fmt(evaluate(dense, scale))}.\n` +
    `export const MODEL_BASE64 =\n  '${data}';\n` +
    `/** Added to the negative, neutral and positive logits (balances recall across classes). */\n` +
    `export const CLASS_OFFSETS = ${JSON.stringify(bias)};\n` +
    `// Word valences from VADER (C.J. Hutto, MIT; vader-sentiment port, Apache-2.0).\n` +
    `export const LEXICON = '${lexicon ? packedLexicon : ''}';\n`,
);
console.log(`wrote lib/sentiment/model-data.ts (${(data.length / 1024).toFixed(0)} KB base64)`);
