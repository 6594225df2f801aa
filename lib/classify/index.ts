import type { SentimentLabel } from '../schemas/post';
import { sentiment } from '../sentiment';
import { unstyle } from '../match/tokens';
import { detectIntents, type Intent } from './intents';
import { detectLanguage } from './language';
import { findPrivateData, type PiiFinding } from './pii';
import { urgencyOf, type Urgency } from './urgency';

export type { Intent } from './intents';
export type { PiiFinding } from './pii';
export type { Urgency } from './urgency';

export interface Classification {
  sentiment: SentimentLabel;
  /** In [-1, 1]. */
  score: number;
  /** In [0, 1]; lower for languages the model was not trained on. */
  confidence: number;
  intents: Intent[];
  /** 0 none, 1 low, 2 high, 3 critical. */
  urgency: Urgency;
  urgencyReasons: string[];
  /** 'en', 'es', 'fr', 'de', 'pt', 'it', 'nl' or 'unknown'. */
  language: string;
  /** Private data in the post: a reply belongs in a DM. */
  privateData: PiiFinding[];
}

export interface ClassifyContext {
  /** Followers of the author, when the page shows them. */
  authorFollowers?: number;
  /** Other posts on the page raising the same issue. */
  echoes?: number;
  /** The team's competitor brand names ("switching to SkyJet" is churn risk). */
  competitors?: string[];
}

/**
 * Everything Firstreply reads from a post, on the device, in one call: sentiment, intents,
 * urgency, language and private data. Used by the overlay, the side panel, the server and the
 * `classify` command alike.
 */
export function classify(styled: string, context: ClassifyContext = {}): Classification {
  // Words written in styled letters for emphasis ("𝐓𝐞𝐫𝐫𝐢𝐛𝐥𝐞 𝐬𝐞𝐫𝐯𝐢𝐜𝐞") are read as plain ones.
  const text = unstyle(styled);
  const language = detectLanguage(text);
  const s = sentiment(text);
  // The sentiment model learned English; elsewhere it still reads emoji and names, with less certainty.
  const confidence = language === 'en' || language === 'unknown' ? s.confidence : Math.round(s.confidence * 500) / 1000;
  const intents = detectIntents({ text, score: s.score, competitors: context.competitors });
  const urgency = urgencyOf({ score: s.score, intents, text, authorFollowers: context.authorFollowers, echoes: context.echoes });
  return {
    sentiment: s.label,
    score: s.score,
    confidence,
    intents,
    urgency: urgency.level,
    urgencyReasons: urgency.reasons,
    language,
    privateData: findPrivateData(text),
  };
}
