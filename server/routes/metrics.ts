import { Hono } from 'hono';
import type { AppEnv, Db } from '../app-env';
import { metricsSummary } from '../db/metrics';

/** `/v1/metrics`: the team lead's numbers. */
export function metricsRoutes(db: Db) {
  return new Hono<AppEnv>().get('/summary', async (c) => c.json(await metricsSummary(db, c.var.team.id)));
}
