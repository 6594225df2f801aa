import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import type { z } from 'zod/mini';
import { fieldName } from '../lib/schemas';
import { ApiFailure } from './errors';

const CODES = { json: 'invalid_body', query: 'invalid_query', param: 'invalid_param' } as const;
type Target = keyof typeof CODES & keyof ValidationTargets;

/** The 400 answer for a zod failure: the first offending field, and every issue. */
export function invalid(target: Target, error: z.core.$ZodError): ApiFailure {
  const issues = error.issues.map((i) => ({ path: fieldName(i.path), message: i.message }));
  const first = issues[0] ?? { path: '', message: 'Invalid input' };
  return new ApiFailure(400, {
    code: CODES[target],
    message: first.path ? `${first.path}: ${first.message}` : first.message,
    ...(first.path ? { field: first.path } : {}),
    issues,
  });
}

/** `zValidator` whose failures are our JSON error bodies. */
export const validate = <T extends z.core.$ZodType, K extends Target>(target: K, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw invalid(target, result.error);
  });

/**
 * Parses a JSON body ahead of the validators (Hono caches it for them), so that
 * unparseable JSON is told apart from JSON of the wrong shape.
 */
export const rejectMalformedJson: MiddlewareHandler = async (c, next) => {
  if (/^application\/([\w.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '') && c.req.raw.body) {
    try {
      await c.req.json();
    } catch {
      throw new ApiFailure(400, { code: 'invalid_json', message: 'The request body is not valid JSON' });
    }
  }
  await next();
};
