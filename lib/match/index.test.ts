import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BrandSchema } from '../schemas/brand';
import { compileBrands } from '.';
import { parseDictionary, realWordVariants } from './real-words';

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
    expect(names('SkyJetset')).toEqual([]);
    expect(names('Acmes')).toEqual([]); // Acme is no name of its own: "Acme Air" is
  });

  it('matches a name written in the styled letters posts use for emphasis (mathematical bold, italic; circled)', () => {
    for (const t of ['𝐀𝐜𝐦𝐞 𝐀𝐢𝐫 lost my bag', '𝘼𝙘𝙢𝙚 𝘼𝙞𝙧 lost my bag', 'Ⓐⓒⓜⓔ Ⓐⓘⓡ lost my bag', '𝗮𝗰𝗺𝗲𝗮𝗶𝗿 lost my bag']) {
      expect(names(t), t).toEqual(['Acme Air']);
      expect(m.screen(t), t).toBe(true);
    }
    // Still words of their own: not inside a longer styled word, and emoji around them are no letters.
    expect(names('𝐀𝐜𝐦𝐞𝐀𝐢𝐫𝐥𝐢𝐧𝐞𝐬')).toEqual([]);
    expect(names('😀𝐒𝐤𝐲𝐉𝐞𝐭😀')).toEqual(['SkyJet']);
  });

  it('matches "&" in a name written "and", and a possessive written without its apostrophe', () => {
    const m = compileBrands([BrandSchema.parse({ name: "Ben & Jerry's" }), BrandSchema.parse({ name: 'Procter & Gamble' }), BrandSchema.parse({ name: 'AT&T' })]);
    const found = (text: string) => m.match(text).mentions.map((x) => x.brand);
    for (const t of ["Ben & Jerry's", 'Ben and Jerry’s', 'ben & jerrys', 'BEN AND JERRYS', 'Ben&Jerrys']) expect(found(`a pint of ${t} please`), t).toEqual(["Ben & Jerry's"]);
    expect(found('Procter and Gamble layoffs')).toEqual(['Procter & Gamble']);
    // Not a name cut short, nor "and" where the name has none, nor between single letters.
    expect(found('Ben and Jerry went out; at and t')).toEqual([]);
    const ca = compileBrands([BrandSchema.parse({ name: 'C & A' })]);
    expect(ca.match('rich in vitamins C and A').mentions).toEqual([]);
    expect(ca.match('sale at C & A').mentions).toHaveLength(1);
    expect(m.screen('a pint of Ben and Jerrys')).toBe(true);
  });

  it('matches a one-word name with a model number written onto it, as with a space', () => {
    const apple = compileBrands([BrandSchema.parse({ name: 'Apple', aliases: ['iPhone'] }), BrandSchema.parse({ name: 'HP' })]);
    const found = (text: string) => apple.match(text).mentions.map((x) => x.brand);
    expect(found('my iPhone15 died')).toEqual(['Apple']);
    expect(found('my iPhone 15 died')).toEqual(['Apple']);
    expect(found('the iphone2024 rumours')).toEqual(['Apple']);
    // Not letters after the number, not a name inside a longer word, not a name of two letters.
    expect(found('iPhone15Pro, xiPhone15, iphone15x, HP15 laptop, 15iphone')).toEqual([]);
    expect(found('my iPhone15.')).toEqual(['Apple']);
    // Not a handle, an email address, a link or a file name.
    expect(found('@iphone15 mail iphone15@example.com see example.com/iphone15 or iphone15.jpg')).toEqual([]);
    // Not where the brand excludes the name with that number.
    const delta = compileBrands([BrandSchema.parse({ name: 'Delta', exclude: ['Delta 8'] })]);
    expect(delta.match('delta8 gummies').mentions).toEqual([]);
    expect(delta.match('delta 8 gummies').mentions).toEqual([]);
    expect(delta.match('delta737 seat').mentions).toHaveLength(1);
  });

  it("matches a one-word name's plural (people write \"two Ubers\"), unless it is a listed real word", () => {
    expect(names('both SkyJets were late')).toEqual(['SkyJet']);
    expect(names('APPLES?')).toEqual(['Apple']);
    const listed = compileBrands(brands, { realWords: ['apples'] });
    expect(listed.match('apples and pears').mentions).toEqual([]);
    expect(listed.match('both SkyJets').mentions.map((x) => x.brand)).toEqual(['SkyJet']);
    // Not a name that ends in s already, nor one of three letters, nor while the real words are not known.
    const short = compileBrands([BrandSchema.parse({ name: 'Lexus' }), BrandSchema.parse({ name: 'Box' })]);
    expect(short.match('two Lexuss and Boxs').mentions).toEqual([]);
    expect(compileBrands(brands, { variants: false }).match('both SkyJets').mentions).toEqual([]);
    // A name as written is never another's plural.
    const two = compileBrands([BrandSchema.parse({ name: 'Acmes' }), BrandSchema.parse({ name: 'Acme' })]);
    expect(two.match('at Acmes').mentions.map((x) => x.brand)).toEqual(['Acmes']);
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

  it('finds a name of several words, written as one of 7+ letters, anywhere inside a longer tag', () => {
    expect(hit('#neveracmeairagain')).toEqual(['Acme Air']);
    expect(hit('#whyacmeairwhy and #myacmeairtrip')).toEqual(['Acme Air']);
    // A shorter name, or a name of one word, only at either end of it.
    expect(hit('#pinkappletree')).toEqual([]);
    expect(hit('#' + 'x'.repeat(20_000) + 'acmeair')).toEqual(['Acme Air']);
  });

  it('reads underscores in a tag as joins between words', () => {
    expect(hit('#acme_air strike')).toEqual(['Acme Air']);
    expect(hit('#Acme_Air_Fail')).toEqual(['Acme Air']);
    expect(hit('#apple_pie season')).toEqual([]);
    expect(full.screen('#acme_air strike')).toBe(true);
  });

  it('finds links to the brand’s domains and handles with dots', () => {
    expect(hit('see https://help.acmeair.com/bags for details')).toEqual(['Acme Air']);
    expect(hit('booked on acmeair.com.')).toEqual(['Acme Air']);
    expect(hit('notacmeair.com is a scam')).toEqual([]);
    expect(hit('cc @acme.bsky.social')).toEqual(['Acme Air']);
    // A sentence run on without its space after a handle: the capitalised word is no part of it.
    expect(hit('thanks @AcmeAir.Great service')).toEqual(['Acme Air']);
    expect(hit('cc @acme.Bsky.social')).toEqual([]);
    expect(hit('cc @acmeair.bsky.social')).toEqual([]);
  });

  it('tolerates one typo in a hashtag that is a name of six letters or more, never in a cashtag or a longer tag', () => {
    const tags = compileBrands([BrandSchema.parse({ name: 'Lufthansa' }), BrandSchema.parse({ name: 'Under Armour' }), BrandSchema.parse({ name: 'Boeing' })], {
      realWords: ['being'],
    });
    const found = (text: string) => tags.match(text).mentions.map((x) => `${x.brand}: ${x.terms.join('|')}`);
    expect(found('never again #Lufthasna')).toEqual(['Lufthansa: #lufthasna']);
    expect(found('#UnderArmor fell apart')).toEqual(['Under Armour: #underarmor']);
    expect(tags.screen('never again #Lufthasna')).toBe(true);
    for (const text of ['$LUFTHASNA', '#lufthasnafail', '#being', '#lufthasnas']) expect(found(text), text).toEqual([]);
  });

  it('tolerates one typo in names of six letters or more, unless switched off', () => {
    expect(hit('flew Lufthasna yesterday')).toEqual(['Lufthansa']);
    expect(hit('Luftansa lost my bag')).toEqual(['Lufthansa']);
    expect(hit('Acmeair and Acmeiar')).toEqual(['Acme Air']);
    expect(hit('Nordstorm sale')).toEqual([]);
    expect(hit('LH flight')).toEqual(['Lufthansa']);
  });

  describe('a name of several words with one typo in a word of six letters or more, the others as written', () => {
    const brands = [
      'Under Armour', 'American Airlines', 'United Airlines', 'Bank of America', 'Whole Foods', 'New York Times', 'Four Seasons',
      'General Motors', 'Golden Corral', 'Wells Fargo', 'Texas Roadhouse', 'Amazon Prime', 'Microsoft Teams', 'Great Clips', 'State Farm', 'Home Depot',
      'Acme Air', 'Royal Caribbean Cruises', 'Capital One',
    ].map((name) => BrandSchema.parse({ name }));
    // With the real words the background lists for these names from the shipped dictionary, as a content script has them.
    const plain = compileBrands(brands);
    const m = compileBrands(brands, { realWords: realWordVariants(plain, parseDictionary(readFileSync('public/dictionary.txt', 'utf8'))) });
    const found = (text: string) => m.match(text).mentions.map((x) => `${x.brand}: ${x.terms.join('|')}`);

    it('finds it, reported as written, and the screen passes it', () => {
      expect(found('my Under Armor shoes fell apart')).toEqual(['Under Armour: under armor']);
      expect(found('Amercian Airlines lost my bag')).toEqual(['American Airlines: amercian airlines']);
      expect(found('bank of amercia fees again')).toEqual(['Bank of America: bank of amercia']);
      expect(found('Unted Airlines lost my bag')).toEqual(['United Airlines: unted airlines']);
      expect(found('royal caribean cruises refund')).toEqual(['Royal Caribbean Cruises: royal caribean cruises']);
      for (const text of ['my Under Armor shoes', 'bank of amercia fees', 'Amercian Airlines']) expect(m.screen(text), text).toBe(true);
    });

    it('never takes ordinary words for it: a singular, a short word, a real word, two typos, words apart, another first letter', () => {
      for (const text of [
        'a whole food plant-based diet', 'kids whose foods contain nuts', 'Delta is the largest American airline', '9am New York time',
        'a four season tent', 'what a great clip', 'general motor skills', 'a golden coral reef', 'went well fargo', 'a Texan roadhouse',
        'check the Amazon price', 'the Microsoft team announced', 'a stage farm', 'home dept', 'Bank of Americas',
        'Untied Airlines', 'Inited Airlines', 'Amercian Airlnes', 'Acmee Air', 'royal caribean crusies', 'Capitol One card',
      ]) {
        expect(found(text), text).toEqual([]);
      }
      // A singular is none, even where no real word keeps it out.
      expect(plain.match('Delta is the largest American airline').mentions).toEqual([]);
    });

    it('is found in the other ways the name is written too ("and" for "&")', () => {
      const amp = compileBrands([BrandSchema.parse({ name: 'Bed Bath & Beyond' })]);
      for (const text of ['Bed Bath & Beyomd closed', 'bed bath and beyomd closed']) {
        expect(amp.match(text).mentions.map((x) => x.brand), text).toEqual(['Bed Bath & Beyond']);
        expect(amp.screen(text), text).toBe(true);
      }
    });

    it('is kept out by an exclusion written with the same typo, as a one-word name is', () => {
      const ex = compileBrands([
        BrandSchema.parse({ name: 'American Airlines', exclude: ['American Airlines Arena'] }),
        BrandSchema.parse({ name: 'Lufthansa', exclude: ['Lufthansa Cargo'] }),
      ]);
      const hits = (text: string) => ex.match(text).mentions.map((x) => x.brand);
      expect(hits('concert at the Amercian Airlines Arena tonight')).toEqual([]);
      expect(hits('Amercian Airlines lost my bag')).toEqual(['American Airlines']);
      expect(hits('Lufthasna Cargo delivered the parts')).toEqual([]);
      expect(hits('Lufthans Cargo delivered the parts')).toEqual([]);
      expect(hits('Lufthasna lost my bag')).toEqual(['Lufthansa']);
      // Beside a short word too, and only in the words of the brand's names: a person's name one letter off is no exclusion.
      const more = compileBrands([
        BrandSchema.parse({ name: 'Jaguar', exclude: ['jaguar cub'] }),
        BrandSchema.parse({ name: 'Tesla', exclude: ['Nikola Tesla'] }),
      ]);
      expect(more.match('we saw a jagaur cub').mentions).toEqual([]);
      expect(more.match('my Jagaur broke down').mentions.map((x) => x.brand)).toEqual(['Jaguar']);
      expect(more.match('Thanks Nicola. Tesla support never called back').mentions.map((x) => x.brand)).toEqual(['Tesla']);
      expect(more.match('a biography of Nikola Tesla').mentions).toEqual([]);
    });

    it('is off where typos are', () => {
      const off = compileBrands([BrandSchema.parse({ name: 'Under Armour', fuzzy: false })]);
      expect(off.match('Under Armor shoes').mentions).toEqual([]);
      expect(compileBrands([BrandSchema.parse({ name: 'Under Armour' })], { variants: false }).match('Under Armor shoes').mentions).toEqual([]);
      // Nor is a word after the first taken with a sigil of its own.
      expect(plain.match('under #armor').mentions).toEqual([]);
    });

    it("lists the words' typos among its variants, so the background lists the real words among them", () => {
      expect(plain.variantTerms).toEqual(expect.arrayContaining(['american', 'airlines', 'armour', 'corral']));
      expect(plain.isVariant('amercian')).toBe(true);
      expect(plain.isVariant('coral')).toBe(true);
      expect(plain.isVariant('airline')).toBe(false);
      expect(m.match('Golden Coral buffet').mentions).toEqual([]);
      expect(plain.match('Golden Coral buffet').mentions.map((x) => x.brand)).toEqual(['Golden Corral']);
    });
  });

  it('needs context near an ambiguous name (near) and drops posts with a must-not-contain word', () => {
    expect(hit('Delta lost my baggage again')).toEqual(['Delta']);
    expect(hit('the Mekong delta is beautiful')).toEqual([]);
    expect(hit('new Jaguar model revealed')).toEqual(['Jaguar']);
    expect(hit('saw a jaguar at the zoo')).toEqual([]);
  });

  it('needs that context for a name written as a tag too; a listed tag always counts', () => {
    const chase = compileBrands([BrandSchema.parse({ name: 'Chase', hashtags: ['chasebankfail'], near: { anyOf: ['bank', 'card', 'account'] } })]);
    const found = (text: string) => chase.match(text).mentions.map((x) => x.brand);
    for (const text of ['#chase the sun', '#ChaseYourDreams', '#chasethesun today', 'Chase your dreams']) expect(found(text), text).toEqual([]);
    for (const text of ['#chase locked my card', '#ChaseBank froze my account', 'my Chase card', '#chasebankfail']) expect(found(text), text).toEqual(['Chase']);
  });

  it('counts a listed tag at either end of a longer one, camel-cased or with underscores, whatever context the name needs', () => {
    const chase = compileBrands([BrandSchema.parse({ name: 'Chase', hashtags: ['ChaseSapphire', 'chase_freedom'], near: { anyOf: ['bank'] } })]);
    const found = (text: string) => chase.match(text).mentions.map((x) => x.brand);
    for (const text of ['#ChaseSapphireReserve', '#chasesapphirereserve', '#chase_freedom', '#ChaseFreedomUnlimited', '#chase_freedom_flex']) expect(found(text), text).toEqual(['Chase']);
    expect(found('#ChaseYourDreams')).toEqual([]);
  });

  it("never lets an exclusion's plural cancel the brand's own name", () => {
    const m = compileBrands([BrandSchema.parse({ name: 'Whole Foods', exclude: ['whole food'] }), BrandSchema.parse({ name: 'Four Seasons', exclude: ['four season'] })]);
    const found = (text: string) => m.match(text).mentions.map((x) => x.brand).sort();
    expect(found('Shopping at Whole Foods today, #WholeFoods, then the Four Seasons')).toEqual(['Four Seasons', 'Whole Foods']);
    expect(found('eat whole food, a four season tent')).toEqual([]);
  });

  it('needs the "&" of a name whose words are a letter or two ("AT&T", "H&M")', () => {
    const m = compileBrands([BrandSchema.parse({ name: 'AT&T' }), BrandSchema.parse({ name: 'H&M' }), BrandSchema.parse({ name: 'T-Mobile' })]);
    const found = (text: string) => m.match(text).mentions.map((x) => x.brand).sort();
    expect(found('Waiting in line at T-Mobile store')).toEqual(['T-Mobile']);
    expect(found('meet me at T.J. Maxx, at T minus 5')).toEqual([]);
    expect(found('H. M. Treasury report')).toEqual([]);
    expect(found('AT&T dropped my call, AT & T again, bought it at H&M')).toEqual(['AT&T', 'H&M']);
    expect(found('at&t outage, h & m sale')).toEqual(['AT&T', 'H&M']);
    // Japanese and Chinese posts write the full-width "＆".
    expect(found('H＆Mで買った')).toEqual(['H&M']);
    expect(found('AT＆Tの回線')).toEqual(['AT&T']);
  });

  it('finds links to a domain with a dash in it', () => {
    const m = compileBrands([BrandSchema.parse({ name: 'Bank of Acme', domains: ['acme-bank.com'] })]);
    expect(m.match('https://acme-bank.com/login is down').mentions.map((x) => x.brand)).toEqual(['Bank of Acme']);
    expect(m.match('see www.acme-bank.com.').mentions.map((x) => x.brand)).toEqual(['Bank of Acme']);
    expect(m.match('my-acme-bank.com is a scam, and bank.com too').mentions).toEqual([]);
    expect(m.screen('https://acme-bank.com/login')).toBe(true);
  });

  it("lets an exclusion's plural win as the exclusion does", () => {
    expect(hit('Baking apple pies tonight')).toEqual([]);
    expect(hit('apple pies and my Apple watch')).toEqual(['Apple']);
  });

  it('reads letters written plain that carry no accent (ø, ß, ı, ł, æ) and umlauts written out', () => {
    const m = compileBrands(['Ørsted', 'Meißen', 'Yıldız', 'Łowicz', 'Müller', 'Nestlé'].map((name) => BrandSchema.parse({ name })));
    const found = (text: string) => m.match(text).mentions.map((x) => x.brand).sort();
    expect(found('Orsted wind farm; Meissen porcelain; Yildiz; Lowicz jam')).toEqual(['Meißen', 'Yıldız', 'Łowicz', 'Ørsted'].sort());
    expect(found('ØRSTED and MEISSEN and Łowicz')).toEqual(['Meißen', 'Łowicz', 'Ørsted'].sort());
    expect(found('Mueller Milchreis schmeckt komisch, Muller too')).toEqual(['Müller']);
    // Exclusions, near and must-not-contain words with umlauts are read written out too.
    const player = compileBrands([BrandSchema.parse({ name: 'Müller', exclude: ['Thomas Müller'], notWith: ['Fußball'], fuzzy: false })]);
    expect(player.match('Thomas Mueller scored').mentions).toEqual([]);
    expect(player.match('Mueller und Fussball').mentions).toEqual([]);
    expect(player.match('Mueller Milchreis').mentions.map((x) => x.brand)).toEqual(['Müller']);
    expect(m.screen('Mueller Milchreis')).toBe(true);
    expect(m.screen('Orsted wind farm')).toBe(true);
  });

  it("recognises the brand's own handles, including ones with dots", () => {
    expect(full.match('hello', 'acme.bsky.social').ownBrands).toEqual(['Acme Air']);
  });

  it('reads Mastodon addresses: a handle listed without an instance is that user on any, one listed with it that account alone', () => {
    // (Handles unlike the name, so that no mention counts by the name.)
    const m = compileBrands([
      BrandSchema.parse({ name: 'Northwind', handles: ['NWHelp', '@nwcare@social.example'] }),
      BrandSchema.parse({ name: 'Contoso', handles: ['contoso.bsky.social'], competitor: true }),
    ]);
    const own = (author: string) => m.brandOfHandle(author)?.brand;
    expect([own('NWHelp@mastodon.social'), own('@nwhelp@fosstodon.org'), own('NWHelp')]).toEqual(['Northwind', 'Northwind', 'Northwind']);
    expect([own('nwcare@social.example'), own('nwcare@other.example'), own('nwcare'), own('contoso.bsky.social@x.example')]).toEqual(['Northwind', undefined, undefined, undefined]);
    expect(m.screen('we fly', 'NWHelp@mastodon.social')).toBe(true);
    const named = (text: string, platform = 'mastodon') => m.match(text, undefined, platform).mentions.map((x) => x.brand);
    // Mastodon shows a mention as "@user"; its address is the whole "@user@instance".
    expect([named('thanks @nwcare'), named('thanks @nwcare@social.example'), named('hi @NWHelp@mastodon.social!')]).toEqual([['Northwind'], ['Northwind'], ['Northwind']]);
    expect(m.screen('thanks @nwcare')).toBe(true);
    expect([named('thanks @nwcarefully'), named('mail nwcare@social.example')]).toEqual([[], []]);
    // Elsewhere "@nwcare" is another site's account; the whole address still names the brand.
    expect([named('thanks @nwcare', 'x'), named('thanks @nwcare'.replace('@nwcare', '@nwcare@social.example'), 'x')]).toEqual([[], ['Northwind']]);
  });
});

