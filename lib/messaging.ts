import { z } from 'zod';
import { CustomerHistorySchema, InteractionInputSchema } from './schemas/interaction';
import { PostSchema, SentimentLabelSchema, PlatformSchema, HandleSchema } from './schemas/post';
import { MeSchema } from './schemas/api';

/** What the overlay knew about a post when the agent picked it. */
export const PostAnalysisSchema = z.object({
  sentiment: SentimentLabelSchema,
  score: z.number().min(-1).max(1),
  brands: z.array(z.string()),
  competitorBrands: z.array(z.string()),
  intents: z.array(z.string()).default([]),
  urgency: z.number().int().min(0).max(3).default(0),
  urgencyReasons: z.array(z.string()).default([]),
  language: z.string().default('unknown'),
  /** Kinds of private data in the post ("order_number", "email"…): the reply belongs in a DM. */
  privateData: z.array(z.string()).default([]),
  /** False until intents, urgency, language and private data are read. */
  detailed: z.boolean().default(false),
});
export type PostAnalysis = z.infer<typeof PostAnalysisSchema>;

export const FocusedPostSchema = z.object({
  post: PostSchema,
  analysis: PostAnalysisSchema,
  tabId: z.number().int().optional(),
  focusedAt: z.string(),
});
export type FocusedPost = z.infer<typeof FocusedPostSchema>;

export const OutboxStatusSchema = z.object({
  pending: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
});
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

/** What the content script did on one page: shown in the side panel's diagnostics. */
export const PageStatsSchema = z.object({
  url: z.string().max(2000),
  platform: PlatformSchema,
  /** Posts read in full. */
  read: z.number().int().nonnegative(),
  /** Posts passed over: no brand in them. */
  passed: z.number().int().nonnegative(),
  /** Post roots whose markup could not be read (the site may have changed). */
  skipped: z.number().int().nonnegative(),
  /** Posts with an overlay. */
  annotated: z.number().int().nonnegative(),
  at: z.string(),
});
export type PageStats = z.infer<typeof PageStatsSchema>;
export const pageStatsKey = (tabId: number) => `pageStats:${tabId}`;

const ConnectionSchema = z.object({ backendUrl: z.string(), token: z.string() });

/**
 * The protocol map: every message, who owns it (the background answers all of these),
 * and the zod schemas of its request and response. Requests are parsed where they arrive.
 */
export const protocol = {
  /** content → background: the agent clicked a post's overlay. */
  focusPost: { request: FocusedPostSchema.omit({ tabId: true, focusedAt: true }), response: z.object({ opened: z.boolean() }) },
  /** content → background: history counts for the customers on screen, one call per batch. */
  getHistoryCounts: {
    request: z.object({ platform: PlatformSchema, handles: z.array(HandleSchema).max(500) }),
    response: z.object({ counts: z.record(z.string(), z.number().int().nonnegative()) }),
  },
  /** content → background: diagnostics of the page, sent when idle after changes. */
  reportPageStats: { request: PageStatsSchema, response: z.object({}) },
  /** content → background: intents, urgency, language and private data of posts in view, one call per batch. */
  detailPosts: {
    request: z.object({ posts: z.array(z.object({ key: z.string().max(400), text: z.string().max(40_000) })).max(200) }),
    response: z.object({
      details: z.record(z.string(), PostAnalysisSchema.pick({ intents: true, urgency: true, urgencyReasons: true, language: true, privateData: true })),
    }),
  },
  /** side panel → background: one customer's full history. */
  getCustomerHistory: {
    request: z.object({ platform: PlatformSchema, handle: HandleSchema }),
    response: z.object({ history: CustomerHistorySchema.nullable(), error: z.string().nullable() }),
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
    response: z.object({ ok: z.boolean(), me: MeSchema.optional(), error: z.string().optional() }),
  },
  /** background → content: a customer's history changed (a log reached the backend). */
  historyChanged: {
    request: z.object({ platform: PlatformSchema, handle: z.string(), count: z.number().int().nonnegative() }),
    response: z.object({}),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = z.input<Protocol[N]['request']>;
export type ParsedRequestOf<N extends MessageName> = z.output<Protocol[N]['request']>;
export type ResponseOf<N extends MessageName> = z.output<Protocol[N]['response']>;

export const EnvelopeSchema = z.object({ firstreply: z.literal(1), name: z.string(), data: z.unknown() });
export type Envelope = z.infer<typeof EnvelopeSchema>;

export function envelope<N extends MessageName>(name: N, data: RequestOf<N>): Envelope {
  return { firstreply: 1, name, data };
}

/** The content script's long-lived connection to the background (see connectBackground). */
export const PORT_NAME = 'firstreply';
export const PortRequestSchema = z.object({ id: z.number().int(), envelope: z.unknown() });
export const PortAnswerSchema = z.object({ id: z.number().int(), answer: z.unknown().optional(), error: z.string().optional() });

export function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(protocol, name);
}

export type Handlers = {
  [N in MessageName]?: (data: ParsedRequestOf<N>, sender: { tabId?: number; url?: string }) => Promise<ResponseOf<N>>;
};

/**
 * Validates an incoming envelope and runs its handler. Returns undefined for messages that are
 * not ours or have no handler here, so other listeners may answer them.
 *
 * Every message is validated once per crossing: a request where it arrives (its sender may be a
 * page's content script), an answer here, where it is produced, before it leaves. Receivers of an
 * answer take it as it comes, so a content script spends no time on validation it cannot improve.
 */
export function dispatch(handlers: Handlers, message: unknown, sender: { tabId?: number; url?: string }): Promise<unknown> | undefined {
  const env = EnvelopeSchema.safeParse(message);
  if (!env.success || !isMessageName(env.data.name)) return undefined;
  const name = env.data.name;
  const handler = handlers[name] as ((data: unknown, s: typeof sender) => Promise<unknown>) | undefined;
  if (!handler) return undefined;
  const parsed = protocol[name].request.safeParse(env.data.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return Promise.reject(new Error(`${name}: invalid ${issue?.path.join('.') || 'request'}: ${issue?.message}`));
  }
  return handler(parsed.data, sender).then((answer) => protocol[name].response.parse(answer));
}
