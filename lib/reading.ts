import { classify } from './classify';
import type { PostAnalysis } from './messaging';
import type { Post } from './schemas/post';

/** What Firstreply reads from a post's own text: sentiment, intents, urgency, language, private data. */
export type PostReading = Pick<PostAnalysis, 'sentiment' | 'score' | 'intents' | 'urgency' | 'urgencyReasons' | 'language' | 'privateData'>;

/**
 * Reads a post's own text. Runs in the background, away from the page's main thread, for every
 * post with an overlay (one message per batch) and for the post opened in the side panel.
 */
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

/** The analysis with its reading, read now when the overlay could not have it read. */
export function withReading<A extends PostAnalysis>(post: Post, analysis: A, competitors: string[] = []): A {
  return analysis.read ? analysis : { ...analysis, ...readPost(post.text, competitors), read: true };
}
