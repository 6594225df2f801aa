/**
 * The backend over real HTTP, once on embedded PGlite and once on PostgreSQL: the same
 * behaviour, the real CLI, restarts and migrations.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ApiErrorSchema,
  CustomerHistorySchema,
  HealthSchema,
  InteractionCreatedSchema,
  MeSchema,
  MetricsSummarySchema,
  TeamCreatedSchema,
  type TeamCreated,
} from '../../lib/schemas';
import { COUNTS_FALLBACK_MAX, createApiClient } from '../../lib/api';
import { openDatabase } from '../../server/db';
import { startServer, type RunningServer } from '../../server/index';
import { createAgent, createTeam } from '../../server/teams';
import { apiClient, createPostgresDatabase, interactionBody } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

type Kind = 'pglite' | 'postgres';

interface Storage {
  /** What the CLI reads. */
  env: Record<string, string>;
  /** What startServer and openDatabase take. */
  options: { dataDir?: string; databaseUrl?: string };
  dispose(): Promise<void>;
}

async function createStorage(kind: Kind): Promise<Storage> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'firstreply-http-'));
    return {
      env: { FIRSTREPLY_DATA: dataDir, DATABASE_URL: '' },
      options: { dataDir },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const database = await createPostgresDatabase();
  if (!database) throw new Error('no PostgreSQL server to test against');
  return { env: { DATABASE_URL: database.url }, options: { databaseUrl: database.url }, dispose: database.drop };
}

