/**
 * Brand matching throughput: the compiled matcher against the baseline of one case-insensitive
 * regular expression per term, on the same posts in the same run.
 */
import { compileBrands } from '../lib/match';
import { brandTerms, makeBrands, makePosts } from './corpus';
import { measure, type BenchRow } from './measure';

export function benchMatch(postCount = 50_000): BenchRow[] {
  const brands = makeBrands(60);
  const terms = brandTerms(brands);
  const posts = makePosts(postCount, brands);

  const matcher = compileBrands(brands);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The usual first attempt: a word-bounded, case-insensitive regex per term.
  const regexes = terms.map((t) => new RegExp(`(?:^|[^\\w@#])${escape(t)}(?![\\w])`, 'i'));

  let found = 0;
  const ours = measure('compiled matcher', posts.length, () => {
    found = 0;
    for (const p of posts) if (matcher.match(p).mentions.length) found++;
  });
  // The screen each post on a page goes through first: it must pass every post the matcher finds.
  let screened = 0;
  const screen = measure('screen (first test on a page)', posts.length, () => {
    screened = 0;
    for (const p of posts) if (matcher.screen(p)) screened++;
  });
  let baselineFound = 0;
  const baseline = measure('one regex per term (baseline)', posts.length, () => {
    baselineFound = 0;
    for (const p of posts) if (regexes.some((re) => re.test(p))) baselineFound++;
  });
  return [
    { ...baseline, note: `${terms.length} terms; ${baselineFound} posts matched` },
    { ...ours, ratio: ours.perSecond / baseline.perSecond, note: `${matcher.size} terms; ${found} posts matched` },
    { ...screen, ratio: screen.perSecond / baseline.perSecond, note: `${screened} posts passed on to the matcher` },
  ];
}
