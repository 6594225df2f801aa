import { Migrator, sql, type Kysely } from 'kysely';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

/** The same constant in every Firstreply process ("FR", 1). */
const MIGRATION_LOCK_KEY = 0x4652_0001;

/**
 * Brings the schema to the latest version. Several servers starting at once against one
 * PostgreSQL database take turns: the session-level advisory lock covers the whole run,
 * including creating Kysely's own bookkeeping tables.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    try {
      const { error, results } = await new Migrator({ db: conn, provider: migrationProvider }).migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName;
        throw new Error(`Database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    }
  });
}
