import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSkipped, readPage } from './read-page';

describe('read-page', () => {
  it("prints what the site's adapter reads from a saved page, post by post, and what it skips", () => {
    const reading = readPage(readFileSync('test/fixtures/instagram/post-2025.html', 'utf8'), 'https://www.instagram.com/acmeair/p/C8xAcmeAir1/');
    expect(reading.adapter).toBe('instagram');
    expect(reading.results.map((r) => r.id)).toEqual(['C8xAcmeAir1', '18011111111111111', '18022222222222222', '18033333333333333']);
    expect(reading.results.filter(isSkipped)).toHaveLength(0);
    const x = readPage(readFileSync('test/fixtures/x/timeline.html', 'utf8'), 'https://x.com/home');
    expect(x.adapter).toBe('x');
    expect(x.results).toHaveLength(11);
    expect(x.results.filter(isSkipped)).toHaveLength(2);
  });

  it('refuses a page no adapter reads', () => {
    expect(() => readPage('<p>hi</p>', 'https://example.com/')).toThrow(/no adapter/);
  });

  it('runs from the command line', () => {
    const out = spawnSync('node_modules/.bin/tsx', ['scripts/read-page.ts', 'test/fixtures/reddit/search-posts.html', 'https://www.reddit.com/search/?q=acme+air'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['t3_1xacm01', 't3_1xacm02', 't3_1xacm03', 't3_1xacm07']);
    expect(out.stderr).toContain('reddit: 4 post roots, 4 read, 0 skipped');
  });
});
