import { describe, expect, it } from 'vitest';
import { matchPost, unreadAnalysis } from './analyze';
import { compileBrands } from './match';
import { readPost, withReading } from './reading';
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
    expect(matchPost(post('Acme Air lost my bag, SkyJet never did'), matcher)).toEqual({ brands: ['Acme Air'], competitorBrands: ['SkyJet'], ownBrand: false });
  });

  it('counts a brand named in the quoted post', () => {
    expect(matchPost(post('this is fantastic news!', { quoted: { author: 'AcmeAir', text: 'Acme Air adds 14 routes' } }), matcher)).toMatchObject({ brands: ['Acme Air'] });
  });

  it("marks the brand's own posts", () => {
    expect(matchPost(post('Our schedule is live', { author: { handle: 'AcmeAir' } }), matcher)).toEqual({ brands: [], competitorBrands: [], ownBrand: true });
  });
});

describe('readPost', () => {
  it('reads sentiment, intents, urgency, language and private data from the post’s own text', () => {
    const r = readPost('Acme Air lost my bag and still no reply, booking ref XK7P2Q', ['SkyJet']);
    expect(r).toMatchObject({ sentiment: 'negative', language: 'en' });
    expect(r.intents).toEqual(expect.arrayContaining(['complaint', 'private_data']));
    expect(r.privateData).toContain('order_number');
    expect(r.urgency).toBeGreaterThanOrEqual(2);
    expect(readPost('this is fantastic news!').sentiment).toBe('positive');
  });

  it('reads a post the overlay could not have read, and leaves a read one as it is', () => {
    const p = post('Acme Air lost my bag and still no reply');
    const unread = unreadAnalysis(matchPost(p, matcher)!);
    expect(unread).toMatchObject({ read: false, intents: [], urgency: 0 });
    const full = withReading(p, unread, ['SkyJet']);
    expect(full).toMatchObject({ read: true, sentiment: 'negative', brands: ['Acme Air'], ownBrand: false });
    expect(full.intents).toContain('complaint');
    expect(withReading(p, full)).toBe(full);
  });
});
