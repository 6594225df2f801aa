import { z } from 'zod';

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

/** A customer handle as the platform shows it, without a leading @; compared case-insensitively. */
export const HandleSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform((h) => h.replace(/^@+/, ''));

export const SentimentLabelSchema = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof SentimentLabelSchema>;

/** A post read off a page by a site adapter. */
export const PostSchema = z.object({
  platform: PlatformSchema,
  id: z.string().min(1).max(300),
  url: z.string().url().max(2000),
  author: z.object({
    handle: HandleSchema,
    name: z.string().max(300).optional(),
    profileUrl: z.string().url().max(2000).optional(),
  }),
  text: z.string().max(40_000),
  /** ISO 8601 time the post was published, when the page shows it. */
  publishedAt: z.string().datetime({ offset: true }).optional(),
  /** A post this one quotes or shares, kept apart from the post's own text. */
  quoted: z
    .object({
      author: HandleSchema.optional(),
      text: z.string().max(40_000),
      url: z.string().url().max(2000).optional(),
    })
    .optional(),
  /** True for a comment or reply rather than a top-level post. */
  isReply: z.boolean().default(false),
  inReplyTo: z.string().max(200).optional(),
  threadId: z.string().max(300).optional(),
});
export type Post = z.infer<typeof PostSchema>;

export function postKey(post: Pick<Post, 'platform' | 'id'>): string {
  return `${post.platform}:${post.id}`;
}
