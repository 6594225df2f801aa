import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Caller } from '../app-env';
import type { Database } from './schema';

const TOUCH_INTERVAL_MS = 60_000;

/** A new agent token: `fr_` and 32 random bytes. */
export function newToken(): string {
  return `fr_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The team and agent a token belongs to, or undefined for an unknown token. */
export async function findCaller(db: Kysely<Database>, token: string): Promise<Caller | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('agents', 'agents.id', 'api_tokens.agent_id')
    .innerJoin('teams', 'teams.id', 'agents.team_id')
    .where('api_tokens.token_hash', '=', hashToken(token))
    .select([
      'api_tokens.id as tokenId',
      'api_tokens.last_used_at as lastUsedAt',
      'agents.id as agentId',
      'agents.name as agentName',
      'agents.role',
      'teams.id as teamId',
      'teams.name as teamName',
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  // Record use at most once a minute per token, so reads stay reads.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.tokenId).execute();
  }
  return {
    team: { id: row.teamId, name: row.teamName },
    agent: { id: row.agentId, name: row.agentName, role: row.role },
  };
}