describe('brand matcher: scripts written without spaces, and Korean', () => {
  const cjk = compileBrands([
    BrandSchema.parse({ name: '任天堂', aliases: ['Nintendo', 'ニンテンドー'], exclude: ['任天堂株式会社'] }),
    BrandSchema.parse({ name: 'ソニー', aliases: ['Sony'] }),
    BrandSchema.parse({ name: '苹果', aliases: ['Apple'], exclude: ['苹果汁'] }),
    BrandSchema.parse({ name: '삼성', aliases: ['Samsung'] }),
    BrandSchema.parse({ name: 'การบินไทย', aliases: ['Thai Airways'] }),
    BrandSchema.parse({ name: 'スターバックス コーヒー' }),
    BrandSchema.parse({ name: 'ユニクロ', hashtags: ['ユニクロ'], competitor: true }),
  ]);
  const hit = (text: string) => cjk.match(text).mentions.map((x) => x.brand).sort();

  it('finds a name among the words it is written against', () => {
    expect(hit('任天堂のスイッチが壊れた')).toEqual(['任天堂']);
    expect(hit('我的苹果手机坏了')).toEqual(['苹果']);
    expect(hit('삼성이 또 고장났어요')).toEqual(['삼성']);
    expect(hit('삼성전자 서비스센터 최악')).toEqual(['삼성']);
    expect(hit('การบินไทยดีเลย์อีกแล้ว')).toEqual(['การบินไทย']);
    expect(cjk.match('ユニクロで買った').mentions).toEqual([{ brand: 'ユニクロ', competitor: true, terms: ['ユニクロ'] }]);
  });

  it('ends a Latin word where such a script begins', () => {
    expect(hit('Nintendoのゲーム')).toEqual(['任天堂']);
    expect(hit('Appleストアで買った')).toEqual(['苹果']);
    expect(hit('Samsung폰 배터리')).toEqual(['삼성']);
    expect(hit('Nintendoist')).toEqual([]);
  });

  it('reads a handle with the honorific written onto it as the handle', () => {
    const handles = compileBrands([BrandSchema.parse({ name: 'Acme Air', handles: ['AcmeAir'] }), BrandSchema.parse({ name: 'Nintendo', handles: ['NintendoJP'] })]);
    const named = (text: string) => handles.match(text).mentions.map((x) => x.brand);
    for (const text of ['@AcmeAirさん 荷物が届きません', '@AcmeAir様、返金は？', '@AcmeAir님 환불해주세요', '@AcmeAir你好，我的订单']) {
      expect(handles.screen(text)).toBe(true);
      expect(named(text)).toEqual(['Acme Air']);
    }
    expect(named('@NintendoJPさんへ')).toEqual(['Nintendo']);
    expect(named('@AcmeAirline様')).toEqual([]);
  });

  it('reads a listed handle that mixes letters with such a script whole (YouTube handles may)', () => {
    const mixed = compileBrands([BrandSchema.parse({ name: 'Sony', handles: ['Sony_ソニー', 'ソニー公式'] })]);
    for (const text of ['@Sony_ソニー 壊れた', '@Sony_ソニーさん 修理は？', 'hi @sony_ソニー', '@ソニー公式 修理']) {
      expect(mixed.screen(text), text).toBe(true);
      expect(mixed.match(text).mentions.map((x) => x.brand), text).toEqual(['Sony']);
    }
    expect(mixed.match('@Sony_ソニ 壊れた').mentions).toEqual([]);
    expect(mixed.match('@Sony_ 壊れた').mentions).toEqual([]);
  });

  it('reads a name with an invisible character inside it (a soft hyphen, a zero-width space) as the name', () => {
    const names = compileBrands([BrandSchema.parse({ name: 'Lufthansa' }), BrandSchema.parse({ name: 'Acme Air', hashtags: ['acmefail'] })]);
    for (const [text, term] of [
      ['Luft\u00adhansa hat meinen Koffer verloren', 'lufthansa'],
      ['L\u200bufthansa lost my bag', 'lufthansa'],
      ['#acme\u200bfail again', '#acmefail'],
    ]) {
      expect(names.screen(text!)).toBe(true);
      expect(names.match(text!).mentions.map((x) => x.terms)).toEqual([[term]]);
    }
    // Between words, or beside an emoji, it joins nothing.
    expect(names.match('Luft \u00ad hansa').mentions).toEqual([]);
    expect(names.match('👨\u200d👩 Lufthansa').mentions.map((x) => x.brand)).toEqual(['Lufthansa']);
  });

  it('reads the full-width ＠, ＃ and ＄ of Japanese and Chinese text as sigils', () => {
    const sigils = compileBrands([BrandSchema.parse({ name: 'Acme Air', handles: ['AcmeHelp'], hashtags: ['flyacme'] }), BrandSchema.parse({ name: 'Globex', hashtags: ['GLBX'] })]);
    for (const [text, term] of [
      ['＠AcmeHelp 荷物が届きません', '@acmehelp'],
      ['＠AcmeHelpさん 返金は？', '@acmehelp'],
      ['＃flyacme 最高', '#flyacme'],
    ]) {
      expect(sigils.screen(text!)).toBe(true);
      expect(sigils.match(text!).mentions).toEqual([{ brand: 'Acme Air', competitor: false, terms: [term] }]);
    }
    expect(sigils.match('＄GLBX 急落').mentions.map((x) => x.brand)).toEqual(['Globex']);
    expect(sigils.match('mail me: name＠AcmeHelp.com').mentions).toEqual([]);
  });

  it('reads half-width kana as full-width, but keeps the marks that make another word', () => {
    expect(hit('ｿﾆｰのテレビ')).toEqual(['ソニー']);
    expect(hit('ニンテンドーeショップ')).toEqual(['任天堂']);
    expect(hit('ニンテントー')).toEqual([]);
    expect(hit('ソニックの映画')).toEqual([]);
  });

  it('needs the characters of a name written together, and a space where the name has one or none', () => {
    expect(hit('任 天 堂')).toEqual([]);
    expect(hit('スターバックスコーヒーで')).toEqual(['スターバックス コーヒー']);
    expect(hit('スターバックス コーヒーで')).toEqual(['スターバックス コーヒー']);
    expect(hit('スターバックスで')).toEqual([]);
    expect(cjk.match('任天堂の新作').mentions[0]!.terms).toEqual(['任天堂']);
  });

  it('finds names inside tags, and lets exclusions win', () => {
    expect(hit('#任天堂スイッチ 最高')).toEqual(['任天堂']);
    expect(hit('#我爱苹果手机')).toEqual(['苹果']);
    expect(hit('#ユニクロ購入品')).toEqual(['ユニクロ']);
    expect(hit('任天堂株式会社の決算')).toEqual([]);
    expect(hit('喝苹果汁')).toEqual([]);
    expect(hit('喝苹果汁, 用苹果手机')).toEqual(['苹果']);
    expect(hit('#苹果汁好喝')).toEqual([]);
  });

  it('passes such posts through the screen, and turns others away', () => {
    expect(cjk.screen('2時間任天堂のスイッチ')).toBe(true);
    expect(cjk.screen('ｿﾆｰのテレビ')).toBe(true);
    expect(cjk.screen('我爱北京天安门')).toBe(false);
  });
});

