import { Hono } from 'hono';
import { z } from 'zod';
import { classify } from '../../lib/classify';
import { HandleSchema, InteractionInputSchema, PlatformSchema } from '../../lib/schemas';
import type { AppEnv, Db } from '../app-env';
import { requireRole } from '../auth';
import { listInteractions, logInteraction } from '../db/interactions';
import { validate } from '../validate';

/** An empty query parameter (`?platform=`) means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const ListQuerySchema = z.object({
  limit: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(200).default(50)),
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
