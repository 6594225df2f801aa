import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial';

/** Every schema version in order. Never edit a shipped migration: add the next one. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