/** Runs `tsx server/main.ts <args>` and collects its output. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(TSX, ['server/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('exit', (code) => ok({ code, stdout, stderr }));
  });
}

const kinds: Kind[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
if (!kinds.includes('postgres')) describe.skip('over HTTP on postgres (FIRSTREPLY_SKIP_POSTGRES=1)', () => it('is skipped', () => {}));

describe.each(kinds)('over HTTP on %s', (kind) => {
  let storage: Storage;
  let server: RunningServer | undefined;
  let teamA: TeamCreated; // made by the CLI
  let agentA: TeamCreated;
  let teamB: TeamCreated;
  const api = (token?: string) => apiClient((path, init) => fetch(server!.url + path, init))(token);

  beforeAll(async () => {
    storage = await createStorage(kind);
    // Before the server starts: a PGlite folder has one user at a time.
    const cli = await runCli(['create-team', 'Acme Care'], storage.env);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const lines = cli.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    teamA = TeamCreatedSchema.parse(JSON.parse(lines[0]!));
    expect(teamA.token).toMatch(/^fr_[\w-]{43}$/);

    server = await startServer({ port: 0, ...storage.options });
    agentA = await createAgent(server.db, teamA.teamId, 'Sam', 'agent');
    teamB = await createTeam(server.db, 'Other Care');
  });

  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it('reports health without a token', async () => {
    const res = await api()('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(HealthSchema.parse(res.json)).toMatchObject({ ok: true, database: kind });
    expect(server!.kind).toBe(kind);
  });

  it('turns away a missing or wrong token', async () => {
    for (const token of [undefined, 'fr_wrong', teamA.token.slice(0, -1)]) {
      const res = await api(token)('GET', '/v1/me');
      expect(res.status).toBe(401);
      expect(ApiErrorSchema.parse(res.json).error.code).toBe('unauthorized');
    }
  });

  it('accepts the token the CLI printed', async () => {
    const res = await api(teamA.token)('GET', '/v1/me');
    expect(res.status).toBe(200);
    expect(MeSchema.parse(res.json)).toEqual({
      team: { id: teamA.teamId, name: 'Acme Care' },
      agent: { id: teamA.agentId, name: 'Admin', role: 'admin' },
    });
  });

  it('saves and serves the team brands, for admins only', async () => {
    const brands = [{ name: 'Acme Air', handles: ['@AcmeAir'] }, { name: 'SkyJet', competitor: true }];
    const put = await api(teamA.token)('PUT', '/v1/brands', { brands });
    expect(put.status).toBe(200);
    const got = await api(agentA.token)('GET', '/v1/brands');
    expect(got.json).toEqual(put.json);
    expect(got.json.brands.map((b: { name: string; handles: string[] }) => [b.name, b.handles])).toEqual([
      ['Acme Air', ['AcmeAir']],
      ['SkyJet', []],
    ]);

    const bad = await api(teamA.token)('PUT', '/v1/brands', { brands: [{ name: '' }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid_body', field: 'brands.0.name' });

    const byAgent = await api(agentA.token)('PUT', '/v1/brands', { brands: [] });
    expect(byAgent.status).toBe(403);
    expect(byAgent.json.error.code).toBe('forbidden');
    expect((await api(teamA.token)('GET', '/v1/brands')).json.brands).toHaveLength(2);
  });

  it('logs an interaction once, however often it is sent', async () => {
    const body = interactionBody({ customer: { handle: 'JaneDoe', name: 'Jane Doe' } });
    const first = await api(agentA.token)('POST', '/v1/interactions', body);
    expect(first.status).toBe(201);
    expect(InteractionCreatedSchema.parse(first.json)).toMatchObject({ created: true, interaction: { id: body.id, agentName: 'Sam' } });

    const again = await api(agentA.token)('POST', '/v1/interactions', body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ created: false, interaction: first.json.interaction });

    const history = await api(agentA.token)('GET', '/v1/customers/x/JaneDoe');
    expect(history.json.interactionCount).toBe(1);
  });

  it('stores exactly one row for 20 simultaneous uploads of one id', async () => {
    const body = interactionBody({ customer: { handle: 'RetryRita' } });
    const answers = await Promise.all(Array.from({ length: 20 }, () => api(agentA.token)('POST', '/v1/interactions', body)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(19);
    expect(new Set(answers.map((a) => a.json.interaction.createdAt)).size).toBe(1);
    const rows = await server!.db.selectFrom('interactions').select('id').where('id', '=', body.id).execute();
    expect(rows).toHaveLength(1);
    expect((await api(agentA.token)('GET', '/v1/customers/x/retryrita')).json.interactionCount).toBe(1);
  });

  it('finds a customer whatever the case, with or without @', async () => {
    const res = await api(teamA.token)('GET', '/v1/customers/x/@JANEDOE');
    expect(res.status).toBe(200);
    expect(CustomerHistorySchema.parse(res.json)).toMatchObject({
      handle: 'JaneDoe',
      name: 'Jane Doe',
      interactionCount: 1,
      lastOutcome: 'moved_to_dm',
    });
    const invalid = await api(teamA.token)('GET', '/v1/customers/friendster/jane');
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.field).toBe('platform');
  });

  it('keeps teams apart', async () => {
    const seenByB = await api(teamB.token)('GET', '/v1/customers/x/janedoe');
    expect(seenByB.json).toMatchObject({ interactionCount: 0, name: null, interactions: [] });
    expect((await api(teamB.token)('GET', '/v1/interactions')).json.interactions).toEqual([]);

    // The same client-made id in another team is that team's own row.
    const aRow = (await api(teamA.token)('GET', '/v1/interactions?limit=1&handle=JaneDoe')).json.interactions[0];
    const fromB = await api(teamB.token)('POST', '/v1/interactions', interactionBody({ id: aRow.id, reply: 'Team B here', customer: { handle: 'JaneDoe' } }));
    expect(fromB.status).toBe(201);
    expect(fromB.json.interaction).toMatchObject({ id: aRow.id, reply: 'Team B here', agentId: teamB.agentId });

    const aAfter = await api(teamA.token)('GET', '/v1/customers/x/janedoe');
    expect(aAfter.json.interactionCount).toBe(1);
    expect(aAfter.json.interactions[0]).toEqual(aRow);
    expect((await api(teamB.token)('GET', '/v1/customers/x/janedoe')).json.interactionCount).toBe(1);
  });

  it('counts a batch of customers in one request, per team, naming a bad field', async () => {
    const counts = (token: string, body: unknown) => api(token)('POST', '/v1/customers/counts', body);
    const a = await counts(agentA.token, { platform: 'x', handles: ['JaneDoe', '@RETRYRITA', 'nobody_here'] });
    expect(a.status).toBe(200);
    expect(a.json).toEqual({ counts: { JaneDoe: 1, RETRYRITA: 1, nobody_here: 0 } });
    expect((await counts(teamB.token, { platform: 'x', handles: ['janedoe', 'retryrita'] })).json).toEqual({ counts: { janedoe: 1, retryrita: 0 } });
    expect((await counts(teamA.token, { platform: 'reddit', handles: ['janedoe'] })).json).toEqual({ counts: { janedoe: 0 } });

    const tooMany = await counts(teamA.token, { platform: 'x', handles: Array.from({ length: 501 }, (_, i) => `h${i}`) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error).toMatchObject({ code: 'invalid_body', field: 'handles' });
    expect((await counts(teamA.token, { platform: 'myspace', handles: ['tom'] })).json.error.field).toBe('platform');
    expect((await counts(teamA.token, { platform: 'x', handles: [''] })).json.error.field).toBe('handles.0');
    expect((await counts('not-a-token', { platform: 'x', handles: ['janedoe'] })).status).toBe(401);
  });

  it("gives the extension's client counts from the batch route, or customer by customer from a backend without it", async () => {
    const current = createApiClient({ backendUrl: server!.url, token: teamA.token });
    expect(await current.historyCounts('x', ['JaneDoe', 'nobody_here'])).toEqual({ counts: { JaneDoe: 1, nobody_here: 0 } });

    // An older backend (served under /older here): the batch route is unknown there, and this
    // server answers it with its own 404 for an unknown route.
    const asked: string[] = [];
    const older = () =>
      createApiClient({
        backendUrl: `${server!.url}/older`,
        token: teamA.token,
        fetch: (input, init) => {
          const path = new URL(String(input)).pathname.replace(/^\/older/, '');
          asked.push(`${init?.method} ${path}`);
          return fetch(server!.url + (path === '/v1/customers/counts' ? '/v1/customers/counts-unknown' : path), init);
        },
      });
    const handles = ['JaneDoe', 'RetryRita', 'nobody_here', ...Array.from({ length: COUNTS_FALLBACK_MAX }, (_, i) => `h${i}`)];
    const { counts } = await older().historyCounts('x', handles);
    expect(counts).toMatchObject({ JaneDoe: 1, RetryRita: 1, nobody_here: 0 });
    // The first COUNTS_FALLBACK_MAX customers, one lookup each, after one refused batch.
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(handles.slice(0, COUNTS_FALLBACK_MAX)));
    expect(Object.keys(counts)).toHaveLength(COUNTS_FALLBACK_MAX);
    expect(asked.filter((a) => a === 'POST /v1/customers/counts')).toHaveLength(1);
    expect(asked.filter((a) => a.startsWith('GET /v1/customers/x/'))).toHaveLength(COUNTS_FALLBACK_MAX);

    // That backend is remembered: the next batch goes customer by customer at once.
    asked.length = 0;
    expect((await older().historyCounts('x', ['JaneDoe'])).counts).toEqual({ JaneDoe: 1 });
    expect(asked).toEqual(['GET /v1/customers/x/JaneDoe']);

    // One customer the backend refuses (a 400 for a handle over 200 characters) costs only that count.
    asked.length = 0;
    expect((await older().historyCounts('x', ['JaneDoe', 'h'.repeat(201)])).counts).toEqual({ JaneDoe: 1 });
    expect(asked).toHaveLength(2);

    // Any other failure is the caller's to handle, as before.
    await expect(createApiClient({ backendUrl: server!.url, token: 'fr_wrong' }).historyCounts('x', ['JaneDoe'])).rejects.toMatchObject({ status: 401 });
  });

  it('sums up the team', async () => {
    const team = await createTeam(server!.db, 'Metrics Care');
    const posted = '2025-03-01T10:00:00.000Z';
    const logs = [
      interactionBody({ outcome: 'resolved_first_response', postedAt: posted, repliedAt: '2025-03-01T10:06:00.000Z' }),
      interactionBody({ outcome: 'resolved_first_response', postedAt: posted, repliedAt: '2025-03-01T10:30:00.000Z' }),
      interactionBody({ outcome: 'resolved_first_response', postedAt: posted, repliedAt: '2025-03-01T13:00:00.000Z' }),
      interactionBody({ outcome: 'needs_follow_up', postedAt: posted, repliedAt: '2025-03-01T11:00:00.000Z' }),
    ];
    for (const body of logs) expect((await api(team.token)('POST', '/v1/interactions', body)).status).toBe(201);
    const res = await api(team.token)('GET', '/v1/metrics/summary');
    expect(MetricsSummarySchema.parse(res.json)).toEqual({
      interactions: 4,
      resolvedFirstResponse: 3,
      firstResponseResolutionRate: 0.75,
      medianResponseMinutes: 45, // of 6, 30, 60, 180
      byOutcome: { resolved_first_response: 3, needs_follow_up: 1, moved_to_dm: 0 },
    });
  });

  it('runs the CLI beside a running server: shares PostgreSQL, refuses a PGlite folder in use', async () => {
    const cli = await runCli(['create-agent', teamA.teamId, 'Vee', 'viewer'], storage.env);
    if (kind === 'postgres') {
      expect(cli.code).toBe(0);
      const viewer = TeamCreatedSchema.parse(JSON.parse(cli.stdout));
      expect((await api(viewer.token)('GET', '/v1/me')).json.agent).toMatchObject({ name: 'Vee', role: 'viewer' });
      expect((await api(viewer.token)('POST', '/v1/interactions', interactionBody())).status).toBe(403);
    } else {
      expect(cli.code).toBe(1);
      expect(cli.stdout).toBe('');
      expect(cli.stderr).toContain(`in use by process ${process.pid}`);
      expect((await api(teamA.token)('GET', '/v1/me')).status).toBe(200);
    }
  });

  it('answers malformed JSON and unknown routes with JSON errors', async () => {
    const malformed = await fetch(`${server!.url}/v1/interactions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentA.token}`, 'content-type': 'application/json' },
      body: '{"id": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('invalid_json');

    const unknown = await api(teamA.token)('GET', '/v1/tickets');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');
    expect(unknown.json.error.code).toBe('not_found');
  });

  it('keeps its data across a restart of the real server process', async () => {
    await server!.close();
    server = undefined;

    const child = spawn(TSX, ['server/main.ts'], { cwd: ROOT, env: { ...process.env, ...storage.env, PORT: '0', HOST: '127.0.0.1' } });
    let output = '';
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((ok) => child.on('exit', ok));
    const url = await new Promise<string>((ok, fail) => {
      child.stdout.on('data', (d) => {
        output += d;
        const found = /Firstreply backend on (http:\/\/\S+) \((pglite|postgres): /.exec(output);
        if (found) ok(found[1]!);
      });
      void exited.then(() => fail(new Error(`the server exited: ${output}`)));
    });
    expect(output).toContain(`(${kind}: `);

    const remote = (token: string) => apiClient((path, init) => fetch(url + path, init))(token);
    expect((await remote(teamA.token)('GET', '/v1/brands')).json.brands).toHaveLength(2);
    expect((await remote(agentA.token)('GET', '/v1/customers/x/janedoe')).json.interactionCount).toBe(1);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    if (storage.options.dataDir) expect(existsSync(join(storage.options.dataDir, 'firstreply.lock'))).toBe(false);
  });

  it('migrates once, however often it is opened', async () => {
    const migrationNames = async () => {
      const database = await openDatabase(storage.options);
      try {
        const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
        return rows.map((r) => r.name);
      } finally {
        await database.close();
      }
    };
    expect(await migrationNames()).toEqual(['0001_initial']);
    expect(await migrationNames()).toEqual(['0001_initial']);
  });
});

describe.runIf(kinds.includes('postgres'))('PostgreSQL shared by several servers', () => {
  it('lets several processes migrate a new database at once', async () => {
    const fresh = await createStorage('postgres');
    try {
      const runs = await Promise.all(['One', 'Two', 'Three'].map((name) => runCli(['create-team', name], fresh.env)));
      expect(runs.map((r) => [r.code, r.stderr])).toEqual([[0, ''], [0, ''], [0, '']]);
      const database = await openDatabase(fresh.options);
      try {
        const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(database.db);
        expect(rows.map((r) => r.name)).toEqual(['0001_initial']);
        const teams = await database.db.selectFrom('teams').select('name').orderBy('name').execute();
        expect(teams.map((t) => t.name)).toEqual(['One', 'Three', 'Two']);
      } finally {
        await database.close();
      }
    } finally {
      await fresh.dispose();
    }
  });
});

describe('a stopping server', () => {
  it('finishes the request it is answering and answers none after it, on that keep-alive connection either', async () => {
    const storage = await createStorage('pglite');
    const server = await startServer({ port: 0, ...storage.options });
    try {
      const team = await createTeam(server.db, 'Acme Care');
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const send = (method: string, path: string, body?: (req: http.ClientRequest) => Promise<void>) =>
        new Promise<{ status: number; connection?: string }>((ok, fail) => {
          const req = http.request(server.url + path, {
            method,
            agent,
            headers: { authorization: `Bearer ${team.token}`, 'content-type': 'application/json' },
          });
          req.on('response', (res) => {
            res.resume();
            res.on('end', () => ok({ status: res.statusCode!, connection: res.headers.connection }));
          });
          req.on('error', fail);
          if (body) void body(req).catch(fail);
          else req.end();
        });

      expect((await send('GET', '/v1/health')).status).toBe(200);
      // A request on the kept-alive connection that is still coming in when the server is told to stop.
      let closed: Promise<void> | undefined;
      const answer = send('PUT', '/v1/brands', async (req) => {
        req.write('{"brands":[{"name":');
        await new Promise((r) => setTimeout(r, 300));
        closed = server.close();
        await new Promise((r) => setTimeout(r, 100));
        req.end('"Acme Air"}]}');
      });
      expect(await answer).toEqual({ status: 200, connection: 'close' });
      await expect(send('GET', '/v1/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await closed;
      agent.destroy();
    } finally {
      await server.close();
      await storage.dispose();
    }
  });

  it('answers every request sent one after another on a connection (pipelined) before closing it', async () => {
    const storage = await createStorage('pglite');
    const server = await startServer({ port: 0, ...storage.options });
    try {
      const team = await createTeam(server.db, 'Acme Care');
      const socket = connect(server.port, '127.0.0.1');
      await new Promise((ok) => socket.once('connect', ok));
      let received = '';
      socket.on('data', (d) => (received += d));
      const ended = new Promise((ok) => socket.once('close', ok));
      const body = '{"brands":[{"name":"Acme Air"}]}';
      socket.write(`PUT /v1/brands HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${team.token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
      await new Promise((r) => setTimeout(r, 300));
      const closed = server.close();
      // The rest of the first request, and a second one behind it on the same connection.
      socket.write(`${body.slice(10)}GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n`);
      await ended;
      await closed;
      // Both answered, in order; then the server closed the connection (the test waited for that).
      const answers = received.split(/(?=HTTP\/1\.1 )/);
      expect(answers.map((a) => a.slice(0, 12))).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
      expect(answers[0]).toContain('"name":"Acme Air"');
      expect(answers[1]).toContain('"ok":true');
    } finally {
      await server.close();
      await storage.dispose();
    }
  });
});
