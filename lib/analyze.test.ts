import { describe, expect, it, vi } from 'vitest';
import { analysisOf, brandAddressed, matchPost } from './analyze';
import { detailPost, readPost, readPosts } from './analyze-detail';
import { compileBrands } from './match';
import { BrandSchema } from './schemas/brand';
import { PostSchema } from './schemas/post';

const matcher = compileBrands([BrandSchema.parse({ name: 'Acme Air', handles: ['AcmeAir'] }), BrandSchema.parse({ name: 'SkyJet', competitor: true })]);
const post = (text: string, extra: object = {}) =>
  PostSchema.parse({ platform: 'x', id: '1', url: 'https://x.com/a/status/1', author: { handle: 'someone' }, text, ...extra });

describe('matchPost', () => {
  it('passes over posts that mention no brand', () => {
    expect(matchPost(post('lovely weather'), matcher)).toBeUndefined();
  });

  it('splits brands from competitors', () => {
    expect(matchPost(post('Acme Air lost my bag, SkyJet never did'), matcher)).toEqual({
      brands: ['Acme Air'],
      competitorBrands: ['SkyJet'],
      ownBrand: false,
    });
  });

  it('counts a brand named only in the quoted post', () => {
    expect(matchPost(post('this is fantastic news!', { quoted: { author: 'AcmeAir', text: 'Acme Air adds 14 routes' } }), matcher)).toMatchObject({ brands: ['Acme Air'] });
  });

  it('counts a brand whose post or comment this one answers: the customer is talking to it', () => {
    const withHandles = compileBrands([BrandSchema.parse({ name: 'Acme Air', handles: ['AcmeAir'] }), BrandSchema.parse({ name: 'SkyJet', handles: ['skyjet'], competitor: true })]);
    expect(matchPost(post('three hours on hold now', { isReply: true, inReplyTo: 'acmeair' }), withHandles)).toEqual({ brands: ['Acme Air'], competitorBrands: [], ownBrand: false });
    expect(matchPost(post('three hours on hold now', { isReply: true, inReplyTo: '@SkyJet' }), withHandles)).toEqual({ brands: [], competitorBrands: ['SkyJet'], ownBrand: false });
    expect(matchPost(post('Acme Air, three hours on hold', { isReply: true, inReplyTo: 'AcmeAir' }), withHandles)?.brands).toEqual(['Acme Air']);
    expect(matchPost(post('three hours on hold now', { isReply: true, inReplyTo: 'acmeair_fan' }), withHandles)).toBeUndefined();
    // A competitor's own post is the competitor's, not ours; answering our brand, it names us too.
    expect(matchPost(post('Summer sale on every route', { author: { handle: 'SkyJet' } }), withHandles)).toEqual({ brands: [], competitorBrands: ['SkyJet'], ownBrand: false, byCompetitor: true });
    expect(matchPost(post('Fly SkyJet instead', { author: { handle: 'skyjet' }, isReply: true, inReplyTo: 'AcmeAir' }), withHandles)).toEqual({ brands: ['Acme Air'], competitorBrands: ['SkyJet'], ownBrand: false, byCompetitor: true });
    // The brand answering a customer is the brand speaking.
    expect(matchPost(post('Sorry, DM us', { author: { handle: 'AcmeAir' }, isReply: true, inReplyTo: 'AcmeAir' }), withHandles)).toEqual({ ownBrand: true, brands: ['Acme Air'], competitorBrands: [] });
  });

  it('counts a reply to the brand where the page shows only whom it answers by display name (Bluesky)', () => {
    const answered = (who: string) => matchPost(post('three hours on hold now', { isReply: true, inReplyTo: who }), matcher);
    expect(answered('Acme Air')).toEqual({ brands: ['Acme Air'], competitorBrands: [], ownBrand: false });
    expect(answered('ACME  air')).toMatchObject({ brands: ['Acme Air'] });
    // Not a name that merely holds the brand's, nor a one-word name taken for a handle.
    expect(answered('Acme Air fan club')).toBeUndefined();
    expect(answered('Dana Whitfield')).toBeUndefined();
  });

  it("counts a brand whose post this one quotes, whatever either says, but not the brand quoting itself", () => {
    const withHandles = compileBrands([BrandSchema.parse({ name: 'Acme Air', handles: ['AcmeAir', 'acmeair.bsky.social'] }), BrandSchema.parse({ name: 'SkyJet', handles: ['skyjet'], competitor: true })]);
    const quoting = (author: string, by = 'dana') => post('This. Three weeks and no refund.', { author: { handle: by }, quoted: { author, text: 'Bag fees change on June 1.' } });
    expect(matchPost(quoting('acmeair.bsky.social'), withHandles)).toEqual({ brands: ['Acme Air'], competitorBrands: [], ownBrand: false });
    expect(matchPost(quoting('SkyJet'), withHandles)).toEqual({ brands: [], competitorBrands: ['SkyJet'], ownBrand: false });
    expect(matchPost(quoting('someone'), withHandles)).toBeUndefined();
    expect(matchPost(quoting('AcmeAir', 'AcmeAir'), withHandles)).toEqual({ brands: ['Acme Air'], competitorBrands: [], ownBrand: true });
  });

  it("marks the brand's own posts, listing the brand they are by with the brands they name", () => {
    expect(matchPost(post('Our schedule is live', { author: { handle: 'AcmeAir' } }), matcher)).toEqual({ ownBrand: true, brands: ['Acme Air'], competitorBrands: [] });
    expect(matchPost(post('Unlike SkyJet, we fly daily', { author: { handle: 'AcmeAir' } }), matcher)).toEqual({ ownBrand: true, brands: ['Acme Air'], competitorBrands: ['SkyJet'] });
  });
});

