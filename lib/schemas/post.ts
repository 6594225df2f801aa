import { z } from 'zod/mini';

export const PLATFORMS = [
  'x',
  'reddit',
  'linkedin',
  'facebook',
  'instagram',
  'youtube',
  'bluesky',
  'mastodon',
  'threads',
  'tiktok',
] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

/** A count of things: a whole number, never negative. */
export const CountSchema = z.int().check(z.nonnegative());

/** The most customers' history counts asked for in one request. */
export const HANDLES_PER_REQUEST = 500;

/** A customer handle as the platform shows it, without a leading @; compared case-insensitively. */
export const HandleSchema = z.pipe(
  z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  z.transform((h) => h.replace(/^@+/, '')),
);
/** A string of at most `max` characters. */
export const textUpTo = (max: number) => z.string().check(z.maxLength(max));
/** A URL as the contracts take it: at most 2,000 characters. */
export const UrlSchema = z.url().check(z.maxLength(2000));

export const SentimentLabelSchema = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof SentimentLabelSchema>;

/** A post read off a page by a site adapter. */
export const PostSchema = z.object({
  platform: PlatformSchema,
  id: z.string().check(z.minLength(1), z.maxLength(300)),
  url: UrlSchema,
  author: z.object({
    handle: HandleSchema,
    name: z.optional(textUpTo(300)),
    profileUrl: z.optional(UrlSchema),
  }),
  text: textUpTo(40_000),
  /** ISO 8601 time the post was published, when the page shows it. */
  publishedAt: z.optional(z.iso.datetime({ offset: true })),
  /** A post this one quotes or shares, kept apart from the post's own text. */
  quoted: z.optional(
    z.object({
      author: z.optional(HandleSchema),
      text: textUpTo(40_000),
      url: z.optional(UrlSchema),
    }),
  ),
  /** True for a comment or reply rather than a top-level post. */
  isReply: z._default(z.boolean(), false),
  inReplyTo: z.optional(textUpTo(200)),
  threadId: z.optional(textUpTo(300)),
});
export type Post = z.infer<typeof PostSchema>;

export function postKey(post: Pick<Post, 'platform' | 'id'>): string {
  return `${post.platform}:${post.id}`;
}

export type PostInput = z.input<typeof PostSchema>;

// Fast path for posts read off a page: adapters give hundreds per page, and PostSchema (without a
// compiler in a content script) costs them more than reading the page. The fast path accepts only
// what PostSchema passes unchanged; anything else goes through PostSchema. A property test holds
// the two equal.
const SIMPLE_URL = /^https?:\/\/[^\s]+$/;
// A subset of PostSchema's datetime: days 01–28 exist in every month; other days go the slow way.
const SIMPLE_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const PLATFORM_SET: ReadonlySet<unknown> = new Set(PLATFORMS);

const simpleUrl = (u: unknown, optional: boolean) =>
  u === undefined ? optional : typeof u === 'string' && u.length <= 2000 && SIMPLE_URL.test(u) && URL.canParse(u);
const simpleHandle = (h: unknown, optional: boolean) =>
  h === undefined ? optional : typeof h === 'string' && h.length >= 1 && h.length <= 200 && h.charCodeAt(0) !== 64 && h === h.trim();
const simpleString = (s: unknown, max: number, optional: boolean) => (s === undefined ? optional : typeof s === 'string' && s.length <= max);

function isSimple(p: PostInput): boolean {
  const a = p.author as PostInput['author'] | undefined;
  const q = p.quoted;
  return (
    PLATFORM_SET.has(p.platform) &&
    typeof p.id === 'string' && p.id.length >= 1 && p.id.length <= 300 &&
    simpleUrl(p.url, false) &&
    typeof a === 'object' && a !== null && simpleHandle(a.handle, false) && simpleString(a.name, 300, true) && simpleUrl(a.profileUrl, true) &&
    simpleString(p.text, 40_000, false) &&
    (p.publishedAt === undefined || (typeof p.publishedAt === 'string' && SIMPLE_TIME.test(p.publishedAt))) &&
    (q === undefined || (typeof q === 'object' && q !== null && simpleHandle(q.author, true) && simpleString(q.text, 40_000, false) && simpleUrl(q.url, true))) &&
    (p.isReply === undefined || typeof p.isReply === 'boolean') &&
    simpleString(p.inReplyTo, 200, true) &&
    simpleString(p.threadId, 300, true)
  );
}

/** A post as PostSchema gives it, or undefined when PostSchema refuses it. */
export function parsePost(candidate: PostInput): Post | undefined {
  if (!isSimple(candidate)) return PostSchema.safeParse(candidate).data;
  const { author: a, quoted: q } = candidate;
  const post: Post = {
    platform: candidate.platform,
    id: candidate.id,
    url: candidate.url,
    author: { handle: a.handle },
    text: candidate.text,
    isReply: candidate.isReply ?? false,
  };
  // Optional keys given as undefined stay, as PostSchema keeps them.
  if ('name' in a) post.author.name = a.name;
  if ('profileUrl' in a) post.author.profileUrl = a.profileUrl;
  if ('publishedAt' in candidate) post.publishedAt = candidate.publishedAt;
  if (q !== undefined) {
    post.quoted = { text: q.text };
    if ('author' in q) post.quoted.author = q.author;
    if ('url' in q) post.quoted.url = q.url;
  } else if ('quoted' in candidate) post.quoted = undefined;
  if ('inReplyTo' in candidate) post.inReplyTo = candidate.inReplyTo;
  if ('threadId' in candidate) post.threadId = candidate.threadId;
  return post;
}
