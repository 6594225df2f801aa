import { z } from 'zod';
import { HandleSchema, PlatformSchema, SentimentLabelSchema } from './post';

export const OUTCOMES = ['resolved_first_response', 'needs_follow_up', 'moved_to_dm'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const OUTCOME_LABELS: Record<Outcome, string> = {
  resolved_first_response: 'Resolved in first response',
  needs_follow_up: 'Needs follow-up',
  moved_to_dm: 'Moved to DM',
};

/**
 * One reply an agent logged. `id` is made by the client (a UUID) so that a retried
 * upload stores one row: the server is idempotent on it.
 */
export const InteractionInputSchema = z.object({
  id: z.string().uuid(),
  platform: PlatformSchema,
  postId: z.string().min(1).max(300),
  postUrl: z.string().url().max(2000),
  customer: z.object({
    handle: HandleSchema,
    name: z.string().max(300).optional(),
    profileUrl: z.string().url().max(2000).optional(),
  }),
  postText: z.string().max(40_000).default(''),
  postedAt: z.string().datetime({ offset: true }).optional(),
  reply: z.string().trim().min(1).max(10_000),
  outcome: OutcomeSchema,
  sentiment: SentimentLabelSchema.optional(),
  brands: z.array(z.string().max(100)).max(50).default([]),
  repliedAt: z.string().datetime({ offset: true }),
});
export type InteractionInput = z.infer<typeof InteractionInputSchema>;
export type InteractionInputRaw = z.input<typeof InteractionInputSchema>;

export const InteractionSchema = InteractionInputSchema.extend({
  agentId: z.string(),
  agentName: z.string(),
  createdAt: z.string(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

export const InteractionCreatedSchema = z.object({
  interaction: InteractionSchema,
  /** false when a row with this id already existed (a retried upload). */
  created: z.boolean(),
});

export const CustomerHistorySchema = z.object({
  platform: PlatformSchema,
  handle: z.string(),
  name: z.string().nullable(),
  interactionCount: z.number().int().nonnegative(),
  firstSeenAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  lastOutcome: OutcomeSchema.nullable(),
  interactions: z.array(InteractionSchema),
});
export type CustomerHistory = z.infer<typeof CustomerHistorySchema>;

export const MetricsSummarySchema = z.object({
  interactions: z.number().int().nonnegative(),
  resolvedFirstResponse: z.number().int().nonnegative(),
  firstResponseResolutionRate: z.number().min(0).max(1).nullable(),
  medianResponseMinutes: z.number().nonnegative().nullable(),
  byOutcome: z.record(OutcomeSchema, z.number().int().nonnegative()),
});
export type MetricsSummary = z.infer<typeof MetricsSummarySchema>;
