import { z } from 'zod/mini';
import { CountSchema, HandleSchema, PlatformSchema, textUpTo } from './schemas/post';

/** What the content script did on one page: shown in the side panel's diagnostics. */
export const PageStatsSchema = z.object({
  url: textUpTo(2000),
  platform: PlatformSchema,
  /** Posts read in full. */
  read: CountSchema,
  /** Posts passed over: no brand in them. */
  passed: CountSchema,
  /** Post roots whose markup could not be read (the site may have changed). */
  skipped: CountSchema,
  /** Ads, passed over on purpose. */
  ads: CountSchema,
  /** Placeholders the site has not filled in yet. */
  loading: CountSchema,
  /** Deleted or removed posts shown as tombstones. */
  gone: CountSchema,
  /** Posts with an overlay. */
  annotated: CountSchema,
  at: z.string(),
});
export type PageStats = z.infer<typeof PageStatsSchema>;

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
  /**
   * side panel → content (the focused tab's top frame): the page's diagnostics, asked for while the
   * panel shows them, so a page nobody is looking at never spends a message on them.
   */
  pageStats: { request: z.object({}), response: PageStatsSchema },
  /**
   * → content (the post's tab, top frame): puts a reply into the site's own reply box for an
   * annotated post (`<platform>:<id>`, as its root's data-firstreply-post says), the way typing
   * would. A box not open yet is opened with the post's own Reply control where the site has one
   * (`SiteAdapter.replyControl`), the site being given `openWithinMs` (3 s unless said) to show it.
   * Nothing is sent: the agent reviews it and posts it on the site. `reason` says why not: the post
   * is no longer on the page, its reply box is not open and could not be opened, or the box would
   * not take the text.
   */
  fillReply: {
    request: z.object({
      post: textUpTo(320),
      text: z.string().check(z.minLength(1), z.maxLength(10_000)),
      openWithinMs: z.optional(z.int().check(z.minimum(0), z.maximum(10_000))),
    }),
    response: z.object({ filled: z.boolean(), reason: z.optional(z.enum(['post-gone', 'no-reply-box', 'not-filled'])) }),
  },
} as const;
