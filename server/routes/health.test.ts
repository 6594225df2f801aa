import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { HealthSchema } from '../../lib/schemas';
import { apiClient } from '../../test/server/helpers';
import { createApp } from '../app';
import type { Database } from '../db';

// A database nobody listens on: health must answer without touching it.
const unreachable = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 2000 }) }),
});
afterAll(() => unreachable.destroy());

describe('GET /v1/health', () => {
  const app = createApp({ db: unreachable, kind: 'postgres', version: '9.9.9' });
  const api = apiClient((path, init) => app.request(path, init))();

  it('answers without a token and says which database is in use', async () => {
    const res = await api('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(HealthSchema.parse(res.json)).toEqual({ ok: true, version: '9.9.9', database: 'postgres' });
  });

  it('reports the package version by default', async () => {
    const res = await apiClient((path, init) => createApp({ db: unreachable, kind: 'pglite' }).request(path, init))()('GET', '/v1/health');
    expect(res.json.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(res.json.database).toBe('pglite');
  });
});
