import { z } from 'zod/mini';
import { CountSchema, CustomerHistorySchema, InteractionInputSchema } from './schemas/interaction';
import { PostSchema, SentimentLabelSchema, PlatformSchema, HandleSchema, textUpTo } from './schemas/post';
import { MeSchema } from './schemas/api';

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

/** What the content script did on one page: shown in the side panel's diagnostics. */
export const PageStatsSchema = z.object({
  url: textUpTo(2000),
  platform: PlatformSchema,
  /** Posts read in full. */
  read: CountSchema,
  /** Posts passed over: no brand in them. */
  passed: CountSchema,
  /** Post roots whose markup could not be read (the site may have changed). */
  skipped: CountSchema,
  /** Posts with an overlay. */
  annotated: CountSchema,
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
  focusPost: { request: z.omit(FocusedPostSchema, { tabId: true, focusedAt: true }), response: z.object({ opened: z.boolean() }) },
  /** content → background: history counts for the customers on screen, one call per batch. */
  getHistoryCounts: {
    request: z.object({ platform: PlatformSchema, handles: z.array(HandleSchema).check(z.maxLength(500)) }),
    response: z.object({ counts: z.record(z.string(), CountSchema) }),
  },
  /** content → background: diagnostics of the page, sent when idle after changes. */
  reportPageStats: { request: PageStatsSchema, response: z.object({}) },
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
  /** background → content: a customer's history changed (a log reached the backend). */
  historyChanged: {
    request: z.object({ platform: PlatformSchema, handle: z.string(), count: CountSchema }),
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
export const PortRequestSchema = z.object({ id: z.int(), envelope: z.unknown() });
export const PortAnswerSchema = z.object({ id: z.int(), answer: z.optional(z.unknown()), error: z.optional(z.string()) });
export type PortAnswer = z.infer<typeof PortAnswerSchema>;

/**
 * PortAnswerSchema's reading of a message, with a fast path: a content script reads one answer per
 * request while the page scrolls, and the answers it gets are already the exact shape (their
 * bodies were checked by `dispatch` where they were made). Anything else goes through the schema;
 * a property test holds the two equal.
 */
export function readPortAnswer(message: unknown): PortAnswer | undefined {
  if (typeof message === 'object' && message !== null && Object.getPrototypeOf(message) === Object.prototype) {
    const m = message as Record<string, unknown>;
    if (Number.isSafeInteger(m.id) && (m.error === undefined || typeof m.error === 'string')) {
      const answer: PortAnswer = { id: m.id as number };
      if ('answer' in m) answer.answer = m.answer;
      if ('error' in m) answer.error = m.error as string | undefined;
      return answer;
    }
  }
  return PortAnswerSchema.safeParse(message).data;
}

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
