import { z } from 'zod/mini';

const term = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
/** A list of terms, rewritten one by one, at most `max` long, empty when not given. */
const terms = (max: number, rewrite?: (t: string) => string) =>
  z._default(z.array(rewrite ? z.pipe(term, z.transform(rewrite)) : term).check(z.maxLength(max)), []);

/** One brand (or competitor) the team listens for. Brands are team-wide: the backend owns them. */
export const BrandSchema = z.object({
  name: term,
  aliases: terms(50),
  /** Social handles without the leading @ (a leading @ is stripped). */
  handles: terms(50, (h) => h.replace(/^@+/, '')),
  /** Hashtags without the leading # (a leading # is stripped). */
  hashtags: terms(50, (h) => h.replace(/^#+/, '')),
  /** Web domains of the brand; links to them (and their subdomains) are mentions. */
  domains: terms(20, (d) => d.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '')),
  /** Phrases that cancel the match they overlap ("apple pie" is not Apple). */
  exclude: terms(50),
  /** Words that, anywhere in a post, mean it is not about the brand (must-not-contain). */
  notWith: terms(50),
  /**
   * For ambiguous names: a name or alias counts only with one of these words within `within`
   * words of it (near). Handles, hashtags and domains always count.
   */
  near: z.optional(
    z.object({ anyOf: z.array(term).check(z.minLength(1), z.maxLength(50)), within: z._default(z.int().check(z.minimum(1), z.maximum(50)), 8) }),
  ),
  competitor: z._default(z.boolean(), false),
  /** Also match names of six letters or more written with one typo ("Acmeiar"). */
  fuzzy: z._default(z.boolean(), true),
});
export type Brand = z.infer<typeof BrandSchema>;
export type BrandInput = z.input<typeof BrandSchema>;

export const BrandListSchema = z.array(BrandSchema).check(
  z.maxLength(500),
  z.superRefine((brands, ctx) => {
    const seen = new Set<string>();
    brands.forEach((b, i) => {
      const key = b.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate brand name "${b.name}"`, input: b.name });
      seen.add(key);
    });
  }),
);

export const BrandsBodySchema = z.object({ brands: BrandListSchema });
export type BrandsBody = z.infer<typeof BrandsBodySchema>;
