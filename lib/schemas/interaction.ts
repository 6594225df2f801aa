import { z } from 'zod/mini';
import { CountSchema, HandleSchema, PlatformSchema, SentimentLabelSchema, textUpTo, UrlSchema } from './post';

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
  id: z.uuid(),
  platform: PlatformSchema,
  postId: z.string().check(z.minLength(1), z.maxLength(300)),
  postUrl: UrlSchema,
  customer: z.object({
    handle: HandleSchema,
    name: z.optional(textUpTo(300)),
    profileUrl: z.optional(UrlSchema),
  }),
  postText: z._default(textUpTo(40_000), ''),
  postedAt: z.optional(z.iso.datetime({ offset: true })),
  reply: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
  outcome: OutcomeSchema,
  sentiment: z.optional(SentimentLabelSchema),
  brands: z._default(z.array(textUpTo(100)).check(z.maxLength(50)), []),
  repliedAt: z.iso.datetime({ offset: true }),
});
export type InteractionInput = z.infer<typeof InteractionInputSchema>;
export type InteractionInputRaw = z.input<typeof InteractionInputSchema>;

export const InteractionSchema = z.extend(InteractionInputSchema, {
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
  name: z.nullable(z.string()),
  interactionCount: CountSchema,
  firstSeenAt: z.nullable(z.string()),
  lastSeenAt: z.nullable(z.string()),
  lastOutcome: z.nullable(OutcomeSchema),
  interactions: z.array(InteractionSchema),
});
export type CustomerHistory = z.infer<typeof CustomerHistorySchema>;

/** `POST /v1/customers/counts`: how many interactions the team had with each of these customers. */
export const HistoryCountsRequestSchema = z.object({
  platform: PlatformSchema,
  handles: z.array(HandleSchema).check(z.minLength(1), z.maxLength(500)),
});
export type HistoryCountsRequest = z.input<typeof HistoryCountsRequestSchema>;

/** Counts keyed by each handle as sent (without a leading @); a customer never seen counts 0. */
export const HistoryCountsSchema = z.object({ counts: z.record(z.string(), CountSchema) });
export type HistoryCounts = z.infer<typeof HistoryCountsSchema>;

export const MetricsSummarySchema = z.object({
  interactions: CountSchema,
  resolvedFirstResponse: CountSchema,
  firstResponseResolutionRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  medianResponseMinutes: z.nullable(z.number().check(z.nonnegative())),
  byOutcome: z.record(OutcomeSchema, CountSchema),
});
export type MetricsSummary = z.infer<typeof MetricsSummarySchema>;
