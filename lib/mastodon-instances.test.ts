import { describe, expect, it } from 'vitest';
import { instanceOrigin, isDefaultInstance, MASTODON_SCRIPT_ID, syncMastodonScripts, type ScriptingApi } from './mastodon-instances';

function fakeScripting() {
  const scripts = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
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
    expect(await syncMastodonScripts(api, ['social.example.org', 'https://denied.example', 'social.example.org/explore'], granted)).toEqual(['https://social.example.org/*']);
    expect(scripts.get(MASTODON_SCRIPT_ID)).toMatchObject({ matches: ['https://social.example.org/*'], js: ['content-scripts/mastodon.js'] });

    await syncMastodonScripts(api, ['social.example.org'], granted); // nothing changed: no call
    await syncMastodonScripts(api, ['social.example.org', 'toot.example.net'], granted);
    expect(scripts.get(MASTODON_SCRIPT_ID)!.matches).toEqual(['https://social.example.org/*', 'https://toot.example.net/*']);

    await syncMastodonScripts(api, [], granted);
    expect(scripts.size).toBe(0);
    expect(calls).toEqual(['register', 'update', 'unregister']);
  });

  it('registers nothing for an instance read out of the box: the content script runs there once', async () => {
    const { api, scripts, calls } = fakeScripting();
    const granted = async () => true;
    expect(isDefaultInstance('https://mastodon.social')).toBe(true);
    expect(isDefaultInstance('https://social.example.org')).toBe(false);
    expect(await syncMastodonScripts(api, ['mastodon.social', 'https://hachyderm.io/home'], granted)).toEqual([]);
    expect(scripts.size).toBe(0);
    expect(await syncMastodonScripts(api, ['fosstodon.org', 'social.example.org'], granted)).toEqual(['https://social.example.org/*']);
    expect(calls).toEqual(['register']);
  });

  it("registers nothing on another site's origin given as an instance: that site's own script reads it", async () => {
    const { api, scripts } = fakeScripting();
    const readElsewhere = (origin: string) => origin === 'https://x.com';
    expect(await syncMastodonScripts(api, ['x.com', 'social.example.org'], async () => true, { readElsewhere })).toEqual(['https://social.example.org/*']);
    expect(scripts.get(MASTODON_SCRIPT_ID)!.matches).toEqual(['https://social.example.org/*']);
  });

  it("points a registration an earlier version made at this version's script file", async () => {
    const { api, scripts, calls } = fakeScripting();
    const granted = async () => true;
    await api.registerContentScripts([{ id: MASTODON_SCRIPT_ID, matches: ['https://social.example.org/*'], js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true }]);
    await syncMastodonScripts(api, ['social.example.org'], granted);
    expect(scripts.get(MASTODON_SCRIPT_ID)!.js).toEqual(['content-scripts/mastodon.js']);
    expect(calls).toEqual(['register', 'update']);
  });
});
