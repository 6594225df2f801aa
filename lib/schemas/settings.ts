import { z } from 'zod';
import { BrandListSchema } from './brand';

export const DEFAULT_BACKEND_URL = 'http://localhost:8787';

/**
 * The extension's settings, stored in chrome.storage.local under `settings`.
 * Tests and tools write that key directly; every context re-reads it on change.
 */
export const SettingsSchema = z.object({
  backendUrl: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')
    .transform((u) => u.replace(/\/+$/, ''))
    .default(DEFAULT_BACKEND_URL),
  token: z.string().max(500).default(''),
  /** Team-wide brands, cached from the backend. */
  brands: BrandListSchema.default([]),
  /** Minutes within which the team aims to answer; customers expect an hour. */
  responseTargetMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
  /** Mastodon instances (origins like https://mastodon.social) the content script also runs on. */
  mastodonInstances: z.array(z.string().url()).max(100).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
