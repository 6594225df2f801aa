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
