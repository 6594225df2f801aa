import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../schemas/post';
import { ADAPTERS, adapterFor, CONTENT_SCRIPT_MATCHES, otherSiteAt } from '.';
import { READERS } from './types';

// Every .ts file here but the registry, the types, the demo feed's address, the tests and the tests' fixture helper is an adapter.
const adapterFiles = readdirSync('lib/sites').filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && !['index.ts', 'types.ts', 'demo.ts', 'fixture-testing.ts'].includes(f) && !f.endsWith('.test.ts'));

describe('site registry', () => {
  it('registers every adapter file, each with its content script, its test and at least one fixture', () => {
    expect(ADAPTERS.map((a) => `${a.id}.ts`).sort()).toEqual(adapterFiles.sort());
    // One content script a site, running that site's adapter on that site's pages, and none else.
    const scripts = readdirSync('entrypoints').filter((f) => f.endsWith('.content.ts'));
    expect(scripts.sort()).toEqual(ADAPTERS.map((a) => `${a.id}.content.ts`).sort());
    for (const a of ADAPTERS) {
      const script = readFileSync(`entrypoints/${a.id}.content.ts`, 'utf8');
      expect(script, a.id).toMatch(new RegExp(`runContentScript\\(ctx, ${a.id}[,)]`));
      expect(script, a.id).toMatch(new RegExp(`matches: (\\[\\.\\.\\.)?${a.id}\\.matches\\b`));
      expect(existsSync(`lib/sites/${a.id}.test.ts`), `${a.id} has a test`).toBe(true);
      expect(readdirSync(`test/fixtures/${a.id}`).some((f) => f.endsWith('.html')), `${a.id} has a fixture`).toBe(true);
    }
  });

  it('covers all ten platforms', () => {
    expect(new Set(ADAPTERS.map((a) => a.platform))).toEqual(new Set(PLATFORMS));
  });

  it('picks the adapter by host, Mastodon instances by origin, and the demo feed by path', () => {
    expect(adapterFor(new URL('https://x.com/home'))?.id).toBe('x');
    expect(adapterFor(new URL('https://old.reddit.com/r/a'))?.id).toBe('reddit');
    expect(adapterFor(new URL('https://sh.reddit.com/r/a'))?.id).toBe('reddit');
    expect(adapterFor(new URL('https://www.youtube.com/watch?v=1'))?.id).toBe('youtube');
    // Each site's bare host too (the sites send it on to www., but a link or a saved page may keep it).
    for (const [host, id] of Object.entries({ 'facebook.com': 'facebook', 'instagram.com': 'instagram', 'linkedin.com': 'linkedin', 'reddit.com': 'reddit', 'tiktok.com': 'tiktok', 'youtube.com': 'youtube', 'www.x.com': 'x', 'www.twitter.com': 'x' })) {
      expect(adapterFor(new URL(`https://${host}/`))?.id, host).toBe(id);
    }
    // LinkedIn's pages seen logged out on a country's host: a post's and a company's, nothing else there.
    expect(adapterFor(new URL('https://uk.linkedin.com/posts/priya-raman-3b1a2c_acme-air-refund-activity-7410643423461978113-qX2k'))?.id).toBe('linkedin');
    expect(adapterFor(new URL('https://de.linkedin.com/company/skyjet'))?.id).toBe('linkedin');
    expect(adapterFor(new URL('https://learn.linkedin.com/'))).toBeUndefined();
    expect(adapterFor(new URL('https://notlinkedin.com/posts/a'))).toBeUndefined();
    // The largest Mastodon instances are read out of the box; any other once the team adds it.
    expect(adapterFor(new URL('https://mastodon.social/home'))?.id).toBe('mastodon');
    expect(adapterFor(new URL('https://hachyderm.io/@acme/113300000000000201'))?.id).toBe('mastodon');
    expect(CONTENT_SCRIPT_MATCHES).toContain('https://fosstodon.org/*');
    expect(adapterFor(new URL('https://social.example.org/home'))).toBeUndefined();
    expect(adapterFor(new URL('https://social.example.org/home'), ['https://social.example.org'])?.id).toBe('mastodon');
    expect(adapterFor(new URL('http://localhost:8788/firstreply-demo/'))?.id).toBe('x');
    expect(adapterFor(new URL('http://localhost:8788/other'))).toBeUndefined();
  });

  it('tells another site offered as a Mastodon instance from an instance', () => {
    expect(otherSiteAt('https://x.com')?.id).toBe('x');
    expect(otherSiteAt('https://www.reddit.com')?.id).toBe('reddit');
    expect(otherSiteAt('https://mastodon.social')).toBeUndefined();
    expect(otherSiteAt('https://social.example.org')).toBeUndefined();
    expect(otherSiteAt('not an origin')).toBeUndefined();
  });

  it('gives the content script valid, unique match patterns', () => {
    expect(new Set(CONTENT_SCRIPT_MATCHES).size).toBe(CONTENT_SCRIPT_MATCHES.length);
    for (const m of CONTENT_SCRIPT_MATCHES) expect(m).toMatch(/^https?:\/\/[a-z0-9.*-]+\/\S*$/);
  });
});

describe('adapters never throw into the page', () => {
  it('turns any exception of a reader into undefined', () => {
    const root = document.createElement('article');
    // An element whose every query throws, as a hostile or half-torn-down page might give.
    for (const m of ['querySelector', 'querySelectorAll', 'closest', 'matches', 'getAttribute'] as const) {
      Object.defineProperty(root, m, { value: () => { throw new Error('boom'); } });
    }
    for (const a of ADAPTERS) {
      // Every function an adapter gives reads an element (READERS lists them for defineAdapter).
      const readers = Object.entries(a).filter(([, v]) => typeof v === 'function') as Array<[string, (root: Element) => unknown]>;
      expect(readers.map(([key]) => key).filter((key) => !(READERS as readonly string[]).includes(key)), a.id).toEqual([]);
      for (const [key, read] of readers) {
        expect(() => read(root), `${a.id}.${key}`).not.toThrow();
        // Nothing read: no element, no post; an ad or tombstone check, no.
        if (key === 'isAd' || key === 'isGone') expect(read(root), `${a.id}.${key}`).toBeFalsy();
        else expect(read(root), `${a.id}.${key}`).toBeUndefined();
      }
    }
  });
});
