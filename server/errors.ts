import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../lib/schemas';

type ErrorDetails = ApiError['error'];

/** An answer with the shared error body; thrown from anywhere, rendered by `onError`. */
export class ApiFailure extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly details: ErrorDetails,
  ) {
    super(status, { message: details.message });
  }
}

export const unauthorized = (message: string) => new ApiFailure(401, { code: 'unauthorized', message });
export const forbidden = (message: string) => new ApiFailure(403, { code: 'forbidden', message });

const CODES: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
};

export function renderError(err: Error, c: Context): Response {
  if (err instanceof ApiFailure) return c.json({ error: err.details }, err.status);
  if (err instanceof HTTPException) {
    return c.json({ error: { code: CODES[err.status] ?? 'http_error', message: err.message || 'Request failed' } }, err.status);
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, err);
  return c.json({ error: { code: 'internal', message: 'Internal server error' } }, 500);
}

export function renderNotFound(c: Context): Response {
  return c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, 404);
}