describe('brand matcher: Arabic', () => {
  const ar = compileBrands([
    BrandSchema.parse({ name: 'أمازون', aliases: ['Amazon'] }),
    BrandSchema.parse({ name: 'زين' }),
    BrandSchema.parse({ name: 'الراجحي' }),
    BrandSchema.parse({ name: 'طيران الإمارات' }),
  ]);
  const hit = (text: string) => ar.match(text).mentions.map((x) => x.brand).sort();

  it('finds a name under the prefixes written onto it (and, with, to, the)', () => {
    expect(hit('والأمازون سيء')).toEqual(['أمازون']);
    expect(hit('طلبت بأمازون')).toEqual(['أمازون']);
    expect(hit('شكوى للأمازون')).toEqual(['أمازون']);
    expect(hit('شبكة زين ضعيفة، ولزين رد؟')).toEqual(['زين']);
    expect(hit('حسابي بالراجحي مقفل')).toEqual(['الراجحي']);
    expect(hit('وطيران الامارات متأخر')).toEqual(['طيران الإمارات']);
  });

  it('reads hamza forms, tatweel and final yaa as posts write them, and never a name inside a longer word', () => {
    expect(hit('امازون')).toEqual(['أمازون']);
    expect(hit('أمـــازون')).toEqual(['أمازون']);
    expect(hit('زينب ومزين')).toEqual([]);
    expect(ar.screen('والأمازون سيء')).toBe(true);
  });
});

