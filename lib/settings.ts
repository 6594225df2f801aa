import { SETTINGS_KEY, SettingsSchema, DEFAULT_SETTINGS, type Settings } from './schemas/settings';

/** Where the background keeps the last settings that passed validation. */
export const LAST_VALID_SETTINGS_KEY = 'settingsLastValid';

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored settings were invalid and older valid ones (or the defaults) are in use. */
  problem?: string;
}

export interface StorageAreaLike {
  get(keys: string[]): Promise<Record<string, unknown>>;
}

/** Validates stored settings; invalid ones fall back to the last valid settings and say why. */
export function resolveSettings(stored: Record<string, unknown>): LoadedSettings {
  const raw = stored[SETTINGS_KEY];
  const parsed = SettingsSchema.safeParse(raw ?? {});
  if (parsed.success) return { settings: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'settings';
  const lastValid = SettingsSchema.safeParse(stored[LAST_VALID_SETTINGS_KEY]);
  return {
    settings: lastValid.success ? lastValid.data : DEFAULT_SETTINGS,
    problem: `The stored settings are invalid (${where}: ${issue?.message ?? 'invalid'}); using the ${lastValid.success ? 'last valid settings' : 'defaults'}.`,
  };
}

export async function loadSettings(area: StorageAreaLike): Promise<LoadedSettings> {
  return resolveSettings(await area.get([SETTINGS_KEY, LAST_VALID_SETTINGS_KEY]));
}
