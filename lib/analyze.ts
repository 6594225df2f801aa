import type { BrandMatcher } from './match';
import type { PostAnalysis } from './messaging';
import type { Post } from './schemas/post';
import { estimateSentiment } from './sentiment';

export interface AnalyzedPost extends PostAnalysis {
  ownBrand: boolean;
}

/**
 * What the overlay shows for a post, or undefined when it mentions none of the team's brands.
 * A brand named only in the post it quotes or shares counts too (people react to the brand's
 * content that way); the sentiment is the post's own.
 */
export function analyzePost(post: Post, matcher: BrandMatcher): AnalyzedPost | undefined {
  const text = post.quoted?.text ? `${post.text}\n${post.quoted.text}` : post.text;
  const { mentions, ownBrands } = matcher.match(text, post.author.handle);
  if (mentions.length === 0 && ownBrands.length === 0) return undefined;
  const sentiment = estimateSentiment(post.text);
  return {
    sentiment: sentiment.label,
    score: sentiment.score,
    brands: mentions.filter((m) => !m.competitor).map((m) => m.brand),
    competitorBrands: mentions.filter((m) => m.competitor).map((m) => m.brand),
    ownBrand: ownBrands.length > 0,
  };
}
