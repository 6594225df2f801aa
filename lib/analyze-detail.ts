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
 * A post's analysis complete: as it is when already read, else with the reading of the post (a
 * post opened in the side panel from elsewhere than an overlay).
 */
export function detailPost<A extends PostAnalysis>(post: Post, analysis: A, competitors: string[] = []): A {
  return analysis.detailed ? analysis : { ...analysis, ...readPost(post.text, competitors), detailed: true };
}
