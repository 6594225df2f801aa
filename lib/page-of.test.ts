import { describe, expect, it } from 'vitest';
import type { Post } from './schemas/post';
import { isPageOf } from './page-of';

const post = (over: Partial<Post>): Post => ({
  platform: 'x',
  id: '1790000000000000001',
  url: 'https://x.com/mayachen_/status/1790000000000000001',
  author: { handle: 'mayachen_' },
  text: 'Lost bag',
  isReply: false,
  ...over,
});
const at = (href: string) => ({ href, pathname: new URL(href).pathname });

describe('isPageOf', () => {
  it("knows a post's own page by its id in the address, a reply's too", () => {
    expect(isPageOf(post({}), at('https://x.com/mayachen_/status/1790000000000000001'))).toBe(true);
    expect(isPageOf(post({ isReply: true }), at('https://x.com/i/web/status/1790000000000000001'))).toBe(true);
    expect(isPageOf(post({ isReply: true }), at('https://x.com/mayachen_/status/1790000000000000002'))).toBe(false);
    const linkedin = post({ platform: 'linkedin', id: 'urn:li:activity:7210000000000000001', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7210000000000000001/' });
    expect(isPageOf(linkedin, at('https://www.linkedin.com/posts/acme-air_refunds-activity-7210000000000000001-AbCd/'))).toBe(true);
  });

  it('knows a post that is no reply by its permalink, with or without the author in the path', () => {
    const reddit = post({ platform: 'reddit', id: 't3_1abcde', url: 'https://www.reddit.com/r/travel/comments/1abcde/acme_air_lost_my_bag/' });
    expect(isPageOf(reddit, at('https://www.reddit.com/r/travel/comments/1abcde/acme_air_lost_my_bag/'))).toBe(true);
    const tiktok = post({ platform: 'tiktok', id: '7300000000000000001', url: 'https://www.tiktok.com/video/7300000000000000001' });
    expect(isPageOf({ ...tiktok, id: 'v1' }, at('https://www.tiktok.com/@maya/video/7300000000000000001'))).toBe(true);
    expect(isPageOf(post({}), at('https://x.com/search?q=acme'))).toBe(false);
    expect(isPageOf(post({}), at('https://x.com/home'))).toBe(false);
    expect(isPageOf(post({}), at('https://x.com/'))).toBe(false);
  });

  it('compares addresses percent-encoded or not', () => {
    // The page's address is percent-encoded (/@caf%C3%A9); a post's link may be written as shown.
    const youtube = post({ platform: 'youtube', id: 'Ug1', url: 'https://www.youtube.com/@café' });
    expect(isPageOf(youtube, at('https://www.youtube.com/@café'))).toBe(true);
    expect(isPageOf({ ...youtube, url: 'https://www.youtube.com/@caf%C3%A9' }, at('https://www.youtube.com/@café'))).toBe(true);
    expect(isPageOf(youtube, at('https://www.youtube.com/@cafés'))).toBe(false);
  });
});
