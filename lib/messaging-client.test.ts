import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { dispatch, PortAnswerSchema, readPortAnswer, type Handlers } from './messaging';
import { connectBackground, serveChannel } from './messaging-client';

type Port = Browser.runtime.Port;
type Listener = (m: unknown) => void;

/** Two ends of a runtime port, delivering asynchronously and by copy, as the browser does. */
function portPair(name: string, tabId: number): { client: Port; server: Port; drop(): void } {
  const ends = [0, 1].map(() => ({ message: [] as Listener[], disconnect: [] as Array<() => void>, open: true }));
  const make = (me: number): Port =>
    ({
      name,
      sender: me === 1 ? { tab: { id: tabId }, url: 'https://x.com/home' } : undefined,
      onMessage: { addListener: (l: Listener) => ends[me]!.message.push(l) },
      onDisconnect: { addListener: (l: () => void) => ends[me]!.disconnect.push(l) },
      postMessage: (m: unknown) => {
        if (!ends[me]!.open) throw new Error('Attempting to use a disconnected port object');
        const copy = structuredClone(m);
        queueMicrotask(() => ends[1 - me]!.message.forEach((l) => l(copy)));
      },
      disconnect: () => {
        ends[me]!.open = false;
        ends[1 - me]!.open = false;
        ends[1 - me]!.disconnect.forEach((l) => l());
      },
    }) as unknown as Port;
  const client = make(0);
  const server = make(1);
  return { client, server, drop: () => server.disconnect() };
}

const handlers: Handlers = {
  getHistoryCounts: async ({ handles }, sender) => ({ counts: Object.fromEntries(handles.map((h) => [h, sender.tabId ?? -1])) }),
  // A handler whose answer breaks the protocol: dispatch refuses to send it.
  readPosts: async () => ({ readings: { 'x:1': { urgency: 9 } } }) as never,
};

function setup() {
  const pairs: Array<ReturnType<typeof portPair>> = [];
  const connect = vi.fn((name: string) => {
    const pair = portPair(name, 7);
    serveChannel(pair.server, (message, sender) => dispatch(handlers, message, sender));
    pairs.push(pair);
    return pair.client;
  });
  return { channel: connectBackground(connect), connect, pairs };
}

describe('background channel', () => {
  it('answers requests over one port, matching answers to requests, with the sender tab', async () => {
    const { channel, connect } = setup();
    const [a, b] = await Promise.all([
      channel.request('getHistoryCounts', { platform: 'x', handles: ['maya'] }),
      channel.request('getHistoryCounts', { platform: 'reddit', handles: ['lee', 'kim'] }),
    ]);
    expect(a).toEqual({ counts: { maya: 7 } });
    expect(b).toEqual({ counts: { lee: 7, kim: 7 } });
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('rejects a malformed request with the field named, and an answer that breaks the protocol', async () => {
    const { channel } = setup();
    await expect(channel.request('getHistoryCounts', { platform: 'myspace' as 'x', handles: [] })).rejects.toThrow(/getHistoryCounts: invalid platform/);
    await expect(channel.request('readPosts', { posts: [{ key: 'x:1', text: 'hi' }] })).rejects.toThrow(/sentiment|urgency|intents/);
  });

  it('fails requests in flight when the background goes away, then reconnects', async () => {
    const { channel, connect, pairs } = setup();
    const inFlight = channel.request('getHistoryCounts', { platform: 'x', handles: ['maya'] });
    pairs[0]!.drop();
    await expect(inFlight).rejects.toThrow(/went away/);
    await expect(channel.request('getHistoryCounts', { platform: 'x', handles: ['maya'] })).resolves.toEqual({ counts: { maya: 7 } });
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('ignores ports that are not its own', () => {
    const pair = portPair('someone-else', 1);
    const answer = vi.fn();
    serveChannel(pair.server, answer);
    pair.client.postMessage({ id: 1, envelope: {} });
    return new Promise<void>((r) => queueMicrotask(() => queueMicrotask(() => (expect(answer).not.toHaveBeenCalled(), r()))));
  });

  it("reads a port answer exactly as PortAnswerSchema does, fast path or not", () => {
    const answerLike = fc.record(
      {
        id: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 1), fc.string()),
        answer: fc.anything(),
        error: fc.oneof(fc.string(), fc.constant(undefined), fc.integer()),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(answerLike, fc.anything()), (message) => {
        expect(readPortAnswer(message)).toStrictEqual(PortAnswerSchema.safeParse(message).data);
      }),
      { numRuns: 3000 },
    );
  });
});