describe('brandAddressed', () => {
  it("takes a domain handle named after a brand of several words for it, where the team did not list that handle", () => {
    const named = compileBrands([BrandSchema.parse({ name: 'Acme Air' }), BrandSchema.parse({ name: 'Delta' })]);
    expect(brandAddressed(named, 'acmeair.bsky.social')?.brand).toBe('Acme Air');
    expect(brandAddressed(named, 'acmeair.com')?.brand).toBe('Acme Air');
    expect(brandAddressed(named, 'Acme Air')?.brand).toBe('Acme Air');
    // A name of one word may be anyone's, as a handle or a display name.
    expect(brandAddressed(named, 'delta.bsky.social')).toBeUndefined();
    expect(brandAddressed(named, 'acmeairfan.bsky.social')).toBeUndefined();
    expect(brandAddressed(named, 'acmeair')).toBeUndefined();
  });

  it("takes a handle of the name's words joined by dashes or underscores for it (LinkedIn's /company/acme-air/)", () => {
    const named = compileBrands([BrandSchema.parse({ name: 'Acme Air' }), BrandSchema.parse({ name: 'Delta' })]);
    expect(brandAddressed(named, 'acme-air')?.brand).toBe('Acme Air');
    expect(brandAddressed(named, 'Acme_Air')?.brand).toBe('Acme Air');
    expect(brandAddressed(named, 'acme-air-fans')).toBeUndefined();
    expect(brandAddressed(named, 'delta-1')).toBeUndefined();
    expect(matchPost(post('So proud of this cohort!', { quoted: { author: 'acme-air', text: 'Welcome aboard, new crew!' } }), named)?.brands).toEqual(['Acme Air']);
  });

  it('takes no such handle for the brand where the team listed its handles, nor a typo of its name', () => {
    const listed = compileBrands([BrandSchema.parse({ name: 'Best Buy', handles: ['BestBuy'] }), BrandSchema.parse({ name: 'American Airlines' })]);
    expect(brandAddressed(listed, 'BestBuy')?.brand).toBe('Best Buy');
    expect(brandAddressed(listed, 'best_buy')).toBeUndefined();
    expect(brandAddressed(listed, 'bestbuy.bsky.social')).toBeUndefined();
    // A display name is the brand's name as written, the team's handles or not; never a typo of it.
    expect(brandAddressed(listed, 'Best Buy')?.brand).toBe('Best Buy');
    expect(brandAddressed(listed, 'american-airlines')?.brand).toBe('American Airlines');
    expect(brandAddressed(listed, 'amercian-airlines')).toBeUndefined();
    expect(brandAddressed(listed, 'Amercian Airlines')).toBeUndefined();
  });
});

describe('readPost', () => {
  it('reads sentiment, intents, urgency, language and private data of the post', () => {
    const r = readPost('Acme Air lost my bag and still no reply, booking ref XK7P2Q', ['SkyJet']);
    expect(r).toMatchObject({ sentiment: 'negative', language: 'en' });
    expect(r.score).toBeLessThan(0);
    expect(r.intents).toEqual(expect.arrayContaining(['complaint', 'private_data']));
    expect(r.privateData).toContain('order_number');
    expect(r.urgency).toBeGreaterThanOrEqual(2);
  });

  it("reads the post's own text: a quoted post's bad news does not make a happy customer negative", () => {
    const p = post('this is fantastic news!', { quoted: { author: 'AcmeAir', text: 'Acme Air cancels every flight, worst airline ever, I want a refund' } });
    // What the overlays send to be read is the post's own text, apart from the quote.
    expect(p.text).not.toContain('cancels');
    expect(analysisOf(matchPost(p, matcher)!, readPost(p.text))).toMatchObject({ brands: ['Acme Air'], sentiment: 'positive', detailed: true });
    expect(readPost(`${p.text} ${p.quoted!.text}`).sentiment).not.toBe('positive');
  });

  it('reads a batch by key, leaving out a post the reader cannot read', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read: typeof readPost = (text, competitors) => {
      if (text === 'boom') throw new Error('unreadable');
      return readPost(text, competitors);
    };
    const readings = readPosts(
      [
        { key: 'x:1', text: 'Acme Air lost my bag' },
        { key: 'x:2', text: 'boom' },
        { key: 'x:3', text: 'SkyJet is wonderful' },
      ],
      ['SkyJet'],
      read,
    );
    expect(Object.keys(readings)).toEqual(['x:1', 'x:3']);
    expect(readings['x:1']!.sentiment).toBe('negative');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('completes an analysis that was not read yet, and leaves a read one alone', () => {
    const p = post('Acme Air lost my bag');
    const bare = { ...matchPost(p, matcher)!, sentiment: 'neutral' as const, score: 0, intents: [], urgency: 0, urgencyReasons: [], language: 'unknown', privateData: [], detailed: false };
    const full = detailPost(p, bare);
    expect(full).toMatchObject({ detailed: true, language: 'en', brands: ['Acme Air'] });
    expect(full.intents).toContain('complaint');
    expect(detailPost(p, full)).toBe(full);
  });
});
