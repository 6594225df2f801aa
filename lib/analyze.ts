import type { BrandMatcher } from './match';
import type { PostAnalysis } from './messaging';
import type { Post } from './schemas/post';
import { classify } from './classify';
import { sentiment } from './sentiment';

export interface AnalyzedPost extends PostAnalysis {
  ownBrand: boolean;
  /** False until intents, urgency, language and private data are read (see detailPost). */
  detailed: boolean;
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

/**
 * The rest of what Firstreply reads from a post — intents, urgency, language, private data — for
 * posts someone looks at (an overlay in view, a post opened in the side panel).
 */
export function detailPost(post: Post, analysis: AnalyzedPost, competitors: string[] = []): AnalyzedPost {
  if (analysis.detailed) return analysis;
  const c = classify(post.text, { competitors });
  return {
    ...analysis,
    sentiment: c.sentiment,
    score: c.score,
    intents: c.intents,
    urgency: c.urgency,
    urgencyReasons: c.urgencyReasons,
    language: c.language,
    privateData: [...new Set(c.privateData.map((p) => p.kind))],
    detailed: true,
  };
}
