import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { cors } from 'hono/cors';
import '../lib/schemas/english';
import type { AppEnv, Db } from './app-env';
import { bearerAuth } from './auth';
import type { DatabaseKind } from './db';
import { ApiFailure, renderError, renderNotFound } from './errors';
import { brandsRoutes } from './routes/brands';
import { customersRoutes } from './routes/customers';
import { healthRoutes } from './routes/health';
import { interactionsRoutes } from './routes/interactions';
import { meRoutes } from './routes/me';
import { metricsRoutes } from './routes/metrics';
import { rejectMalformedJson } from './validate';

export interface AppOptions {
  db: Db;
  kind: DatabaseKind;
  /** Reported by /v1/health; the package version by default. */
  version?: string;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function createApp({ db, kind, version = packageVersion() }: AppOptions) {
  const app = new Hono<AppEnv>();

  // The extension and dashboards call from any origin; tokens travel in a header, never in cookies.
  app.use(
    '*',
    cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type'], allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'], maxAge: 600 }),
  );
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiFailure(413, { code: 'payload_too_large', message: `Bodies are limited to ${MAX_BODY_BYTES} bytes` });
      },
    }),
  );
  app.use('/v1/*', except('/v1/health', bearerAuth(db)));
  app.use('/v1/*', rejectMalformedJson);

  app.route('/v1/health', healthRoutes(version, kind));
  app.route('/v1/me', meRoutes());
  app.route('/v1/brands', brandsRoutes(db));
  app.route('/v1/interactions', interactionsRoutes(db));
  app.route('/v1/customers', customersRoutes(db));
  app.route('/v1/metrics', metricsRoutes(db));

  app.onError(renderError);
  app.notFound(renderNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;

function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    if (pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // Bundled or copied without package.json: report no version rather than fail.
  }
  return '0.0.0';
}
