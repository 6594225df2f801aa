import { Hono } from 'hono';
import type { Health } from '../../lib/schemas';
import type { AppEnv } from '../app-env';
import type { DatabaseKind } from '../db';

/** `GET /v1/health`: the only route without a token. */
export function healthRoutes(version: string, database: DatabaseKind) {
  return new Hono<AppEnv>().get('/', (c) => c.json({ ok: true, version, database } satisfies Health));
}
