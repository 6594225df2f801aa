import { z } from 'zod/mini';
import { contentProtocol } from './messaging-content';
import { dispatchWith, type HandlersOf, type Sender } from './messaging-wire';
import { CustomerHistorySchema, InteractionInputSchema } from './schemas/interaction';
import { CountSchema, HANDLES_PER_REQUEST, HandleSchema, PlatformSchema, PostSchema, SentimentLabelSchema, textUpTo } from './schemas/post';
import { MeSchema } from './schemas/api';

export { PageStatsSchema, type PageStats } from './messaging-content';

/** What the overlay knew about a post when the agent picked it. */
export const PostAnalysisSchema = z.object({
  sentiment: SentimentLabelSchema,
  score: z.number().check(z.minimum(-1), z.maximum(1)),
  brands: z.array(z.string()),
  competitorBrands: z.array(z.string()),
  intents: z._default(z.array(z.string()), []),
  urgency: z._default(z.int().check(z.minimum(0), z.maximum(3)), 0),
  urgencyReasons: z._default(z.array(z.string()), []),
  language: z._default(z.string(), 'unknown'),
  /** Kinds of private data in the post ("order_number", "email"…): the reply belongs in a DM. */
  privateData: z._default(z.array(z.string()), []),
  /** False until intents, urgency, language and private data are read. */
  detailed: z._default(z.boolean(), false),
});
export type PostAnalysis = z.infer<typeof PostAnalysisSchema>;

export const FocusedPostSchema = z.object({
  post: PostSchema,
  analysis: PostAnalysisSchema,
  tabId: z.optional(z.int()),
  focusedAt: z.string(),
});
export type FocusedPost = z.infer<typeof FocusedPostSchema>;

export const OutboxStatusSchema = z.object({
  pending: CountSchema,
  rejected: CountSchema,
  lastError: z.nullable(z.string()),
  lastSyncAt: z.nullable(z.string()),
});
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

const ConnectionSchema = z.object({ backendUrl: z.string(), token: z.string() });

/**
 * The protocol map: every message, who owns it (the background answers all of these),
 * and the zod schemas of its request and response. Requests are parsed where they arrive.
 */
export const protocol = {
  /** content → background: the agent clicked a post's overlay. */
  focusPost: { request: z.omit(FocusedPostSchema, { tabId: true, focusedAt: true }), response: z.object({ opened: z.boolean() }) },
  /** content → background: history counts for the customers on screen, one call per batch (of at most HANDLES_PER_REQUEST). */
  getHistoryCounts: {
    request: z.object({ platform: PlatformSchema, handles: z.array(HandleSchema).check(z.maxLength(HANDLES_PER_REQUEST)) }),
    response: z.object({ counts: z.record(z.string(), CountSchema) }),
  },
  /**
   * content → background: sentiment, intents, urgency, language and private data of the posts that
   * name a brand, one call per batch; each overlay is built, whole, when its reading comes.
   */
  readPosts: {
    request: z.object({
      posts: z.array(z.object({ key: textUpTo(400), text: textUpTo(40_000) })).check(z.maxLength(200)),
    }),
    response: z.object({
      readings: z.record(
        z.string(),
        z.pick(PostAnalysisSchema, { sentiment: true, score: true, intents: true, urgency: true, urgencyReasons: true, language: true, privateData: true }),
      ),
    }),
  },
  /** side panel → background: one customer's full history. */
  getCustomerHistory: {
    request: z.object({ platform: PlatformSchema, handle: HandleSchema }),
    response: z.object({ history: z.nullable(CustomerHistorySchema), error: z.nullable(z.string()) }),
  },
  /** side panel → background: store the log in the outbox, then try to upload it. */
  logInteraction: {
    request: InteractionInputSchema,
    response: z.object({ synced: z.boolean(), status: OutboxStatusSchema }),
  },
  /** side panel / options → background: upload what waits in the outbox now. */
  syncOutbox: { request: z.object({}), response: OutboxStatusSchema },
  getOutboxStatus: { request: z.object({}), response: OutboxStatusSchema },
  /** options → background: check a backend URL and token. */
  testConnection: {
    request: ConnectionSchema,
    response: z.object({ ok: z.boolean(), me: z.optional(MeSchema), error: z.optional(z.string()) }),
  },
  ...contentProtocol,
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = z.input<Protocol[N]['request']>;
export type ParsedRequestOf<N extends MessageName> = z.output<Protocol[N]['request']>;
export type ResponseOf<N extends MessageName> = z.output<Protocol[N]['response']>;

export {
  envelope,
  EnvelopeSchema,
  PORT_NAME,
  PortAnswerSchema,
  PortRequestSchema,
  readPortAnswer,
  type Envelope,
  type PortAnswer,
  type Sender,
} from './messaging-wire';

export type Handlers = HandlersOf<Protocol>;

/** Validates an incoming envelope of this protocol and runs its handler (see dispatchWith). */
export function dispatch(handlers: Handlers, message: unknown, sender: Sender): Promise<unknown> | undefined {
  return dispatchWith(protocol, handlers, message, sender);
}
