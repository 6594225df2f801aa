import { z } from 'zod';

const term = z.string().trim().min(1).max(100);

/** One brand (or competitor) the team listens for. Brands are team-wide: the backend owns them. */
export const BrandSchema = z.object({
  name: term,
  aliases: z.array(term).max(50).default([]),
  /** Social handles without the leading @ (a leading @ is stripped). */
  handles: z.array(term.transform((h) => h.replace(/^@+/, ''))).max(50).default([]),
  /** Hashtags without the leading # (a leading # is stripped). */
  hashtags: z.array(term.transform((h) => h.replace(/^#+/, ''))).max(50).default([]),
  /** Web domains of the brand; links to them (and their subdomains) are mentions. */
  domains: z
    .array(term.transform((d) => d.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '')))
    .max(20)
    .default([]),
  /** Phrases that cancel the match they overlap ("apple pie" is not Apple). */
  exclude: z.array(term).max(50).default([]),
  /** Words that, anywhere in a post, mean it is not about the brand (must-not-contain). */
  notWith: z.array(term).max(50).default([]),
  /**
   * For ambiguous names: a name or alias counts only with one of these words within `within`
   * words of it (near). Handles, hashtags and domains always count.
   */
  near: z
    .object({ anyOf: z.array(term).min(1).max(50), within: z.number().int().min(1).max(50).default(8) })
    .optional(),
  competitor: z.boolean().default(false),
  /** Also match names of six letters or more written with one typo ("Acmeiar"). */
  fuzzy: z.boolean().default(true),
});
export type Brand = z.infer<typeof BrandSchema>;
export type BrandInput = z.input<typeof BrandSchema>;

export const BrandListSchema = z
  .array(BrandSchema)
  .max(500)
  .superRefine((brands, ctx) => {
    const seen = new Set<string>();
    brands.forEach((b, i) => {
      const key = b.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate brand name "${b.name}"` });
      seen.add(key);
    });
  });

export const BrandsBodySchema = z.object({ brands: BrandListSchema });
export type BrandsBody = z.infer<typeof BrandsBodySchema>;
