import { z } from 'zod/mini';
import { CountSchema, HandleSchema, PlatformSchema } from './schemas/post';

/**
 * The messages a content script receives (background → content), apart from the rest of the
 * protocol: a tab builds only these schemas when it starts.
 */
export const contentProtocol = {
  /** background → content: a customer's history changed (a log reached the backend). */
  historyChanged: {
    request: z.object({ platform: PlatformSchema, handle: HandleSchema, count: CountSchema }),
    response: z.object({}),
  },
} as const;
