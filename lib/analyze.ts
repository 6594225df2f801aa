import type { BrandMatcher } from './match';
import type { PostAnalysis } from './messaging';
import type { Post } from './schemas/post';

/**
 * What the content script decides about a post on the page: which of the team's brands and
 * competitors it names, and whether a brand wrote it. The rest of the reading (sentiment, intents,
 * urgency…) happens in the background (./reading.ts), off the page's main thread.
 */
export interface PostMatch {
  brands: string[];
  competitorBrands: string[];
  /** A brand's own handle wrote it: the brand speaking, not a mention. */
  ownBrand: boolean;
}

export interface AnalyzedPost extends PostAnalysis {
  ownBrand: boolean;
}

/**
 * The brands a post names, or undefined when it names none and no brand wrote it. A brand named
 * only in the post it quotes or shares counts too (people react to the brand's content that way).
 */
export function matchPost(post: Post, matcher: BrandMatcher): PostMatch | undefined {
  const text = post.quoted?.text ? `${post.text}\n${post.quoted.text}` : post.text;
  const { mentions, ownBrands } = matcher.match(text, post.author.handle);
  if (mentions.length === 0 && ownBrands.length === 0) return undefined;
  return {
    brands: mentions.filter((m) => !m.competitor).map((m) => m.brand),
    competitorBrands: mentions.filter((m) => m.competitor).map((m) => m.brand),
    ownBrand: ownBrands.length > 0,
  };
}

/** A matched post whose reading could not be had (the background did not answer): brands only. */
export function unreadAnalysis(match: PostMatch): AnalyzedPost {
  return { ...match, sentiment: 'neutral', score: 0, intents: [], urgency: 0, urgencyReasons: [], language: 'unknown', privateData: [], read: false };
}
