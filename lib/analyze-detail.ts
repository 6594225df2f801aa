import type { PostReading } from './analyze';
import { classify } from './classify';
import type { PostAnalysis } from './messaging';
import type { Post } from './schemas/post';

/** Sentiment, intents, urgency, language and the kinds of private data in a post's own text. */
export function readPost(text: string, competitors: string[] = []): PostReading {
  const c = classify(text, { competitors });
  return {
    sentiment: c.sentiment,
    score: c.score,
    intents: c.intents,
    urgency: c.urgency,
    urgencyReasons: c.urgencyReasons,
    language: c.language,
    privateData: [...new Set(c.privateData.map((p) => p.kind))],
  };
}

/**
 * Reads a batch of posts, keyed as given. A post the reader cannot read is left out (and logged):
 * it costs its own overlay, never its batch's.
 */
export function readPosts(
  posts: ReadonlyArray<{ key: string; text: string }>,
  competitors: string[] = [],
  read: typeof readPost = readPost,
): Record<string, PostReading> {
  const readings: Record<string, PostReading> = {};
  for (const { key, text } of posts) {
    try {
      readings[key] = read(text, competitors);
    } catch (err) {
      console.warn('Firstreply: could not read a post', key, err);
    }
  }
  return readings;
}

/**
 * A post's analysis complete: as it is when already read, else with the reading of the post. Every
 * overlay sends its post read (`detailed: true`); an analysis that comes without its reading (a
 * sender that only matched the post) is read here rather than shown half-empty in the side panel.
 */
export function detailPost<A extends PostAnalysis>(post: Post, analysis: A, competitors: string[] = []): A {
  return analysis.detailed ? analysis : { ...analysis, ...readPost(post.text, competitors), detailed: true };
}
