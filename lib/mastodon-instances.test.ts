import { describe, expect, it } from 'vitest';
import { instanceOrigin, MASTODON_SCRIPT_ID, syncMastodonScripts, type ScriptingApi } from './mastodon-instances';

function fakeScripting() {
  const scripts = new Map<string, { id: string; matches?: string[] }>();
  const calls: string[] = [];
  const api: ScriptingApi = {
    async getRegisteredContentScripts({ ids }) {
      return ids.flatMap((id) => (scripts.has(id) ? [scripts.get(id)!] : []));
    },
    async registerContentScripts(list) {
      calls.push('register');
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error('duplicate script id');
        scripts.set(s.id, s);
      }
    },
    async updateContentScripts(list) {
      calls.push('update');
      for (const s of list) scripts.set(s.id, s);
    },
    async unregisterContentScripts({ ids }) {
      calls.push('unregister');
      ids.forEach((id) => scripts.delete(id));
    },
  };
  return { api, scripts, calls };
}

describe('Mastodon instances', () => {
  it('turns what people type into an instance origin', () => {
    expect(instanceOrigin('mastodon.social')).toBe('https://mastodon.social');
    expect(instanceOrigin(' https://fosstodon.org/home ')).toBe('https://fosstodon.org');
    expect(instanceOrigin('http://insecure.example')).toBeUndefined();
    expect(instanceOrigin('localhost')).toBeUndefined();
    expect(instanceOrigin('')).toBeUndefined();
  });

  it('registers the content script on granted instances only, and keeps it in step', async () => {
    const { api, scripts, calls } = fakeScripting();
    const granted = async (o: string) => o !== 'https://denied.example';
    expect(await syncMastodonScripts(api, ['fosstodon.org', 'https://denied.example', 'fosstodon.org/explore'], granted)).toEqual(['https://fosstodon.org/*']);
    expect(scripts.get(MASTODON_SCRIPT_ID)).toMatchObject({ matches: ['https://fosstodon.org/*'], js: ['content-scripts/content.js'] });

    await syncMastodonScripts(api, ['fosstodon.org'], granted); // nothing changed: no call
    await syncMastodonScripts(api, ['fosstodon.org', 'hachyderm.io'], granted);
    expect(scripts.get(MASTODON_SCRIPT_ID)!.matches).toEqual(['https://fosstodon.org/*', 'https://hachyderm.io/*']);

    await syncMastodonScripts(api, [], granted);
    expect(scripts.size).toBe(0);
    expect(calls).toEqual(['register', 'update', 'unregister']);
  });
});
