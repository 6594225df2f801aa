/** `npm run bench [match|page]`: every benchmark, each against a baseline measured in the same run. */
import { benchMatch } from './match';
import { table } from './measure';
import { benchPageCost } from './page-cost';

const only = process.argv[2];
const sections: string[] = [];
if (!only || only === 'match') sections.push(table('Brand matching (50,000 posts, 60 brands)', benchMatch()));
if (!only || only === 'page') sections.push(await benchPageCost());
console.log(sections.join('\n\n'));
