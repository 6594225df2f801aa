import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { migrateToLatest } from './migrate';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type { Database } from './schema';
export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite's folder (created if missing); undefined, '' or 'memory://' keeps it in memory. */
  dataDir?: string;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** Opens PostgreSQL or PGlite and migrates it to the latest schema. */
export async function openDatabase({ databaseUrl, dataDir }: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (databaseUrl) return finishOpening('postgres', new Kysely<Database>({ dialect: postgresDialect(databaseUrl) }));

  const inMemory = !dataDir || dataDir === 'memory://';
  let unlock = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  try {
    const pglite = new PGlite(inMemory ? undefined : dataDir);
    return await finishOpening('pglite', new Kysely<Database>({ dialect: new PGliteDialect(pglite) }), unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}

function postgresDialect(connectionString: string): PostgresDialect {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (err) => console.error('PostgreSQL connection error:', err.message));
  return new PostgresDialect({ pool });
}

async function finishOpening(kind: DatabaseKind, db: Kysely<Database>, onClose = () => {}): Promise<DatabaseHandle> {
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= db.destroy().finally(onClose));
  try {
    await migrateToLatest(db);
  } catch (err) {
    await close();
    throw err;
  }
  return { db, kind, close };
}
