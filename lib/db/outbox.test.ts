import { describe, expect, it } from 'vitest';
import { InteractionInputSchema } from '../schemas/interaction';
import { Outbox, openOutboxDB, type OutboxItem, type SendResult } from './outbox';

let dbCount = 0;
const newOutbox = async () => new Outbox(await openOutboxDB(`test-${dbCount++}`));
const item = (n: number) =>
  InteractionInputSchema.parse({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    platform: 'x',
    postId: String(n),
    postUrl: `https://x.com/a/status/${n}`,
    customer: { handle: 'a' },
    reply: 'Thanks, fixed!',
    outcome: 'resolved_first_response',
    repliedAt: new Date().toISOString(),
  });

describe('outbox', () => {
  it('keeps items until the backend confirms them, in order', async () => {
    const outbox = await newOutbox();
    await outbox.enqueue(item(1));
    await outbox.enqueue(item(2));
    await outbox.enqueue(item(1)); // the same log twice is one item
    expect(await outbox.pending()).toBe(2);

    const down = async (): Promise<SendResult> => ({ ok: false, permanent: false, error: 'offline' });
    expect(await outbox.flush(down)).toBe(0);
    expect(await outbox.pending()).toBe(2);
    expect((await outbox.list())[0]).toMatchObject({ attempts: 1, lastError: 'offline' });

    const seen: string[] = [];
    expect(await outbox.flush(async (i) => (seen.push(i.body.postId), { ok: true }))).toBe(2);
    expect(seen).toEqual(['1', '2']);
    expect(await outbox.pending()).toBe(0);
  });

  it('moves items the backend refuses to a rejected store instead of losing them', async () => {
    const outbox = await newOutbox();
    await outbox.enqueue(item(3));
    await outbox.flush(async () => ({ ok: false, permanent: true, error: '400 reply' }));
    expect(await outbox.pending()).toBe(0);
    expect(await outbox.rejectedCount()).toBe(1);
  });

  it('shares one flush between concurrent callers, so each item is sent once', async () => {
    const outbox = await newOutbox();
    for (let n = 10; n < 15; n++) await outbox.enqueue(item(n));
    const sent: OutboxItem[] = [];
    const send = async (i: OutboxItem): Promise<SendResult> => {
      await new Promise((r) => setTimeout(r, 2));
      sent.push(i);
      return { ok: true };
    };
    const [a, b] = await Promise.all([outbox.flush(send), outbox.flush(send)]);
    expect(a).toBe(5);
    expect(b).toBe(5);
    expect(sent.map((i) => i.body.postId)).toEqual(['10', '11', '12', '13', '14']);
  });
});
