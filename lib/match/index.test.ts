import { describe, expect, it } from 'vitest';
import { BrandSchema } from '../schemas/brand';
import { compileBrands } from '.';

const brands = [
  BrandSchema.parse({ name: 'Acme Air', aliases: ['AcmeAir'], handles: ['@AcmeAir', 'AcmeHelp'], hashtags: ['#acmefail'] }),
  BrandSchema.parse({ name: 'Apple', exclude: ['apple pie', 'apple juice'] }),
  BrandSchema.parse({ name: 'SkyJet', competitor: true }),
  BrandSchema.parse({ name: 'Café Noir' }),
];
const m = compileBrands(brands);
const names = (text: string, author?: string) => m.match(text, author).mentions.map((x) => x.brand).sort();

describe('brand matcher', () => {
  it('matches names and aliases on word boundaries, case- and accent-insensitively', () => {
    expect(names('flying ACME AIR today')).toEqual(['Acme Air']);
    expect(names('acmeair lost my bag')).toEqual(['Acme Air']);
    expect(names('cafe noir was great')).toEqual(['Café Noir']);
    expect(names('CAFÉ NOIR!')).toEqual(['Café Noir']);
  });

  it('never matches inside a longer word', () => {
    expect(names('Acmeairline news')).toEqual([]);
    expect(names('pineapple')).toEqual([]);
    expect(names('SkyJets')).toEqual([]);
  });

  it('matches @handles and #hashtags, including a brand name written as a hashtag', () => {
    expect(names('hey @acmehelp any news?')).toEqual(['Acme Air']);
    expect(names('worst day #AcmeFail')).toEqual(['Acme Air']);
    expect(names('#AcmeAir rocks')).toEqual(['Acme Air']);
  });

  it('lets exclusions win over the match they cover, but not over other mentions', () => {
    expect(names('Baking an apple pie tonight')).toEqual([]);
    expect(names('apple juice and an Apple watch')).toEqual(['Apple']);
  });

  it('marks competitors', () => {
    expect(m.match('moving to SkyJet').mentions).toEqual([{ brand: 'SkyJet', competitor: true, terms: ['skyjet'] }]);
  });

  it("marks the brand's own posts as its own, not as mentions of it by a customer", () => {
    expect(m.match('Our schedule is live', '@AcmeAir').ownBrands).toEqual(['Acme Air']);
    expect(m.match('Our schedule is live', 'someone').ownBrands).toEqual([]);
  });
});

describe('brand matcher: listening-tool features', () => {
  const full = compileBrands([
    BrandSchema.parse({ name: 'Acme Air', handles: ['AcmeAir', 'acme.bsky.social'], domains: ['https://www.acmeair.com/'] }),
    BrandSchema.parse({ name: 'Delta', near: { anyOf: ['flight', 'airline', 'gate', 'baggage'], within: 6 } }),
    BrandSchema.parse({ name: 'Jaguar', notWith: ['zoo', 'wildlife'] }),
    BrandSchema.parse({ name: 'Lufthansa', aliases: ['LH'] }),
    BrandSchema.parse({ name: 'Nordstrom', fuzzy: false }),
    BrandSchema.parse({ name: 'Apple', exclude: ['apple pie'] }),
  ]);
  const hit = (text: string) => full.match(text).mentions.map((x) => x.brand).sort();

  it('finds brand names inside concatenated and camel-cased hashtags and cashtags', () => {
    expect(hit('never again #acmeairfail')).toEqual(['Acme Air']);
    expect(hit('#BoycottAcmeAir now')).toEqual(['Acme Air']);
    expect(hit('#AcmeAirSucks')).toEqual(['Acme Air']);
    expect(hit('$ACMEAIR is down 5%')).toEqual(['Acme Air']);
    expect(hit('#applepie season')).toEqual([]);
    expect(hit('#AppleEvent today')).toEqual(['Apple']);
  });

  it('finds links to the brand’s domains and handles with dots', () => {
    expect(hit('see https://help.acmeair.com/bags for details')).toEqual(['Acme Air']);
    expect(hit('booked on acmeair.com.')).toEqual(['Acme Air']);
    expect(hit('notacmeair.com is a scam')).toEqual([]);
    expect(hit('cc @acme.bsky.social')).toEqual(['Acme Air']);
  });

  it('tolerates one typo in names of six letters or more, unless switched off', () => {
    expect(hit('flew Lufthasna yesterday')).toEqual(['Lufthansa']);
    expect(hit('Luftansa lost my bag')).toEqual(['Lufthansa']);
    expect(hit('Acmeair and Acmeiar')).toEqual(['Acme Air']);
    expect(hit('Nordstorm sale')).toEqual([]);
    expect(hit('LH flight')).toEqual(['Lufthansa']);
  });

  it('needs context near an ambiguous name (near) and drops posts with a must-not-contain word', () => {
    expect(hit('Delta lost my baggage again')).toEqual(['Delta']);
    expect(hit('the Mekong delta is beautiful')).toEqual([]);
    expect(hit('new Jaguar model revealed')).toEqual(['Jaguar']);
    expect(hit('saw a jaguar at the zoo')).toEqual([]);
  });

  it("recognises the brand's own handles, including ones with dots", () => {
    expect(full.match('hello', 'acme.bsky.social').ownBrands).toEqual(['Acme Air']);
  });
});

describe('brand matcher state', () => {
  it('carries nothing from one post to the next', () => {
    const m = compileBrands([BrandSchema.parse({ name: 'Apple', exclude: ['apple pie'], notWith: ['orchard'] })]);
    expect(m.match('apple pie and an orchard').mentions).toEqual([]);
    expect(m.match('my Apple laptop').mentions.map((x) => x.brand)).toEqual(['Apple']);
  });
});
