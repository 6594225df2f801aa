import { describe, expect, it } from 'vitest';
import { analyzePost } from './analyze';
import { detailPost } from './analyze-detail';
import { compileBrands } from './match';
import { BrandSchema } from './schemas/brand';
import { PostSchema } from './schemas/post';

const matcher = compileBrands([BrandSchema.parse({ name: 'Acme Air', handles: ['AcmeAir'] }), BrandSchema.parse({ name: 'SkyJet', competitor: true })]);
const post = (text: string, extra: object = {}) =>
  PostSchema.parse({ platform: 'x', id: '1', url: 'https://x.com/a/status/1', author: { handle: 'someone' }, text, ...extra });

describe('analyzePost', () => {
  it('passes over posts that mention no brand', () => {
    expect(analyzePost(post('lovely weather'), matcher)).toBeUndefined();
  });

  it('splits brands from competitors and reads the sentiment', () => {
    expect(analyzePost(post('Acme Air lost my bag, SkyJet never did'), matcher)).toMatchObject({
      brands: ['Acme Air'],
      competitorBrands: ['SkyJet'],
      sentiment: 'negative',
      ownBrand: false,
    });
  });

  it('counts a brand named in the quoted post, with the sentiment of the post itself', () => {
    const a = analyzePost(post('this is fantastic news!', { quoted: { author: 'AcmeAir', text: 'Acme Air adds 14 routes' } }), matcher);
    expect(a).toMatchObject({ brands: ['Acme Air'], sentiment: 'positive' });
  });

  it('reads intents, urgency and private data when asked for details', () => {
    const p = post('Acme Air lost my bag and still no reply, booking ref XK7P2Q');
    const quick = analyzePost(p, matcher)!;
    expect(quick).toMatchObject({ detailed: false, intents: [], urgency: 0 });
    const full = detailPost(p, quick, ['SkyJet']);
    expect(full).toMatchObject({ detailed: true, sentiment: 'negative', language: 'en', brands: ['Acme Air'] });
    expect(full.intents).toEqual(expect.arrayContaining(['complaint', 'private_data']));
    expect(full.privateData).toContain('order_number');
    expect(full.urgency).toBeGreaterThanOrEqual(2);
  });

  it("marks the brand's own posts", () => {
    expect(analyzePost(post('Our schedule is live', { author: { handle: 'AcmeAir' } }), matcher)).toMatchObject({ ownBrand: true, brands: [] });
  });
});
