import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiErrorSchema } from '../lib/schemas';
import { apiClient, createTestApp, type TestApp } from '../test/server/helpers';
import { createApp } from './app';
import type { Database } from './db';
import { hashToken } from './db/tokens';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('bearer tokens', () => {
  it('turns away a request without a token', async () => {
    const res = await t.api()('GET', '/v1/me');
    expect(res.status).toBe(401);
    expect(ApiErrorSchema.parse(res.json).error.code).toBe('unauthorized');
  });

  it('turns away an unknown token and a malformed header', async () => {
    expect((await t.api('fr_not-a-real-token')('GET', '/v1/brands')).status).toBe(401);
    const res = await t.app.request('/v1/me', { headers: { authorization: `Token ${t.admin.token}` } });
    expect(res.status).toBe(401);
  });

  it('accepts the token case-insensitively on the scheme', async () => {
    const res = await t.app.request('/v1/me', { headers: { authorization: `bearer ${t.admin.token}` } });
    expect(res.status).toBe(200);
  });

  it('records when a token was last used, without storing the token', async () => {
    const before = new Date(Date.now() - 1000);
    await t.api(t.agent.token)('GET', '/v1/me');
    const rows = await t.db.selectFrom('api_tokens').select(['token_hash', 'last_used_at']).execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    const used = rows.find((r) => r.token_hash === hashToken(t.agent.token));
    const unused = rows.find((r) => r.token_hash === hashToken(t.viewer.token));
    expect(used?.last_used_at?.getTime()).toBeGreaterThan(before.getTime());
    expect(unused?.last_used_at).toBeNull();
  });
});

describe('errors', () => {
  it('answers an unknown route with a JSON 404', async () => {
    const res = await t.api(t.admin.token)('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    expect((await t.api()('GET', '/elsewhere')).json.error.code).toBe('not_found');
  });

  it('tells malformed JSON from a body of the wrong shape', async () => {
    const api = t.api(t.admin.token);
    const malformed = await api('PUT', '/v1/brands', '{"brands": [');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('invalid_json');
    const wrong = await api('PUT', '/v1/brands', { brands: 'Acme' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatchObject({ code: 'invalid_body', field: 'brands' });
  });

  it('refuses a body over the size limit', async () => {
    const huge = JSON.stringify({ brands: [{ name: 'Acme', aliases: ['x'.repeat(5 * 1024 * 1024)] }] });
    const res = await t.api(t.admin.token)('PUT', '/v1/brands', huge);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
  });

  it('hides what went wrong inside behind a generic 500', async () => {
    const broken = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 2000 }) }),
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const app = createApp({ db: broken, kind: 'postgres' });
      const res = await apiClient((path, init) => app.request(path, init))(t.admin.token)('GET', '/v1/me');
      expect(res.status).toBe(500);
      expect(res.json).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
      await broken.destroy();
    }
  });
});

describe('CORS', () => {
  it('lets any origin send the Authorization header', async () => {
    const res = await t.app.request('/v1/interactions', {
      method: 'OPTIONS',
      headers: { origin: 'https://x.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('marks error answers too, so the page can read them', async () => {
    const res = await t.app.request('/v1/me', { headers: { origin: 'https://x.com' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
