import { sql, type Kysely, type Migration } from 'kysely';

const now = sql`now()`;

export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute();

    await db.schema
      .createTable('agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'agent', 'viewer')`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema.createIndex('agents_team_idx').on('agents').column('team_id').execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('last_used_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('api_tokens_agent_idx').on('api_tokens').column('agent_id').execute();

    await db.schema
      .createTable('brands')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addPrimaryKeyConstraint('brands_pk', ['team_id', 'name'])
      .execute();

    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('handle', 'text', (c) => c.notNull())
      .addColumn('handle_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('profile_url', 'text')
      .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint('customers_handle_key', ['team_id', 'platform', 'handle_key'])
      .execute();

    await db.schema
      .createTable('interactions')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('id', 'uuid', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('post_id', 'text', (c) => c.notNull())
      .addColumn('post_url', 'text', (c) => c.notNull())
      .addColumn('post_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('posted_at', 'timestamptz')
      .addColumn('reply', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('sentiment', 'text')
      .addColumn('brands', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('replied_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addPrimaryKeyConstraint('interactions_pk', ['team_id', 'id'])
      .execute();
    // A customer's history and the team's latest replies, both newest first.
    await db.schema
      .createIndex('interactions_customer_idx')
      .on('interactions')
      .expression(sql`team_id, customer_id, replied_at desc`)
      .execute();
    await db.schema
      .createIndex('interactions_recent_idx')
      .on('interactions')
      .expression(sql`team_id, replied_at desc`)
      .execute();
  },
};
