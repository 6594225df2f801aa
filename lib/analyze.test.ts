import { describe, expect, it } from 'vitest';
import { analysisOf, matchPost } from './analyze';
import { detailPost, readPost } from './analyze-detail';
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

  it("marks the brand's own posts", () => {
    expect(matchPost(post('Our schedule is live', { author: { handle: 'AcmeAir' } }), matcher)).toEqual({ ownBrand: true, brands: [], competitorBrands: [] });
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

  it("reads the post's own text: a quoted post's good news does not make a complaint positive", () => {
    const p = post('this is fantastic news!', { quoted: { author: 'AcmeAir', text: 'Acme Air cancels every flight' } });
    expect(analysisOf(matchPost(p, matcher)!, readPost(p.text))).toMatchObject({ brands: ['Acme Air'], sentiment: 'positive', detailed: true });
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
