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
  /** Phrases that cancel a match ("apple pie" is not Apple). */
  exclude: z.array(term).max(50).default([]),
  competitor: z.boolean().default(false),
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
