import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { InteractionInputRaw, TeamCreated } from '../../lib/schemas';
import { createApp } from '../../server/app';
import { openDatabase } from '../../server/db';
import { createAgent, createTeam } from '../../server/teams';

// Answers are arbitrary JSON checked by the tests' own assertions (and schemas where it matters).
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  json: T;
}

type FetchLike = (path: string, init: RequestInit) => Response | Promise<Response>;

/**
 * A small JSON client over `app.request` or real HTTP: `api(token)('GET', '/v1/me')`.
 * A string body is sent as is (to send malformed JSON); anything else is serialized.
 */
export function apiClient(fetchLike: FetchLike) {
  return (token?: string) =>
    async <T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> => {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetchLike(path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as T) : (undefined as T) };
    };
}

/** A valid interaction for POST /v1/interactions; every call gets a new id. */
export function interactionBody(overrides: Partial<InteractionInputRaw> = {}): InteractionInputRaw {
  return {
    id: randomUUID(),
    platform: 'x',
    postId: '1790000000000000001',
    postUrl: 'https://x.com/jane/status/1790000000000000001',
    customer: { handle: 'JaneDoe', name: 'Jane Doe', profileUrl: 'https://x.com/JaneDoe' },
    postText: '@AcmeAir my bag never arrived',
    postedAt: '2025-03-01T10:00:00.000Z',
    reply: 'Sorry Jane, we are on it: DM us your booking code.',
    outcome: 'moved_to_dm',
    sentiment: 'negative',
    brands: ['Acme Air'],
    repliedAt: '2025-03-01T10:20:00.000Z',
    ...overrides,
  };
}

/**
 * A fresh database in the throwaway PostgreSQL cluster, so test files never see each other's
 * rows; undefined when the PostgreSQL tests are skipped.
 */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const serverUrl = inject('postgresUrl');
  if (!serverUrl) return undefined;
  const name = `fr_${randomBytes(8).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Awaited<ReturnType<typeof openDatabase>>['db'];
  /** Team "Acme Care": its admin, an agent and a viewer. */
  admin: TeamCreated;
  agent: TeamCreated;
  viewer: TeamCreated;
  api: ReturnType<typeof apiClient>;
  close(): Promise<void>;
}

/** The app on an in-memory PGlite with one team, for `app.request()` route tests. */
export async function createTestApp(): Promise<TestApp> {
  const database = await openDatabase();
  const app = createApp({ db: database.db, kind: database.kind, version: 'test' });
  const admin = await createTeam(database.db, 'Acme Care');
  const agent = await createAgent(database.db, admin.teamId, 'Sam', 'agent');
  const viewer = await createAgent(database.db, admin.teamId, 'Vee', 'viewer');
  return {
    app,
    db: database.db,
    admin,
    agent,
    viewer,
    api: apiClient((path, init) => app.request(path, init)),
    close: database.close,
  };
}
