import { afterAll, describe, expect, it } from 'vitest';
import { matchPost } from '../analyze';
import { compileBrands } from '../match';
import { BrandListSchema } from '../schemas/brand';
import { domainIn, linkSite, shownDomain, withSites } from './common/link-sites';
import { readFixture, resetPageUrl } from './fixture-testing';
import { bluesky } from './bluesky';
import { facebook } from './facebook';
import { linkedin } from './linkedin';
import { threads } from './threads';
import { x } from './x';
import type { SiteAdapter } from './types';

const matcher = compileBrands(BrandListSchema.parse([{ name: 'Acme Air', handles: ['AcmeAir', 'acmeair', 'acmeair.bsky.social'], domains: ['acmeair.com'] }, { name: 'SkyJet', competitor: true }]));

/** Each site's page with a post whose only mention is a link card to acmeair.com (test/fixtures/<site>/link-card.html). */
const CASES: Array<{ adapter: SiteAdapter; author: string; text: string }> = [
  { adapter: x, author: 'lena_ops', text: 'their own status page says everything is fine lol\nacmeair.com' },
  { adapter: facebook, author: 'dana.reyes.5', text: 'Waited 2 hours outside this "premium" lounge and was then told it was full. Never again.\nacmeair.com' },
  { adapter: facebook, author: 'maya.chen.9', text: "Read the rules before going, it's only for gold members now\nacmeair.com" },
  { adapter: bluesky, author: 'marcosilva.bsky.social', text: 'Read the small print before you book your summer trip. "Flexible" fares are not very flexible.\nacmeair.com' },
  { adapter: threads, author: 'kiki.flies', text: '"transparent pricing" they said. the €49 "service fee" appears on the last screen\nacmeair.com' },
  {
    adapter: linkedin,
    author: 'jordan-miles-5b2a1c',
    text: 'If your team flies to Lisbon next month, read this before booking. Our travel policy now excludes this carrier for trips under 3 hours.\n\nhttps://lnkd.in/gH7xK2pQ\nacmeair.com',
  },
];

describe('a link card to the brand’s site, on a post that does not name the brand', () => {
  afterAll(resetPageUrl);

  for (const { adapter, author, text } of CASES) {
    it(`${adapter.id}: writes the site after the post's text, and the post is a mention`, () => {
      const { roots, posts } = readFixture(adapter, 'link-card', { atSavedUrl: true });
      const i = posts.findIndex((p) => p?.author.handle === author);
      expect(i, author).toBeGreaterThanOrEqual(0);
      expect(posts[i]!.text).toBe(text);
      expect(matchPost(posts[i]!, matcher)?.brands).toEqual(['Acme Air']);
      // The first read holds the site too, so the post is read in full.
      const peek = adapter.peek?.(roots[i]!);
      if (peek) expect(matcher.screen(peek.text)).toBe(true);
      else expect(matcher.screen(roots[i]!.textContent!)).toBe(true);
    });
  }

  it('leaves a post alone whose link shows its site, or leads nowhere the page tells (lnkd.in)', () => {
    const { posts } = readFixture(x, 'link-card', { atSavedUrl: true });
    expect(posts.find((p) => p?.author.handle === 'jonny_k')!.text).toBe('file the delayed-bag claim here, they pay €50/day: https://acmeair.com/help/baggage/delayed-bag-claim');
    const li = readFixture(linkedin, 'link-card', { atSavedUrl: true }).posts;
    const answer = li.find((p) => p?.text.startsWith('Their route map'))!;
    expect(answer.text).toBe('Their route map has it: https://lnkd.in/eRt5Yu8I');
    expect(matchPost(answer, matcher)).toBeUndefined();
  });
});

describe('link sites', () => {
  const own = /(?:^|\.)facebook\.com$/;
  it('follows the sites’ redirects, and names no site for the site itself, a shortener or what is no web address', () => {
    expect(linkSite('https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.acmeair.com%2Fen&h=AT0', own)).toBe('acmeair.com');
    expect(linkSite('https://l.threads.com/?u=https%3A%2F%2Fhelp.acmeair.com%2F&e=AT0', own)).toBe('help.acmeair.com');
    expect(linkSite('https://www.google.com/url?q=https://acmeair.com/x&sa=D', own)).toBe('acmeair.com');
    expect(linkSite('https://www.facebook.com/acmeair', own)).toBeUndefined();
    expect(linkSite('https://l.facebook.com/l.php?u=javascript%3Aalert(1)', own)).toBeUndefined();
    expect(linkSite('https://t.co/Zz91Kk22Lm', own)).toBeUndefined();
    expect(linkSite('https://lnkd.in/gH7xK2pQ', own)).toBeUndefined();
    expect(linkSite('mailto:care@acmeair.com', own)).toBeUndefined();
    expect(linkSite('https://exa mple.com', own)).toBeUndefined();
  });

  it('reads a domain among the few words of a line, in any language', () => {
    for (const line of ['From acmeair.com', 'De www.acmeair.com', 'acmeair.comから', 'acmeair.com adresinden', 'Von acmeair.com']) expect(domainIn(line), line).toBe('acmeair.com');
    expect(domainIn('From the airline')).toBeUndefined();
    expect(domainIn('v2.0 released')).toBeUndefined();
  });

  it("reads an X card's site from its line in the reader's language", () => {
    const { doc } = readFixture(x, 'link-card', { atSavedUrl: true });
    const from = [...doc.querySelectorAll('a[href^="https://t.co/"]')].find((a) => a.textContent === 'From acmeair.com')!;
    from.querySelector('span')!.textContent = 'acmeair.comから';
    const lena = [...doc.querySelectorAll('article')].find((a) => a.contains(from))!;
    expect(x.extractPost(lena)!.text).toBe('their own status page says everything is fine lol\nacmeair.com');
  });

  it('reads a domain shown alone, or opening a label', () => {
    expect(shownDomain(' ACMEAIR.COM ')).toBe('acmeair.com');
    expect(shownDomain('www.acme-air.co.uk')).toBe('acme-air.co.uk');
    expect(shownDomain('acmeair.com Baggage service status', true)).toBe('acmeair.com');
    expect(shownDomain('Baggage service status')).toBeUndefined();
    expect(shownDomain('acmeair.com Baggage')).toBeUndefined();
    expect(shownDomain('v2.0')).toBeUndefined();
  });

  it('writes only the sites the text does not show, once each', () => {
    expect(withSites('see acmeair.com/bags', ['acmeair.com', 'acmeair.com'])).toBe('see acmeair.com/bags');
    expect(withSites('so slow', ['acmeair.com', undefined, 'acmeair.com', 'news.example'])).toBe('so slow\nacmeair.com news.example');
    expect(withSites('', ['acmeair.com'])).toBe('acmeair.com');
    expect(withSites('book at https://www.acmeair.com/en.', ['acmeair.com'])).toBe('book at https://www.acmeair.com/en.');
    // Not shown as a link: inside another site's name, or an email address's.
    expect(withSites('my old site myflyacme.com', ['flyacme.com'])).toBe('my old site myflyacme.com\nflyacme.com');
    expect(withSites('emailed support@chase.com 3 times', ['chase.com'])).toBe('emailed support@chase.com 3 times\nchase.com');
    expect(withSites('see chase.community', ['chase.com'])).toBe('see chase.community\nchase.com');
  });
});
