/**
 * The backend's command line (`npm run server -- <command>`):
 *   serve (default)                          start the API
 *   create-team "<name>"                     print {"teamId","agentId","token"} of a new team's admin
 *   create-agent <teamId> "<name>" [role]    print the same for a new agent (role: admin | agent | viewer)
 */
import { RoleSchema } from '../lib/schemas';
import { openDatabase } from './db';
import { startServer } from './index';
import { createAgent, createTeam } from './teams';

const env = {
  port: parsePort(process.env.PORT),
  host: process.env.HOST || '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.FIRSTREPLY_DATA || './data',
};

const USAGE = `Usage:
  npm run server                                   start the backend
  npm run server -- create-team "<name>"           create a team and its admin token
  npm run server -- create-agent <teamId> "<name>" [admin|agent|viewer]`;

async function serve(): Promise<void> {
  const server = await startServer(env);
  const where = server.kind === 'postgres' ? `postgres: ${describeDatabaseUrl(env.databaseUrl ?? '')}` : `pglite: ${env.dataDir}`;
  console.log(`Firstreply backend on ${server.url} (${where})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second Ctrl+C does not wait
    stopping = true;
    console.log(`${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** With the database open only for the command, so it can run while no server holds a PGlite folder. */
async function withDatabase<T>(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

/** Host, port and database of a connection string, without the credentials. */
function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function parsePort(value: string | undefined): number {
  if (!value) return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, not "${value}".`);
  return port;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(args: string[]): Promise<void> {
  const [command = 'serve', ...rest] = args;
  switch (command) {
    case 'serve':
      return serve();
    case 'create-team': {
      const [name] = rest;
      if (!name?.trim() || rest.length > 1) fail(`create-team needs one name.\n${USAGE}`);
      console.log(JSON.stringify(await withDatabase((db) => createTeam(db, name))));
      return;
    }
    case 'create-agent': {
      const [teamId, name, role = 'agent'] = rest;
      if (!teamId || !name?.trim() || rest.length > 3) fail(`create-agent needs a team id and a name.\n${USAGE}`);
      const parsedRole = RoleSchema.safeParse(role);
      if (!parsedRole.success) fail(`Unknown role "${role}": use admin, agent or viewer.`);
      console.log(JSON.stringify(await withDatabase((db) => createAgent(db, teamId, name, parsedRole.data))));
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      fail(`Unknown command "${command}".\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
