/**
 * Public labelled tweets for training and measuring the sentiment model: SemEval-2017 Task 4
 * subtask A (English, three classes), as distributed with the task and mirrored in the public
 * repository cbaziotis/datastories-semeval2017-task4 (dataset/Subtask_A/downloaded/*.tsv and
 * dataset/Subtask_A/gold/SemEval2017-task4-test.subtask-A.english.txt). The same 2017 test set
 * is TweetEval's sentiment test split.
 *
 * The files are not in this repository. Put them in .firstreply/datasets/semeval2017/ (or point
 * FIRSTREPLY_SEMEVAL_DIR at them):
 *   training:   twitter-2013train/dev/test, 2014test, 2014sarcasm, 2015train/test, 2016train/dev/test (-A.tsv)
 *   validation: twitter-2016devtest-A.tsv (used to tune; never trained on)
 *   test:       SemEval2017-task4-test.subtask-A.english.txt (only for `npm run bench`; never used to tune)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanText } from '../lib/sentiment/features';

export type Label = 'negative' | 'neutral' | 'positive';
export const LABELS: Label[] = ['negative', 'neutral', 'positive'];
export interface Example {
  text: string;
  label: Label;
}

export const SEMEVAL_DIR = resolve(process.env.FIRSTREPLY_SEMEVAL_DIR ?? join(import.meta.dirname, '../.firstreply/datasets/semeval2017'));

export const TRAIN_FILES = [
  'twitter-2013train-A.tsv', 'twitter-2013dev-A.tsv', 'twitter-2013test-A.tsv', 'twitter-2014test-A.tsv', 'twitter-2014sarcasm-A.tsv',
  'twitter-2015train-A.tsv', 'twitter-2015test-A.tsv', 'twitter-2016train-A.tsv', 'twitter-2016dev-A.tsv', 'twitter-2016test-A.tsv',
];
export const VALIDATION_FILES = ['twitter-2016devtest-A.tsv'];
export const TEST_FILES = ['SemEval2017-task4-test.subtask-A.english.txt'];

export function hasSplit(files: string[]): boolean {
  return files.every((f) => existsSync(join(SEMEVAL_DIR, f)));
}

/** Reads "id<TAB>label<TAB>text" lines; duplicates (the same tweet in two files) are kept once. */
export function loadSplit(files: string[]): Example[] {
  const seen = new Set<string>();
  const out: Example[] = [];
  for (const f of files) {
    for (const line of readFileSync(join(SEMEVAL_DIR, f), 'utf8').split('\n')) {
      const [id, label, ...rest] = line.split('\t');
      const text = rest.join('\t').trim();
      if (!id || !text || !LABELS.includes(label as Label) || seen.has(id)) continue;
      seen.add(id);
      out.push({ text: cleanText(text), label: label as Label });
    }
  }
  return out;
}

export interface Scores {
  accuracy: number;
  macroF1: number;
  macroRecall: number;
  recall: Record<Label, number>;
}

export function score(gold: Label[], predicted: Label[]): Scores {
  const recall = {} as Record<Label, number>;
  let f1Sum = 0;
  let correct = 0;
  for (const l of LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (g === l && p === l) tp++;
      else if (p === l) fp++;
      else if (g === l) fn++;
    });
    const r = tp + fn ? tp / (tp + fn) : 0;
    const prec = tp + fp ? tp / (tp + fp) : 0;
    recall[l] = r;
    f1Sum += r + prec ? (2 * r * prec) / (r + prec) : 0;
  }
  gold.forEach((g, i) => {
    if (g === predicted[i]) correct++;
  });
  return {
    accuracy: correct / gold.length,
    macroF1: f1Sum / LABELS.length,
    macroRecall: (recall.negative + recall.neutral + recall.positive) / 3,
    recall,
  };
}