describe('brand matcher: Hebrew', () => {
  const he = compileBrands([BrandSchema.parse({ name: 'אמזון' }), BrandSchema.parse({ name: 'אל על' })]);
  const hit = (text: string) => he.match(text).mentions.map((x) => x.brand).sort();

  it('finds a name under the prefix letters written onto it, never inside a longer word', () => {
    expect(hit('הזמנתי מאמזון ולא הגיע')).toEqual(['אמזון']);
    expect(hit('ובאמזון אין מענה')).toEqual(['אמזון']);
    expect(hit('טסתי באל על')).toEqual(['אל על']);
    expect(hit('אמזונס')).toEqual([]);
    expect(he.screen('ובאמזון אין מענה')).toBe(true);
  });
});

describe('brand matcher: names of several words written as one', () => {
  const names = ['Acme Air', 'Home Depot', 'Delta Air Lines', 'Every Day'];
  const m = compileBrands(names.map((name) => BrandSchema.parse({ name, fuzzy: false })));
  const hit = (text: string) => m.match(text).mentions.map((x) => x.brand).sort();

  it('finds them written as one word, in any case, but never inside a longer word', () => {
    expect(hit('AcmeAir lost my bag')).toEqual(['Acme Air']);
    expect(hit('at HOMEDEPOT, again')).toEqual(['Home Depot']);
    expect(hit('deltaairlines.')).toEqual(['Delta Air Lines']);
    expect(hit('the acmeairline news')).toEqual([]);
    expect(m.variantTerms).toEqual(['acmeair', 'deltaairlines', 'everyday', 'homedepot']);
    expect(m.isVariant('acmeair')).toBe(true);
    expect(m.isVariant('acme')).toBe(false);
  });

  it('leaves a real word alone when the settings list it ("everyday" is not Every Day)', () => {
    const withWords = compileBrands(names.map((name) => BrandSchema.parse({ name, fuzzy: false })), { realWords: ['everyday'] });
    expect(withWords.match('my everyday bag').mentions).toEqual([]);
    expect(withWords.match('Every Day stores').mentions.map((x) => x.brand)).toEqual(['Every Day']);
    expect(hit('my everyday bag')).toEqual(['Every Day']);
  });

  it('finds a name listed as one word as written, even when it is also a real word', () => {
    const alias = compileBrands([BrandSchema.parse({ name: 'Acme Air', aliases: ['AcmeAir'] })], { realWords: ['acmeair'] });
    expect(alias.match('AcmeAir lost my bag').mentions.map((x) => x.brand)).toEqual(['Acme Air']);
  });

  it('keeps a name written with punctuation as one word whatever the real words ("mcdonalds")', () => {
    const mc = compileBrands([BrandSchema.parse({ name: "McDonald's" })], { realWords: ['mcdonalds'] });
    expect(mc.match('I love mcdonalds').mentions.map((x) => x.brand)).toEqual(["McDonald's"]);
    expect(mc.isVariant('mcdonalds')).toBe(false);
  });

  it('needs five letters to find a name of several words written as one ("Up On" is not "upon")', () => {
    const short = compileBrands([BrandSchema.parse({ name: 'Up On' }), BrandSchema.parse({ name: 'Go Pro' })]);
    expect(short.match('once upon a time').mentions).toEqual([]);
    expect(short.match('my gopro died').mentions.map((x) => x.brand)).toEqual(['Go Pro']);
  });

  it('finds names as written only, when asked for no variants', () => {
    const exact = compileBrands([BrandSchema.parse({ name: 'Acme Air' }), BrandSchema.parse({ name: 'Lufthansa' })], { variants: false });
    expect(exact.match('AcmeAir and Lufthasna').mentions).toEqual([]);
    expect(exact.match('Acme Air and Lufthansa').mentions.map((x) => x.brand)).toEqual(['Acme Air', 'Lufthansa']);
    expect(exact.variantTerms).toEqual([]);
  });
});

