import { Hono } from 'hono';
import type { Me } from '../../lib/schemas';
import type { AppEnv } from '../app-env';

/** `GET /v1/me`: the team and agent the token belongs to. */
export function meRoutes() {
  return new Hono<AppEnv>().get('/', (c) => c.json({ team: c.var.team, agent: c.var.agent } satisfies Me));
}
