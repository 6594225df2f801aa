import { z } from 'zod/mini';
import { ApiErrorSchema, HealthSchema, MeSchema } from './schemas/api';
import { BrandsBodySchema, type Brand } from './schemas/brand';
import {
  CustomerHistorySchema,
  HistoryCountsSchema,
  InteractionCreatedSchema,
  type HistoryCounts,
  InteractionSchema,
  MetricsSummarySchema,
  type InteractionInput,
} from './schemas/interaction';
import type { Platform } from './schemas/post';

/** The backend answered with an error body (4xx/5xx). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** 4xx other than 408/429: sending the same request again cannot succeed. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/** The backend could not be reached at all. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

export interface ApiClientOptions {
  backendUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** At most this many customers are looked up one by one when a backend cannot count a batch. */
export const COUNTS_FALLBACK_MAX = 40;
/** Lookups in flight at once in that case. */
const COUNTS_FALLBACK_PARALLEL = 4;
/**
 * Backends (by base URL) from before `POST /v1/customers/counts`: a team's backend may be older than
 * an extension that updated itself. Kept for the life of the background worker.
 */
const withoutCountsRoute = new Set<string>();

/** A typed client of the Firstreply backend; every answer is validated with the shared schemas. */
export function createApiClient({ backendUrl, token, fetch: fetchImpl = globalThis.fetch.bind(globalThis), timeoutMs = 10_000 }: ApiClientOptions) {
  const base = backendUrl.replace(/\/+$/, '');

  async function call<T extends z.ZodMiniType>(schema: T, method: string, path: string, body?: unknown): Promise<z.output<T>> {
    let res: Response;
    try {
      res = await fetchImpl(base + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new NetworkError(`Cannot reach the backend at ${base}: ${(err as Error).message}`);
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const parsed = ApiErrorSchema.safeParse(json);
      if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.field);
      throw new ApiError(res.status, 'http_error', `The backend answered ${res.status}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError(res.status, 'bad_response', `Unexpected answer from the backend for ${method} ${path}`);
    return parsed.data;
  }

  const getCustomer = (platform: Platform, handle: string) =>
    call(CustomerHistorySchema, 'GET', `/v1/customers/${platform}/${encodeURIComponent(handle.replace(/^@+/, ''))}`);

  return {
    health: () => call(HealthSchema, 'GET', '/v1/health'),
    me: () => call(MeSchema, 'GET', '/v1/me'),
    getBrands: () => call(BrandsBodySchema, 'GET', '/v1/brands'),
    putBrands: (brands: Brand[]) => call(BrandsBodySchema, 'PUT', '/v1/brands', { brands }),
    postInteraction: (body: InteractionInput) => call(InteractionCreatedSchema, 'POST', '/v1/interactions', body),
    listInteractions: (limit = 50) =>
      call(z.object({ interactions: z.array(InteractionSchema) }), 'GET', `/v1/interactions?limit=${limit}`),
    getCustomer,
    /**
     * Interaction counts of up to 500 customers, keyed by each handle as sent (without a leading @),
     * in one request. A backend without that route (404/405) is asked customer by customer instead,
     * for the first COUNTS_FALLBACK_MAX of them; the others are left out (no count shown).
     */
    async historyCounts(platform: Platform, handles: string[]): Promise<HistoryCounts> {
      if (!withoutCountsRoute.has(base)) {
        try {
          return await call(HistoryCountsSchema, 'POST', '/v1/customers/counts', { platform, handles });
        } catch (err) {
          if (!(err instanceof ApiError && (err.status === 404 || err.status === 405))) throw err;
          withoutCountsRoute.add(base);
        }
      }
      // Counts that came are kept when others fail; only a batch with none at all fails.
      const counts: Record<string, number> = {};
      let failure: unknown;
      const queue = handles.slice(0, COUNTS_FALLBACK_MAX);
      const worker = async () => {
        for (let handle = queue.shift(); handle !== undefined; handle = queue.shift()) {
          try {
            counts[handle] = (await getCustomer(platform, handle)).interactionCount;
          } catch (err) {
            failure ??= err;
          }
        }
      };
      await Promise.all(Array.from({ length: COUNTS_FALLBACK_PARALLEL }, worker));
      if (failure !== undefined && Object.keys(counts).length === 0) throw failure;
      return { counts };
    },
    metrics: () => call(MetricsSummarySchema, 'GET', '/v1/metrics/summary'),
  };
}
