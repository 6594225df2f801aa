import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Role, TeamCreated } from '../lib/schemas';
import type { Database } from './db';
import { hashToken, newToken } from './db/tokens';

/** Creates a team with an admin agent named "Admin"; the token is shown once and only its hash kept. */
export async function createTeam(db: Kysely<Database>, name: string): Promise<TeamCreated> {
  const teamName = name.trim();
  if (!teamName) throw new Error('A team needs a name');
  return db.transaction().execute(async (trx) => {
    const teamId = randomUUID();
    await trx.insertInto('teams').values({ id: teamId, name: teamName }).execute();
    return insertAgent(trx, teamId, 'Admin', 'admin');
  });
}

/** Adds an agent (with a new token) to an existing team. */
export async function createAgent(db: Kysely<Database>, teamId: string, name: string, role: Role = 'agent'): Promise<TeamCreated> {
  const agentName = name.trim();
  if (!agentName) throw new Error('An agent needs a name');
  return db.transaction().execute(async (trx) => {
    const team = await trx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
    if (!team) throw new Error(`No team with id ${teamId}`);
    return insertAgent(trx, teamId, agentName, role);
  });
}

async function insertAgent(trx: Transaction<Database>, teamId: string, name: string, role: Role): Promise<TeamCreated> {
  const agentId = randomUUID();
  const token = newToken();
  await trx.insertInto('agents').values({ id: agentId, team_id: teamId, name, role }).execute();
  await trx.insertInto('api_tokens').values({ id: randomUUID(), agent_id: agentId, token_hash: hashToken(token) }).execute();
  return { teamId, agentId, token };
}
