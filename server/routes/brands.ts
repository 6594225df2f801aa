import { Hono } from 'hono';
import { BrandsBodySchema } from '../../lib/schemas';
import type { AppEnv, Db } from '../app-env';
import { requireRole } from '../auth';
import { listBrands, replaceBrands } from '../db/brands';
import { validate } from '../validate';

/** `/v1/brands`: the team-wide list every agent reads and admins save. */
export function brandsRoutes(db: Db) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ brands: await listBrands(db, c.var.team.id) }))
    .put('/', requireRole('admin'), validate('json', BrandsBodySchema), async (c) => {
      const { brands } = c.req.valid('json');
      await replaceBrands(db, c.var.team.id, brands);
      return c.json({ brands: await listBrands(db, c.var.team.id) });
    });
}
