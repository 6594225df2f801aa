import type { BrandMatcher } from './match';
import type { PostAnalysis } from './messaging';
import type { Post } from './schemas/post';
import { classify } from './classify';

export interface AnalyzedPost extends PostAnalysis {
  ownBrand: boolean;
}

/**
 * What the overlay shows for a post, or undefined when it mentions none of the team's brands.
 * A brand named only in the post it quotes or shares counts too (people react to the brand's
 * content that way); the sentiment is the post's own.
 */
export function analyzePost(post: Post, matcher: BrandMatcher, competitors: string[] = []): AnalyzedPost | undefined {
  const text = post.quoted?.text ? `${post.text}\n${post.quoted.text}` : post.text;
  const { mentions, ownBrands } = matcher.match(text, post.author.handle);
  if (mentions.length === 0 && ownBrands.length === 0) return undefined;
  const c = classify(post.text, { competitors });
  return {
    sentiment: c.sentiment,
    score: c.score,
    brands: mentions.filter((m) => !m.competitor).map((m) => m.brand),
    competitorBrands: mentions.filter((m) => m.competitor).map((m) => m.brand),
    intents: c.intents,
    urgency: c.urgency,
    urgencyReasons: c.urgencyReasons,
    language: c.language,
    privateData: [...new Set(c.privateData.map((p) => p.kind))],
    ownBrand: ownBrands.length > 0,
  };
}
