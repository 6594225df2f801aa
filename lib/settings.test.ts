import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './schemas/settings';
import { LAST_VALID_SETTINGS_KEY, resolveSettings } from './settings';

describe('settings', () => {
  it('validates and fills defaults', () => {
    const { settings, problem } = resolveSettings({ settings: { token: 't', brands: [{ name: 'Acme', handles: ['@acme'] }] } });
    expect(problem).toBeUndefined();
    expect(settings.backendUrl).toBe('http://localhost:8787');
    expect(settings.brands[0]).toMatchObject({ name: 'Acme', aliases: [], handles: ['acme'], hashtags: [], exclude: [], competitor: false });
  });

  it('falls back to the last valid settings and names the bad field', () => {
    const lastValid = { ...DEFAULT_SETTINGS, token: 'good' };
    const { settings, problem } = resolveSettings({ settings: { backendUrl: 'not a url' }, [LAST_VALID_SETTINGS_KEY]: lastValid });
    expect(settings.token).toBe('good');
    expect(problem).toMatch(/backendUrl/);
    expect(problem).toMatch(/last valid settings/);
  });

  it('falls back to defaults when nothing valid was ever stored', () => {
    const { settings, problem } = resolveSettings({ settings: { brands: [{ name: '' }] } });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problem).toMatch(/brands\.0\.name/);
  });
});
