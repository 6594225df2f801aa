import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerHistorySchema } from '../../lib/schemas';
import { createTestApp, interactionBody, type TestApp } from '../../test/server/helpers';
import { createTeam } from '../teams';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const history = async (token: string, platform: string, handle: string) => {
  const res = await t.api(token)('GET', `/v1/customers/${platform}/${encodeURIComponent(handle)}`);
  return { status: res.status, json: res.status === 200 ? CustomerHistorySchema.parse(res.json) : res.json };
};

describe('GET /v1/customers/:platform/:handle', () => {
  it('answers an unknown customer with an empty history', async () => {
    const res = await history(t.viewer.token, 'x', '@Nobody');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      platform: 'x',
      handle: 'Nobody',
      name: null,
      interactionCount: 0,
      firstSeenAt: null,
      lastSeenAt: null,
      lastOutcome: null,
      interactions: [],
    });
  });

  it('gathers a customer across spellings of the handle, newest first', async () => {
    const api = t.api(t.agent.token);
    const older = interactionBody({
      customer: { handle: 'MaxPower', name: 'Max' },
      postedAt: '2025-02-01T09:00:00.000Z',
      repliedAt: '2025-02-01T09:30:00.000Z',
      outcome: 'needs_follow_up',
    });
    const newer = interactionBody({
      customer: { handle: '@maxpower', name: 'Max Power' },
      postedAt: '2025-02-03T09:00:00.000Z',
      repliedAt: '2025-02-03T09:05:00.000Z',
      outcome: 'resolved_first_response',
    });
    // Uploaded out of order (an outbox catching up): the newer sighting still wins.
    expect((await api('POST', '/v1/interactions', newer)).status).toBe(201);
    expect((await api('POST', '/v1/interactions', older)).status).toBe(201);

    const res = await history(t.viewer.token, 'x', '@MAXPOWER');
    expect(res.json).toMatchObject({
      platform: 'x',
      handle: 'maxpower',
      name: 'Max Power',
      interactionCount: 2,
      firstSeenAt: '2025-02-01T09:00:00.000Z',
      lastSeenAt: '2025-02-03T09:00:00.000Z',
      lastOutcome: 'resolved_first_response',
    });
    expect(res.json.interactions.map((i: { id: string }) => i.id)).toEqual([newer.id, older.id]);
  });

  it('keeps platforms apart', async () => {
    await t.api(t.agent.token)('POST', '/v1/interactions', interactionBody({ platform: 'reddit', customer: { handle: 'MaxPower' } }));
    expect((await history(t.agent.token, 'reddit', 'maxpower')).json.interactionCount).toBe(1);
    expect((await history(t.agent.token, 'x', 'maxpower')).json.interactionCount).toBe(2);
  });

  it('counts everything but lists at most 50', async () => {
    const api = t.api(t.agent.token);
    for (let i = 0; i < 51; i++) {
      await api('POST', '/v1/interactions', interactionBody({ customer: { handle: 'regular' }, repliedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }));
    }
    const res = await history(t.agent.token, 'x', 'regular');
    expect(res.json.interactionCount).toBe(51);
    expect(res.json.interactions).toHaveLength(50);
    expect(res.json.interactions[0].repliedAt).toBe('2025-01-01T00:50:00.000Z');
  });

  it('never shows another team its customers', async () => {
    const other = await createTeam(t.db, 'Other team');
    const res = await history(other.token, 'x', 'maxpower');
    expect(res.json).toMatchObject({ interactionCount: 0, name: null, interactions: [] });
  });

  it('rejects an unknown platform, naming it', async () => {
    const res = await history(t.agent.token, 'myspace', 'tom');
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_param', field: 'platform' });
  });
});
