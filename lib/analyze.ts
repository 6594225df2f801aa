import type { BrandMatcher } from './match';
import type { PostAnalysis } from './messaging';

/*
 * Split in two so the content script stays light: what every brand-mentioning post needs at once
 * (here), and the rest of the reading (./analyze-detail.ts, run in the background).
 */
import type { Post } from './schemas/post';
import { sentiment } from './sentiment';

export interface AnalyzedPost extends PostAnalysis {
  ownBrand: boolean;
}

/**
 * What the overlay shows for a post at once — its brands and sentiment — or undefined when it
 * mentions none of the team's brands. A brand named only in the post it quotes or shares counts
 * too (people react to the brand's content that way); the sentiment is the post's own.
 */
export function analyzePost(post: Post, matcher: BrandMatcher): AnalyzedPost | undefined {
  const text = post.quoted?.text ? `${post.text}\n${post.quoted.text}` : post.text;
  const { mentions, ownBrands } = matcher.match(text, post.author.handle);
  if (mentions.length === 0 && ownBrands.length === 0) return undefined;
  const s = sentiment(post.text);
  return {
    sentiment: s.label,
    score: s.score,
    brands: mentions.filter((m) => !m.competitor).map((m) => m.brand),
    competitorBrands: mentions.filter((m) => m.competitor).map((m) => m.brand),
    intents: [],
    urgency: 0,
    urgencyReasons: [],
    language: 'unknown',
    privateData: [],
    ownBrand: ownBrands.length > 0,
    detailed: false,
  };
}