describe('brand matcher: names written with punctuation inside', () => {
  const m = compileBrands(['E*TRADE', '7-Eleven', 'Coca-Cola', 'AT&T', 'H&M'].map((name) => BrandSchema.parse({ name })));
  const hit = (text: string) => m.match(text).mentions.map((x) => x.brand).sort();

  it('also finds them written as one word, when that word is not too short to be safe', () => {
    expect(hit('etrade login fails')).toEqual(['E*TRADE']);
    expect(hit('E-Trade app')).toEqual(['E*TRADE']);
    expect(hit('a 7eleven coffee')).toEqual(['7-Eleven']);
    expect(hit('cocacola zero')).toEqual(['Coca-Cola']);
    expect(hit('AT&T and H&M')).toEqual(['AT&T', 'H&M']);
    expect(hit('att outage, hm I see')).toEqual([]);
  });
});

describe('brand matcher: tickers', () => {
  it('matches a ticker listed among the hashtags as a cashtag and as a tag, not as a word', () => {
    const m = compileBrands([BrandSchema.parse({ name: 'Tesla', hashtags: ['TSLA'] })]);
    expect(m.match('$TSLA down 5% today').mentions.map((x) => x.terms)).toEqual([['$tsla']]);
    expect(m.match('#tsla').mentions).toHaveLength(1);
    expect(m.match('tsla down').mentions).toEqual([]);
    expect(m.screen('$TSLA down')).toBe(true);
  });
});

describe('brand matcher state', () => {
  it('carries nothing from one post to the next', () => {
    const m = compileBrands([BrandSchema.parse({ name: 'Apple', exclude: ['apple pie'], notWith: ['orchard'] })]);
    expect(m.match('apple pie and an orchard').mentions).toEqual([]);
    expect(m.match('my Apple laptop').mentions.map((x) => x.brand)).toEqual(['Apple']);
  });
});
