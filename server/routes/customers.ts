import { Hono } from 'hono';
import { z } from 'zod/mini';
import { HandleSchema, PlatformSchema } from '../../lib/schemas';
import type { AppEnv, Db } from '../app-env';
import { customerHistory } from '../db/customers';
import { validate } from '../validate';

const CustomerParamsSchema = z.object({ platform: PlatformSchema, handle: HandleSchema });

/** `/v1/customers/:platform/:handle`: one customer's history with the team. */
export function customersRoutes(db: Db) {
  return new Hono<AppEnv>().get('/:platform/:handle', validate('param', CustomerParamsSchema), async (c) => {
    const { platform, handle } = c.req.valid('param');
    return c.json(await customerHistory(db, c.var.team.id, platform, handle));
  });
}
