import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import {
  OutcomeSchema,
  PlatformSchema,
  SentimentLabelSchema,
  type Interaction,
  type InteractionInput,
  type Platform,
} from '../../lib/schemas';
import type { CustomersTable, Database } from './schema';

export interface LogInteractionResult {
  interaction: Interaction;
  created: boolean;
}

class AlreadyLogged extends Error {}

/**
 * Stores a reply the agent logged, once: the client-made id is unique per team, and a
 * retried upload (even many at once) returns the stored row and changes nothing.
 */
export async function logInteraction(
  db: Kysely<Database>,
  teamId: string,
  agentId: string,
  input: InteractionInput,
): Promise<LogInteractionResult> {
  let created = true;
  try {
    await db.transaction().execute(async (trx) => {
      const customerId = await upsertCustomer(trx, teamId, input);
      const inserted = await trx
        .insertInto('interactions')
        .values({
          team_id: teamId,
          id: input.id,
          customer_id: customerId,
          agent_id: agentId,
          platform: input.platform,
          post_id: input.postId,
          post_url: input.postUrl,
          post_text: input.postText,
          posted_at: input.postedAt ?? null,
          reply: input.reply,
          outcome: input.outcome,
          sentiment: input.sentiment ?? null,
          brands: JSON.stringify(input.brands),
          replied_at: input.repliedAt,
        })
        .onConflict((oc) => oc.columns(['team_id', 'id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      // Roll back the customer update too: a retry must not change anything.
      if (!inserted) throw new AlreadyLogged();
    });
  } catch (err) {
    if (!(err instanceof AlreadyLogged)) throw err;
    created = false;
  }
  const [interaction] = await selectInteractions(db, teamId).where('interactions.id', '=', input.id).execute();
  if (!interaction) throw new Error(`Interaction ${input.id} vanished after logging`);
  return { interaction: toInteraction(interaction), created };
}

/**
 * One customer per team, platform and lowercased handle. The customer was "seen" when they
 * posted (or, without a post time, when we replied); name and handle follow the latest sighting.
 */
async function upsertCustomer(db: Kysely<Database>, teamId: string, input: InteractionInput): Promise<string> {
  const seenAt = input.postedAt ?? input.repliedAt;
  const isLatest = sql<boolean>`excluded.last_seen_at >= customers.last_seen_at`;
  const row = await db
    .insertInto('customers')
    .values({
      id: randomUUID(),
      team_id: teamId,
      platform: input.platform,
      handle: input.customer.handle,
      handle_key: handleKey(input.customer.handle),
      name: input.customer.name ?? null,
      profile_url: input.customer.profileUrl ?? null,
      first_seen_at: seenAt,
      last_seen_at: seenAt,
    })
    .onConflict((oc) =>
      oc.columns(['team_id', 'platform', 'handle_key']).doUpdateSet({
        handle: sql`case when ${isLatest} then excluded.handle else customers.handle end`,
        name: sql`case when ${isLatest} then coalesce(excluded.name, customers.name) else coalesce(customers.name, excluded.name) end`,
        profile_url: sql`case when ${isLatest} then coalesce(excluded.profile_url, customers.profile_url) else coalesce(customers.profile_url, excluded.profile_url) end`,
        first_seen_at: sql`least(customers.first_seen_at, excluded.first_seen_at)`,
        last_seen_at: sql`greatest(customers.last_seen_at, excluded.last_seen_at)`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** How a handle is compared: no leading @, case-insensitive. */
export function handleKey(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

export interface InteractionFilter {
  limit: number;
  platform?: Platform;
  handle?: string;
  customerId?: string;
}

/** The team's interactions, newest reply first. */
export async function listInteractions(db: Kysely<Database>, teamId: string, filter: InteractionFilter): Promise<Interaction[]> {
  let query = selectInteractions(db, teamId);
  if (filter.platform) query = query.where('interactions.platform', '=', filter.platform);
  if (filter.handle) query = query.where('customers.handle_key', '=', handleKey(filter.handle));
  if (filter.customerId) query = query.where('interactions.customer_id', '=', filter.customerId);
  const rows = await query
    .orderBy('interactions.replied_at', 'desc')
    .orderBy('interactions.created_at', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toInteraction);
}

function selectInteractions(db: Kysely<Database>, teamId: string) {
  return db
    .selectFrom('interactions')
    .innerJoin('customers', 'customers.id', 'interactions.customer_id')
    .innerJoin('agents', 'agents.id', 'interactions.agent_id')
    .where('interactions.team_id', '=', teamId)
    .selectAll('interactions')
    .select([
      'customers.handle as customer_handle',
      'customers.name as customer_name',
      'customers.profile_url as customer_profile_url',
      'agents.name as agent_name',
    ]);
}

type InteractionRow = Selectable<Database['interactions']> & {
  customer_handle: CustomersTable['handle'];
  customer_name: CustomersTable['name'];
  customer_profile_url: CustomersTable['profile_url'];
  agent_name: string;
};

function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    platform: PlatformSchema.parse(row.platform),
    postId: row.post_id,
    postUrl: row.post_url,
    customer: {
      handle: row.customer_handle,
      ...(row.customer_name !== null && { name: row.customer_name }),
      ...(row.customer_profile_url !== null && { profileUrl: row.customer_profile_url }),
    },
    postText: row.post_text,
    ...(row.posted_at && { postedAt: row.posted_at.toISOString() }),
    reply: row.reply,
    outcome: OutcomeSchema.parse(row.outcome),
    ...(row.sentiment !== null && { sentiment: SentimentLabelSchema.parse(row.sentiment) }),
    brands: row.brands,
    repliedAt: row.replied_at.toISOString(),
    agentId: row.agent_id,
    agentName: row.agent_name,
    createdAt: row.created_at.toISOString(),
  };
}
