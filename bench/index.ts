/** `npm run bench`: every benchmark, each against a baseline measured in the same run. */
import { benchMatch } from './match';
import { table } from './measure';

const only = process.argv[2];
const sections: string[] = [];
if (!only || only === 'match') sections.push(table('Brand matching (50,000 posts)', benchMatch()));
console.log(sections.join('\n\n'));
