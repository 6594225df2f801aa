import type { Kysely } from 'kysely';
import type { Role } from '../lib/schemas';
import type { Database } from './db';

/** Who is calling: set by the bearer-token middleware on every authenticated request. */
export interface Caller {
  team: { id: string; name: string };
  agent: { id: string; name: string; role: Role };
}

export interface AppEnv {
  Variables: Caller;
}

export type Db = Kysely<Database>;
