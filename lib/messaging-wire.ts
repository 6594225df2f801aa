import { z } from 'zod/mini';
import type { MessageName, RequestOf } from './messaging';

/*
 * How messages travel, apart from what they are (lib/messaging.ts): a content script imports this
 * and its own small protocol (lib/messaging-content.ts), so a tab builds no schema of the messages
 * it never receives.
 */

/** One message's schemas: its request, checked where it arrives, and its answer, where it is made. */
export interface MessageSchemas {
  request: z.ZodMiniType;
  response: z.ZodMiniType;
}
export type ProtocolMap = Record<string, MessageSchemas>;
export type Sender = { tabId?: number; url?: string };

/** The handlers a context has for the messages of a protocol. */
export type HandlersOf<P extends ProtocolMap> = {
  [N in keyof P]?: (data: z.output<P[N]['request']>, sender: Sender) => Promise<z.output<P[N]['response']>>;
};

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

/**
 * Validates an incoming envelope and runs its handler. Returns undefined for messages that are
 * not ours or have no handler here, so other listeners may answer them.
 *
 * Every message is validated once per crossing: a request where it arrives (its sender may be a
 * page's content script), an answer here, where it is produced, before it leaves. Receivers of an
 * answer take it as it comes, so a content script spends no time on validation it cannot improve.
 */
export function dispatchWith<P extends ProtocolMap>(protocol: P, handlers: HandlersOf<P>, message: unknown, sender: Sender): Promise<unknown> | undefined {
  const env = EnvelopeSchema.safeParse(message);
  if (!env.success || !Object.hasOwn(protocol, env.data.name)) return undefined;
  const name = env.data.name;
  const handler = handlers[name] as ((data: unknown, s: Sender) => Promise<unknown>) | undefined;
  if (!handler) return undefined;
  const schemas = protocol[name]!;
  const parsed = schemas.request.safeParse(env.data.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return Promise.reject(new Error(`${name}: invalid ${issue?.path.join('.') || 'request'}: ${issue?.message}`));
  }
  return handler(parsed.data, sender).then((answer) => schemas.response.parse(answer));
}
