import { Hono } from 'hono';
import { z } from 'zod/mini';
import { classify } from '../../lib/classify';
import { HandleSchema, InteractionInputSchema, PlatformSchema } from '../../lib/schemas';
import type { AppEnv, Db } from '../app-env';
import { requireRole } from '../auth';
import { listInteractions, logInteraction } from '../db/interactions';
import { validate } from '../validate';

/** An empty query parameter (`?platform=`) means "not given". */
const omitted = z.transform((v: unknown) => (v === '' ? undefined : v));
const optional = <T extends z.core.$ZodType>(schema: T) => z.pipe(omitted, z.optional(schema));

const ListQuerySchema = z.object({
  limit: z.pipe(omitted, z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50)),
  platform: optional(PlatformSchema),
  handle: optional(HandleSchema),
});

/** `/v1/interactions`: replies the team logged. */
export function interactionsRoutes(db: Db) {
  return new Hono<AppEnv>()
    .post('/', requireRole('admin', 'agent'), validate('json', InteractionInputSchema), async (c) => {
      const input = c.req.valid('json');
      // Logs from other tools may come without a sentiment: read it from the post, as the extension does.
      const sentiment = input.sentiment ?? (input.postText ? classify(input.postText).sentiment : undefined);
      const { interaction, created } = await logInteraction(db, c.var.team.id, c.var.agent.id, { ...input, sentiment });
      return created ? c.json({ interaction, created }, 201) : c.json({ interaction, created }, 200);
    })
    .get('/', validate('query', ListQuerySchema), async (c) => {
      const interactions = await listInteractions(db, c.var.team.id, c.req.valid('query'));
      return c.json({ interactions });
    });
}
