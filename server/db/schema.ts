import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../lib/schemas';

/** timestamptz: read as Date, written as an ISO string or a Date. */
type Timestamp = ColumnType<Date, string | Date, string | Date>;
type CreatedAt = ColumnType<Date, string | Date | undefined, never>;
/** jsonb: read parsed, written as JSON text (both drivers pass strings through unchanged). */
type Json<T> = ColumnType<T, string, string>;

export interface TeamsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface AgentsTable {
  id: string;
  team_id: string;
  name: string;
  role: Role;
  created_at: CreatedAt;
}

export interface ApiTokensTable {
  id: string;
  agent_id: string;
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
}

export interface BrandsTable {
  team_id: string;
  position: number;
  name: string;
  /** The whole Brand as the team saved it. */
  data: Json<unknown>;
}

export interface CustomersTable {
  id: string;
  team_id: string;
  platform: string;
  /** As the platform shows it, without the leading @. */
  handle: string;
  /** Lowercased handle: customers are matched case-insensitively. */
  handle_key: string;
  name: string | null;
  profile_url: string | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface InteractionsTable {
  team_id: string;
  /** Made by the client; unique per team so a retried upload stores one row. */
  id: string;
  customer_id: string;
  agent_id: string;
  platform: string;
  post_id: string;
  post_url: string;
  post_text: string;
  posted_at: ColumnType<Date | null, string | null, string | null>;
  reply: string;
  outcome: string;
  sentiment: string | null;
  brands: Json<string[]>;
  replied_at: Timestamp;
  created_at: CreatedAt;
}

export interface Database {
  teams: TeamsTable;
  agents: AgentsTable;
  api_tokens: ApiTokensTable;
  brands: BrandsTable;
  customers: CustomersTable;
  interactions: InteractionsTable;
}
