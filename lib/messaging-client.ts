import { browser, type Browser } from 'wxt/browser';
import type { MessageName, RequestOf, ResponseOf } from './messaging';
import { envelope, PORT_NAME, PortRequestSchema, readPortAnswer } from './messaging-wire';

// Answers are validated by `dispatch` where they are produced; see lib/messaging.ts.

/** Sends a protocol message to the background. */
export async function sendMessage<N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
  return (await browser.runtime.sendMessage(envelope(name, data))) as ResponseOf<N>;
}

/**
 * Sends to one tab's content scripts (or to one frame's); a tab without our content script is not
 * an error.
 */
export async function sendToTab<N extends MessageName>(tabId: number, name: N, data: RequestOf<N>, frameId?: number): Promise<ResponseOf<N> | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, envelope(name, data), frameId === undefined ? undefined : { frameId })) as ResponseOf<N>;
  } catch {
    return undefined;
  }
}

export interface BackgroundChannel {
  request<N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>>;
  close(): void;
}

type Port = Browser.runtime.Port;

/**
 * A long-lived connection to the background for a content script's frequent requests (readings
 * of posts, history counts): a message on an open port costs the page a fraction of a
 * runtime.sendMessage, which sets up a channel each time. The port reopens after the background
 * restarts; requests in flight then fail (callers treat that like the background being away).
 */
export function connectBackground(connect: (name: string) => Port = (name) => browser.runtime.connect({ name })): BackgroundChannel {
  let port: Port | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const open = (): Port => {
    const p = connect(PORT_NAME);
    p.onMessage.addListener((message: unknown) => {
      const answer = readPortAnswer(message);
      if (!answer) return;
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (answer.error !== undefined) waiting?.reject(new Error(answer.error));
      else waiting?.resolve(answer.answer);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = undefined;
      fail(new Error('The background went away'));
    });
    return p;
  };

  return {
    request<N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
      const id = ++next;
      return new Promise<ResponseOf<N>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        try {
          port ??= open();
          port.postMessage({ id, envelope: envelope(name, data) });
        } catch (err) {
          pending.delete(id);
          port = undefined;
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    },
    close() {
      port?.disconnect();
      port = undefined;
      fail(new Error('closed'));
    },
  };
}

/** The background's side of `connectBackground`: answers each request on the port it came by. */
export function serveChannel(port: Port, answer: (envelope: unknown, sender: { tabId?: number; url?: string }) => Promise<unknown> | undefined): void {
  if (port.name !== PORT_NAME) return;
  const sender = { tabId: port.sender?.tab?.id, url: port.sender?.url };
  port.onMessage.addListener((message: unknown) => {
    const request = PortRequestSchema.safeParse(message);
    if (!request.success) return;
    const { id } = request.data;
    const reply = (body: { answer?: unknown; error?: string }) => {
      try {
        port.postMessage({ id, ...body });
      } catch {
        // The tab went away before the answer.
      }
    };
    const pendingAnswer = answer(request.data.envelope, sender);
    if (!pendingAnswer) reply({ error: 'not a Firstreply request' });
    else pendingAnswer.then((a) => reply({ answer: a }), (err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) }));
  });
}
