import { z } from 'zod/mini';
import { BrandListSchema } from './brand';
import { textUpTo } from './post';

export const DEFAULT_BACKEND_URL = 'http://localhost:8787';

/**
 * The extension's settings, stored in chrome.storage.local under `settings`.
 * Tests and tools write that key directly; every context re-reads it on change.
 */
export const SettingsSchema = z.object({
  backendUrl: z._default(
    z.pipe(
      z.url().check(z.refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')),
      z.transform((u) => u.replace(/\/+$/, '')),
    ),
    DEFAULT_BACKEND_URL,
  ),
  token: z._default(textUpTo(500), ''),
  /** Team-wide brands, cached from the backend. */
  brands: z._default(BrandListSchema, []),
  /** Minutes within which the team aims to answer; customers expect an hour. */
  responseTargetMinutes: z._default(z.int().check(z.minimum(1), z.maximum(7 * 24 * 60)), 60),
  /** Mastodon instances (origins like https://mastodon.social) the content script also runs on. */
  mastodonInstances: z._default(z.array(z.url()).check(z.maxLength(100)), []),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Kept in chrome.storage.local beside the settings, made from them by the background: the real
 * words that the brands' matcher would read as variants of their names (a typo: "being" near
 * Boeing; a name of several words written as one: "everyday" for Every Day), which the content
 * script never reads as those names (lib/match/real-words.ts).
 */
export const REAL_WORDS_KEY = 'realWords';
export const RealWordsSchema = z.object({
  /** The terms these words were found for (`BrandMatcher.variantTerms`). */
  terms: z.array(z.string()),
  /** The extension version and rules they were found with (`realWordsVersion`). */
  version: z.string(),
  words: z.array(z.string()),
});
export type RealWords = z.infer<typeof RealWordsSchema>;
