import { Hono } from 'hono';
import { z } from 'zod/mini';
import { HandleSchema, HistoryCountsRequestSchema, PlatformSchema } from '../../lib/schemas';
import type { AppEnv, Db } from '../app-env';
import { customerCounts, customerHistory } from '../db/customers';
import { validate } from '../validate';

const CustomerParamsSchema = z.object({ platform: PlatformSchema, handle: HandleSchema });

/**
 * `/v1/customers/:platform/:handle`: one customer's history with the team.
 * `POST /v1/customers/counts`: the interaction counts of up to 500 customers of one platform.
 */
export function customersRoutes(db: Db) {
  return new Hono<AppEnv>()
    .post('/counts', validate('json', HistoryCountsRequestSchema), async (c) => {
      const { platform, handles } = c.req.valid('json');
      return c.json({ counts: await customerCounts(db, c.var.team.id, platform, handles) });
    })
    .get('/:platform/:handle', validate('param', CustomerParamsSchema), async (c) => {
      const { platform, handle } = c.req.valid('param');
      return c.json(await customerHistory(db, c.var.team.id, platform, handle));
    });
}
