import { sql, type Kysely } from 'kysely';
import type { CustomerHistory, Platform } from '../../lib/schemas';
import { handleKey, listInteractions } from './interactions';
import type { Database } from './schema';

const HISTORY_LIMIT = 50;

/** What the team knows of one customer; an unknown customer is an empty history, not an error. */
export async function customerHistory(
  db: Kysely<Database>,
  teamId: string,
  platform: Platform,
  handle: string,
): Promise<CustomerHistory> {
  const customer = await db
    .selectFrom('customers')
    .select(['id', 'handle', 'name', 'first_seen_at', 'last_seen_at'])
    .where('team_id', '=', teamId)
    .where('platform', '=', platform)
    .where('handle_key', '=', handleKey(handle))
    .executeTakeFirst();
  if (!customer) {
    return {
      platform,
      handle: handle.replace(/^@+/, ''),
      name: null,
      interactionCount: 0,
      firstSeenAt: null,
      lastSeenAt: null,
      lastOutcome: null,
      interactions: [],
    };
  }
  const [{ count }, interactions] = await Promise.all([
    db
      .selectFrom('interactions')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('team_id', '=', teamId)
      .where('customer_id', '=', customer.id)
      .executeTakeFirstOrThrow(),
    listInteractions(db, teamId, { customerId: customer.id, limit: HISTORY_LIMIT }),
  ]);
  return {
    platform,
    handle: customer.handle,
    name: customer.name,
    interactionCount: count,
    firstSeenAt: customer.first_seen_at.toISOString(),
    lastSeenAt: customer.last_seen_at.toISOString(),
    lastOutcome: interactions[0]?.outcome ?? null,
    interactions,
  };
}

/**
 * How many interactions the team had with each of these customers, in one query: the overlays of
 * a timeline ask for a batch of authors at a time. Keyed by each handle as given.
 */
export async function customerCounts(db: Kysely<Database>, teamId: string, platform: Platform, handles: string[]): Promise<Record<string, number>> {
  const keys = [...new Set(handles.map(handleKey))];
  const rows = await db
    .selectFrom('customers as c')
    .leftJoin('interactions as i', (join) => join.onRef('i.customer_id', '=', 'c.id').onRef('i.team_id', '=', 'c.team_id'))
    .select(['c.handle_key', sql<number>`count(i.id)::int`.as('count')])
    .where('c.team_id', '=', teamId)
    .where('c.platform', '=', platform)
    .where('c.handle_key', 'in', keys)
    .groupBy('c.handle_key')
    .execute();
  const byKey = new Map(rows.map((r) => [r.handle_key, r.count]));
  return Object.fromEntries(handles.map((h) => [h, byKey.get(handleKey(h)) ?? 0]));
}
