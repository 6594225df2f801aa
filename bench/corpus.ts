/**
 * A seeded corpus of real-looking social posts and a large brand list, so matcher benchmarks
 * are repeatable: same seed, same posts.
 */
import { BrandSchema, type Brand } from '../lib/schemas/brand';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEMS = [
  'Acme', 'Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Hooli', 'Vandelay',
  'Pied Piper', 'Soylent', 'Tyrell', 'Cyberdyne', 'Aperture', 'Black Mesa', 'Oscorp', 'Massive Dynamic', 'Gringotts',
  'Sirius', 'Nakatomi', 'Duff', 'Krusty', 'Monarch', 'Dunder Mifflin', 'Prestige', 'Gekko', 'Bluth', 'Sterling',
  'Zorg', 'Virtucon', 'Spacely', 'Cogswell', 'Planet Express', 'MomCorp', 'Ollivanders', 'Paper Street', 'Wernham',
  'Los Pollos', 'Lacuna', 'Rekall', 'Weyland', 'Yoyodyne', 'Buy n Large', 'Blue Sun', 'Veidt', 'Ghostwood', 'Octan', 'Kramerica',
];
const SUFFIXES = ['Air', 'Bank', 'Mobile', 'Foods', 'Energy', 'Telecom', 'Shop', 'Cloud', 'Motors', 'Insurance', 'Rail', 'Coffee'];

/** 60 brands, 4+ terms each: name, alias, two handles, hashtag, domain, some exclusions. */
export function makeBrands(count = 60, seed = 7): Brand[] {
  const r = rng(seed);
  const brands: Brand[] = [];
  for (let i = 0; i < count; i++) {
    const stem = STEMS[i % STEMS.length]!;
    const suffix = SUFFIXES[Math.floor(r() * SUFFIXES.length)]!;
    const name = i < STEMS.length ? `${stem} ${suffix}` : `${stem} ${suffix} ${i}`;
    const joined = name.replace(/\s+/g, '');
    brands.push(
      BrandSchema.parse({
        name,
        aliases: [joined, `${stem}${suffix[0]}`],
        handles: [joined, `${joined}Help`],
        hashtags: [`${joined}Fail`],
        domains: [`${joined.toLowerCase()}.com`],
        exclude: r() < 0.2 ? [`${stem} pie`] : [],
        competitor: r() < 0.3,
      }),
    );
  }
  return brands;
}

/** Every literal term of a brand list, as a baseline matcher would hold them. */
export function brandTerms(brands: Brand[]): string[] {
  return brands.flatMap((b) => [
    b.name,
    ...b.aliases,
    ...b.handles.map((h) => '@' + h),
    ...b.hashtags.map((h) => '#' + h),
    ...b.domains,
  ]);
}

const WORDS = (
  'the a to and of i you it is in my for this on that was with me just so but be have not are at your they ' +
  'what all get like can do out if about up now when one how still no more time day today again why who ' +
  'flight order app update support help please thanks love hate waiting refund delivery account phone service ' +
  'customer email week hours minutes bag train ticket card charged twice broken slow fast great terrible ' +
  'amazing awful worst best never always really very new old problem issue fixed working down outage'
).split(' ');
const EMOJI = ['😡', '🙏', '😂', '❤️', '👍', '🔥', '😭', '🙄', '✈️', '📦'];

/** Posts of 8–40 words; about one in five mentions a brand in one of its forms. */
export function makePosts(count: number, brands: Brand[], seed = 42): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const posts: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 8 + Math.floor(r() * 32);
    const words: string[] = [];
    for (let k = 0; k < n; k++) words.push(pick(WORDS));
    if (r() < 0.2) {
      const b = pick(brands);
      const form = pick([b.name, b.name.toUpperCase(), '@' + pick(b.handles), '#' + pick(b.hashtags), 'https://' + pick(b.domains) + '/help', pick(b.aliases)]);
      words.splice(Math.floor(r() * words.length), 0, form);
    }
    if (r() < 0.3) words.push(pick(EMOJI));
    if (r() < 0.1) words.push('https://t.co/' + Math.floor(r() * 1e9).toString(36));
    let text = words.join(' ');
    text = text[0]!.toUpperCase() + text.slice(1) + pick(['.', '!', '?', '', '!!']);
    posts.push(text);
  }
  return posts;
}
