import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionCreatedSchema, InteractionSchema, type Platform } from '../../lib/schemas';
import { createTestApp, interactionBody, type TestApp } from '../../test/server/helpers';
import { createTeam } from '../teams';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const countRows = async (id: string) =>
  (await t.db.selectFrom('interactions').select('id').where('id', '=', id).execute()).length;

describe('POST /v1/interactions', () => {
  it('stores a reply with the agent who logged it', async () => {
    const body = interactionBody({ customer: { handle: '@JaneDoe', name: 'Jane Doe' }, repliedAt: '2025-03-01T12:20:00+02:00' });
    const res = await t.api(t.agent.token)('POST', '/v1/interactions', body);
    expect(res.status).toBe(201);
    const { interaction, created } = InteractionCreatedSchema.parse(res.json);
    expect(created).toBe(true);
    expect(interaction).toMatchObject({
      id: body.id,
      platform: 'x',
      customer: { handle: 'JaneDoe', name: 'Jane Doe' },
      reply: body.reply,
      outcome: 'moved_to_dm',
      sentiment: 'negative',
      brands: ['Acme Air'],
      postedAt: '2025-03-01T10:00:00.000Z',
      repliedAt: '2025-03-01T10:20:00.000Z',
      agentId: t.agent.agentId,
      agentName: 'Sam',
    });
    expect(Date.parse(interaction.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers a retry with the stored row and stores nothing new', async () => {
    const body = interactionBody();
    const first = await t.api(t.agent.token)('POST', '/v1/interactions', body);
    const again = await t.api(t.admin.token)('POST', '/v1/interactions', { ...body, reply: 'A different reply' });
    expect(again.status).toBe(200);
    expect(again.json.created).toBe(false);
    expect(again.json.interaction).toEqual(first.json.interaction);
    expect(again.json.interaction.reply).toBe(body.reply);
    expect(await countRows(body.id)).toBe(1);
  });

  it('stores one row when the same upload arrives many times at once', async () => {
    const body = interactionBody({ customer: { handle: 'burst' } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.api(t.agent.token)('POST', '/v1/interactions', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(answers.filter((a) => a.json.created)).toHaveLength(1);
    expect(await countRows(body.id)).toBe(1);
  });

  it('leaves out what the client did not send', async () => {
    const { postedAt: _p, sentiment: _s, postText: _t, brands: _b, ...body } = interactionBody({ customer: { handle: 'quiet' } });
    const res = await t.api(t.agent.token)('POST', '/v1/interactions', body);
    expect(res.status).toBe(201);
    const interaction = InteractionSchema.parse(res.json.interaction);
    expect(interaction).not.toHaveProperty('postedAt');
    expect(interaction).not.toHaveProperty('sentiment');
    expect(interaction.customer).toEqual({ handle: 'quiet' });
    expect(interaction.postText).toBe('');
    expect(interaction.brands).toEqual([]);
  });

  it('reads the sentiment of the post when the client sent none', async () => {
    const { sentiment: _s, ...body } = interactionBody({ customer: { handle: 'from-a-script' }, postText: 'Still waiting for my refund, third time I ask 😡' });
    const res = await t.api(t.agent.token)('POST', '/v1/interactions', body);
    expect(res.status).toBe(201);
    expect(InteractionSchema.parse(res.json.interaction).sentiment).toBe('negative');
  });

  it('does not let viewers log replies', async () => {
    const body = interactionBody();
    const res = await t.api(t.viewer.token)('POST', '/v1/interactions', body);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
    expect(await countRows(body.id)).toBe(0);
  });

  it('names the offending field', async () => {
    const api = t.api(t.agent.token);
    const noHandle = await api('POST', '/v1/interactions', interactionBody({ customer: { handle: '  ' } }));
    expect(noHandle.status).toBe(400);
    expect(noHandle.json.error).toMatchObject({ code: 'invalid_body', field: 'customer.handle' });
    const badId = await api('POST', '/v1/interactions', interactionBody({ id: 'not-a-uuid' }));
    expect(badId.json.error.field).toBe('id');
    const badOutcome = await api('POST', '/v1/interactions', { ...interactionBody(), outcome: 'ignored' });
    expect(badOutcome.json.error.field).toBe('outcome');
  });
});

describe('GET /v1/interactions', () => {
  // A team of its own, so the rows above do not show up here.
  let token: string;
  let ids: string[];
  beforeAll(async () => {
    token = (await createTeam(t.db, 'Listing team')).token;
    ids = [];
    const api = t.api(token);
    const customers: Array<[Platform, string]> = [['x', 'Ann'], ['reddit', 'ann'], ['x', 'Bob'], ['x', 'ANN']];
    for (const [i, [platform, handle]] of customers.entries()) {
      const body = interactionBody({ platform, customer: { handle }, repliedAt: `2025-03-0${i + 1}T10:00:00.000Z` });
      ids.push(body.id);
      await api('POST', '/v1/interactions', body);
    }
  });

  it('lists the newest replies first, up to the limit', async () => {
    const all = await t.api(token)('GET', '/v1/interactions');
    expect(all.status).toBe(200);
    expect(all.json.interactions.map((i: { id: string }) => i.id)).toEqual([...ids].reverse());
    const two = await t.api(token)('GET', '/v1/interactions?limit=2');
    expect(two.json.interactions.map((i: { id: string }) => i.id)).toEqual([ids[3], ids[2]]);
  });

  it('shows each team only its own rows, to every role', async () => {
    const res = await t.api(t.viewer.token)('GET', '/v1/interactions?limit=200');
    expect(res.status).toBe(200);
    expect(res.json.interactions.length).toBeGreaterThan(0);
    expect(res.json.interactions.map((i: { id: string }) => i.id)).not.toContain(ids[0]);
  });

  it('filters by platform and by handle, ignoring case and @', async () => {
    const api = t.api(token);
    const onX = await api('GET', '/v1/interactions?platform=x');
    expect(onX.json.interactions).toHaveLength(3);
    const ann = await api('GET', `/v1/interactions?platform=x&handle=${encodeURIComponent('@aNN')}`);
    expect(ann.json.interactions.map((i: { id: string }) => i.id)).toEqual([ids[3], ids[0]]);
    const anyPlatform = await api('GET', '/v1/interactions?handle=ann&platform=');
    expect(anyPlatform.json.interactions).toHaveLength(3);
  });

  it('rejects a bad limit or platform, naming it', async () => {
    const api = t.api(token);
    for (const limit of ['0', '201', 'ten', '1.5']) {
      const res = await api('GET', `/v1/interactions?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'invalid_query', field: 'limit' });
    }
    const res = await api('GET', '/v1/interactions?platform=myspace');
    expect(res.json.error).toMatchObject({ code: 'invalid_query', field: 'platform' });
  });
});
