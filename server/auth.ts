import type { MiddlewareHandler } from 'hono';
import type { Role } from '../lib/schemas';
import type { AppEnv, Db } from './app-env';
import { findCaller } from './db/tokens';
import { forbidden, unauthorized } from './errors';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Every request must carry `Authorization: Bearer <token>` of an agent. */
export function bearerAuth(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw unauthorized('Send an agent token: Authorization: Bearer <token>');
    const caller = await findCaller(db, token);
    if (!caller) throw unauthorized('This token is not valid');
    c.set('team', caller.team);
    c.set('agent', caller.agent);
    await next();
  };
}

/** Lets only the given roles through. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.var.agent;
    if (!roles.includes(role)) throw forbidden(`The ${role} role cannot do this (needs ${roles.join(' or ')})`);
    await next();
  };
}
