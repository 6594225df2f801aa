import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsSummarySchema } from '../../lib/schemas';
import { createTestApp, interactionBody, type TestApp } from '../../test/server/helpers';
import { createTeam } from '../teams';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const summary = async (token: string) => {
  const res = await t.api(token)('GET', '/v1/metrics/summary');
  expect(res.status).toBe(200);
  return MetricsSummarySchema.parse(res.json);
};

describe('GET /v1/metrics/summary', () => {
  it('has no rates before the first reply', async () => {
    expect(await summary(t.viewer.token)).toEqual({
      interactions: 0,
      resolvedFirstResponse: 0,
      firstResponseResolutionRate: null,
      medianResponseMinutes: null,
      byOutcome: { resolved_first_response: 0, needs_follow_up: 0, moved_to_dm: 0 },
    });
  });

  it('counts outcomes and takes the median minutes from post to reply', async () => {
    const api = t.api(t.agent.token);
    const posted = '2025-03-01T10:00:00.000Z';
    const replies = [
      { outcome: 'resolved_first_response', postedAt: posted, repliedAt: '2025-03-01T10:10:00.000Z' }, // 10 min
      { outcome: 'resolved_first_response', postedAt: posted, repliedAt: '2025-03-01T10:45:00.000Z' }, // 45 min
      { outcome: 'needs_follow_up', postedAt: posted, repliedAt: '2025-03-01T12:00:00.000Z' }, // 120 min
      { outcome: 'moved_to_dm', postedAt: undefined, repliedAt: '2025-03-01T12:00:00.000Z' }, // no post time: no duration
    ] as const;
    for (const r of replies) {
      const { postedAt: _, ...body } = interactionBody({ outcome: r.outcome, repliedAt: r.repliedAt });
      expect((await api('POST', '/v1/interactions', r.postedAt ? { ...body, postedAt: r.postedAt } : body)).status).toBe(201);
    }
    // Another team's replies never count.
    const other = await createTeam(t.db, 'Other team');
    await t.api(other.token)('POST', '/v1/interactions', interactionBody({ outcome: 'needs_follow_up' }));

    expect(await summary(t.viewer.token)).toEqual({
      interactions: 4,
      resolvedFirstResponse: 2,
      firstResponseResolutionRate: 0.5,
      medianResponseMinutes: 45,
      byOutcome: { resolved_first_response: 2, needs_follow_up: 1, moved_to_dm: 1 },
    });
  });

  it('counts a reply stamped before its post as immediate', async () => {
    const other = await createTeam(t.db, 'Skewed clocks');
    await t.api(other.token)('POST', '/v1/interactions', interactionBody({ postedAt: '2025-03-01T10:05:00Z', repliedAt: '2025-03-01T10:00:00Z' }));
    await t.api(other.token)('POST', '/v1/interactions', interactionBody({ postedAt: '2025-03-01T10:00:00Z', repliedAt: '2025-03-01T10:30:00Z' }));
    const result = await summary(other.token);
    expect(result.medianResponseMinutes).toBe(15);
  });
});
