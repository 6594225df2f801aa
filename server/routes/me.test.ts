import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeSchema } from '../../lib/schemas';
import { createTestApp, type TestApp } from '../../test/server/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /v1/me', () => {
  it('names the team and the agent of the token', async () => {
    const admin = await t.api(t.admin.token)('GET', '/v1/me');
    expect(admin.status).toBe(200);
    expect(MeSchema.parse(admin.json)).toEqual({
      team: { id: t.admin.teamId, name: 'Acme Care' },
      agent: { id: t.admin.agentId, name: 'Admin', role: 'admin' },
    });
    const viewer = await t.api(t.viewer.token)('GET', '/v1/me');
    expect(viewer.json.agent).toEqual({ id: t.viewer.agentId, name: 'Vee', role: 'viewer' });
  });
});
