import type { BrandMatcher } from './match';
import type { PostAnalysis } from './messaging';

/*
 * Split in two so the content script stays light: which brands a post names (here, run on the
 * page for every post that passes the screen), and the reading of the post — sentiment, intents,
 * urgency, language, private data (./analyze-detail.ts, run in the background, where the
 * sentiment model is loaded once for every tab).
 */
import type { Post } from './schemas/post';

/** The brands a post names, or is by. */
export interface PostMatch {
  brands: string[];
  competitorBrands: string[];
  /** The post is by one of the team's own handles: the brand speaking, not a mention. */
  ownBrand: boolean;
}

export interface AnalyzedPost extends PostAnalysis {
  ownBrand: boolean;
}

/** What Firstreply reads from a post's own text (the quoted post's sentiment is not the author's). */
export type PostReading = Pick<PostAnalysis, 'sentiment' | 'score' | 'intents' | 'urgency' | 'urgencyReasons' | 'language' | 'privateData'>;

/** A post's whole analysis: the brands the page found and the reading of its text. */
export function analysisOf(match: PostMatch, reading: PostReading): AnalyzedPost {
  return { ...match, ...reading, detailed: true };
}

/**
 * The brands of a post, or undefined when it mentions none of the team's brands. A brand named
 * only in the post it quotes or shares counts too (people react to the brand's content that way),
 * and so does a brand whose post or comment this one answers ("Replying to @AcmeAir", a comment
 * under the brand's own post): that is the customer talking to the brand.
 */
export function matchPost(post: Post, matcher: BrandMatcher): PostMatch | undefined {
  const text = post.quoted?.text ? `${post.text}\n${post.quoted.text}` : post.text;
  const { mentions, ownBrands } = matcher.match(text, post.author.handle);
  const answered = post.inReplyTo && ownBrands.length === 0 ? matcher.brandOfHandle(post.inReplyTo) : undefined;
  if (answered && !mentions.some((m) => m.brand === answered.brand)) mentions.push(answered);
  if (mentions.length === 0 && ownBrands.length === 0) return undefined;
  return {
    brands: mentions.filter((m) => !m.competitor).map((m) => m.brand),
    competitorBrands: mentions.filter((m) => m.competitor).map((m) => m.brand),
    ownBrand: ownBrands.length > 0,
  };
}
