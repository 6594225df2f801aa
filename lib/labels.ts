import type { Intent } from './classify/intents';
import type { SentimentLabel } from './schemas/post';

/** The words agents read for what Firstreply found: one table for the overlay and the side panel. */
export const SENTIMENT_LABELS: Record<SentimentLabel, string> = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };

export const INTENT_LABELS: Record<Intent, string> = {
  complaint: 'Complaint',
  question: 'Question',
  praise: 'Praise',
  purchase_interest: 'Sales lead',
  product_feedback: 'Feedback',
  churn_risk: 'Churn risk',
  private_data: 'Private data → DM',
};

export function intentLabel(intent: string): string {
  return (INTENT_LABELS as Record<string, string>)[intent] ?? intent.replace(/_/g, ' ');
}

/** Urgency 2 and 3 are shown; below that the post waits its turn. */
export function urgencyLabel(urgency: number): string | undefined {
  return urgency >= 3 ? 'Critical' : urgency === 2 ? 'Urgent' : undefined;
}
