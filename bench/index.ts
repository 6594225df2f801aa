/** `npm run bench [match|page|sentiment]`: every benchmark, each against a baseline measured in the same run. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchMatch } from './match';
import { table } from './measure';
import { benchPageCost } from './page-cost';
import { benchSentiment } from './sentiment';

const only = process.argv[2];
const sections: string[] = [];
if (!only || only === 'match') sections.push(table('Brand matching (50,000 posts, 60 brands)', benchMatch()));
if (!only || only === 'page') sections.push(await benchPageCost());
if (!only || only === 'sentiment') {
  const { table, complete } = benchSentiment();
  sections.push(table);
  // results/sentiment.md keeps the last run that had every labelled set (see scripts/sentiment-data.ts).
  if (complete) {
    mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'results/sentiment.md'), `${table}\n\nMeasured ${new Date().toISOString().slice(0, 10)} with \`npm run bench sentiment\`.\n`);
  }
}
console.log(sections.join('\n\n'));
