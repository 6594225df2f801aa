import { classify } from './classify';
import type { PostAnalysis } from './messaging';
import type { Post } from './schemas/post';

export type PostDetails = Pick<PostAnalysis, 'intents' | 'urgency' | 'urgencyReasons' | 'language' | 'privateData'>;

/** Intents, urgency, language and the kinds of private data in a post's own text. */
export function postDetails(text: string, competitors: string[] = []): PostDetails {
  const c = classify(text, { competitors });
  return {
    intents: c.intents,
    urgency: c.urgency,
    urgencyReasons: c.urgencyReasons,
    language: c.language,
    privateData: [...new Set(c.privateData.map((p) => p.kind))],
  };
}

/**
 * The rest of what Firstreply reads from a post — intents, urgency, language, private data — read
 * in the background for the posts a page annotates and for a post opened in the side panel.
 */
export function detailPost<A extends PostAnalysis>(post: Post, analysis: A, competitors: string[] = []): A {
  return analysis.detailed ? analysis : { ...analysis, ...postDetails(post.text, competitors), detailed: true };
}
