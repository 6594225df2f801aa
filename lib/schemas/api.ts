import { z } from 'zod/mini';

/** Every error the backend answers with. `field` names the first offending field of a body. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
    issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const HealthSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
});
export type Health = z.infer<typeof HealthSchema>;

export const RoleSchema = z.enum(['admin', 'agent', 'viewer']);
export type Role = z.infer<typeof RoleSchema>;

export const MeSchema = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  agent: z.object({ id: z.string(), name: z.string(), role: RoleSchema }),
});
export type Me = z.infer<typeof MeSchema>;

export const TeamCreatedSchema = z.object({ teamId: z.string(), agentId: z.string(), token: z.string() });
export type TeamCreated = z.infer<typeof TeamCreatedSchema>;

/** Turns a zod error path into the dotted field name our error bodies use: `customer.handle`, `brands.0.name`. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}
