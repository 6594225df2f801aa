/**
 * Sentiment against the tools people would otherwise use, in one process on the same posts:
 * vader-sentiment, sentiment (AFINN-165) and wink-nlp (English lite model).
 *
 * Data: SemEval-2017 task 4A English test set (12,284 tweets, three classes; = TweetEval's
 * sentiment test split) when present (see scripts/sentiment-data.ts), and always the UCI
 * "Sentiment Labelled Sentences" (Amazon, IMDB, Yelp; 3,000 sentences, two classes) that the
 * `sentiment` package ships as test fixtures.
 */
import { createRequire } from 'node:module';
import vader from 'vader-sentiment';
import Sentiment from 'sentiment';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { classify } from '../lib/classify';
import { sentiment } from '../lib/sentiment';
import { hasSplit, loadSplit, score, TEST_FILES, type Example, type Label } from '../scripts/sentiment-data';
import { measure } from './measure';

const require = createRequire(import.meta.url);

type System = { name: string; score: (text: string) => number; label?: (text: string) => Label };

function systems(): System[] {
  const afinn = new Sentiment();
  const nlp = winkNLP(model);
  const its = nlp.its;
  const sign = (x: number, eps = 0): Label => (x > eps ? 'positive' : x < -eps ? 'negative' : 'neutral');
  return [
    { name: 'sentiment (AFINN-165)', score: (t) => afinn.analyze(t).score },
    { name: 'vader-sentiment', score: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound, label: (t) => sign(vader.SentimentIntensityAnalyzer.polarity_scores(t).compound, 0.05 - 1e-9) },
    { name: 'wink-nlp (eng lite)', score: (t) => nlp.readDoc(t).out(its.sentiment) as number },
    { name: 'Firstreply', score: (t) => sentiment(t).score, label: (t) => sentiment(t).label },
  ];
}

function uciSentences(): Example[] {
  return ['amazon', 'imdb', 'yelp'].flatMap((name) =>
    (require(`sentiment/test/fixtures/${name}.json`) as Array<{ text: string; class: number }>).map((r) => ({
      text: r.text,
      label: r.class === 1 ? ('positive' as const) : ('negative' as const),
    })),
  );
}

const pct = (x: number) => (x * 100).toFixed(1);

/** The sentiment tables; `complete` when every labelled set was found (a run without one leaves results/ as it is). */
export function benchSentiment(): { table: string; complete: boolean } {
  const list = systems();
  const sections: string[] = [];
  const datasets: Array<{ title: string; data: Example[]; threeClass: boolean }> = [];
  if (hasSplit(TEST_FILES)) datasets.push({ title: 'SemEval-2017 task 4A test (12,284 tweets, 3 classes)', data: loadSplit(TEST_FILES), threeClass: true });
  else sections.push('_SemEval-2017 test set not found (see scripts/sentiment-data.ts): three-class tweet figures skipped._');
  datasets.push({ title: 'UCI Sentiment Labelled Sentences (3,000 reviews, 2 classes; sign of the score)', data: uciSentences(), threeClass: false });

  for (const { title, data, threeClass } of datasets) {
    const gold = data.map((e) => e.label);
    const texts = data.map((e) => e.text);
    const rows: string[] = [];
    let baseline = 0;
    for (const sys of list) {
      const predicted = texts.map((t) =>
        threeClass ? (sys.label?.(t) ?? (sys.score(t) > 0 ? 'positive' : sys.score(t) < 0 ? 'negative' : 'neutral')) : sys.score(t) > 0 ? 'positive' : 'negative',
      );
      const s = threeClass ? score(gold, predicted) : score(gold, predicted);
      const speed = measure(sys.name, texts.length, () => texts.forEach((t) => sys.score(t)), 3).perSecond;
      if (sys.name.startsWith('sentiment (')) baseline = speed;
      const macroRecall = threeClass ? s.macroRecall : (s.recall.negative + s.recall.positive) / 2;
      const macroF1 = threeClass ? s.macroF1 : binaryF1(gold, predicted);
      rows.push(`| ${sys.name} | ${pct(s.accuracy)} | ${pct(macroF1)} | ${pct(macroRecall)} | ${Math.round(speed).toLocaleString('en-US')} | ${(speed / baseline).toFixed(2)}× |`);
    }
    sections.push(
      [`#### ${title}`, '', '| system | accuracy % | macro-F1 % | macro-recall % | posts/s (1 thread) | speed vs AFINN |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n'),
    );
  }
  const sample = (uciSentences()[0]?.text ?? '') + ' still waiting for my refund 😡';
  const full = measure('classify', 20_000, () => {
    for (let i = 0; i < 20_000; i++) classify(sample);
  }, 3).perSecond;
  sections.push(`Full \`classify()\` (sentiment + intents + urgency + language + private data): ${Math.round(full).toLocaleString('en-US')} posts/s.`);
  return { table: ['### Sentiment', ...sections].join('\n\n'), complete: datasets.length === 2 };
}

function binaryF1(gold: Label[], predicted: Label[]): number {
  const f1 = (l: Label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      if (g === l && predicted[i] === l) tp++;
      else if (predicted[i] === l) fp++;
      else if (g === l) fn++;
    });
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  };
  return (f1('negative') + f1('positive')) / 2;
}
