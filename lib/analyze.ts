import type { BrandMatcher, BrandMention } from './match';
import { tokenize } from './match/tokens';
import type { PostAnalysis } from './messaging';

/*
 * Split in two so the content script stays light: which brands a post names (here, run on the
 * page for every post that passes the screen), and the reading of the post — sentiment, intents,
 * urgency, language, private data (./analyze-detail.ts, run in the background, where the
 * sentiment model is loaded once for every tab).
 */
import type { Post } from './schemas/post';

/**
 * The brand a post answers or quotes, from whom the page says it answers: one of the brand's
 * handles, or where a site shows only a display name (Bluesky's "Replied to Acme Air"), the
 * brand's very name, or a domain handle named after it ("acmeair.bsky.social"). A display name of
 * one word is taken for a handle only: "Tesla" may be anyone's.
 */
export function brandAddressed(matcher: BrandMatcher, who: string): BrandMention | undefined {
  const byHandle = matcher.brandOfHandle(who);
  if (byHandle) return byHandle;
  const trimmed = who.trim();
  // A display name: the brand's whole name, as written (never a typo of it: "Amercian Airlines" may be anyone).
  if (/\s/.test(trimmed)) return matcher.namedBrand(tokenize(trimmed).words.join(' '))?.brand;
  // A handle that is a domain (Bluesky's "acmeair.bsky.social", "acmeair.com") whose first label is a brand's name of
  // several words written as one, or that name with its words joined by dashes or underscores (LinkedIn's company page
  // "/company/acme-air/", "acme_air"): the brand, where the team listed none of its handles (then another account of
  // that name may be a fan's or an impostor's). A name of one word, again, may be anyone's.
  const label = /^([a-z0-9][a-z0-9-]*)\.[a-z0-9-]+(?:\.[a-z0-9-]+)*$/i.exec(trimmed)?.[1]?.toLowerCase();
  const slug = !label && /^[a-z0-9]+(?:[-_][a-z0-9]+)+$/i.test(trimmed) ? tokenize(trimmed.replace(/_/g, ' ')).words.join(' ') : undefined;
  const named = label || slug ? matcher.namedBrand((label ?? slug)!) : undefined;
  return named && !named.listsHandles && /\s/.test(named.brand.brand) ? named.brand : undefined;
}

/** The brands a post names, or is by. */
export interface PostMatch {
  brands: string[];
  competitorBrands: string[];
  /** The post is by one of the team's own handles: the brand speaking, not a mention. */
  ownBrand: boolean;
  /** The post is by a competitor's handle: the competitor speaking (listed in competitorBrands). */
  byCompetitor?: boolean;
}

export interface AnalyzedPost extends PostAnalysis {
  ownBrand: boolean;
  byCompetitor?: boolean;
}

/** What Firstreply reads from a post's own text (the quoted post's sentiment is not the author's). */
export type PostReading = Pick<PostAnalysis, 'sentiment' | 'score' | 'intents' | 'urgency' | 'urgencyReasons' | 'language' | 'privateData'>;

/** A post's whole analysis: the brands the page found and the reading of its text. */
export function analysisOf(match: PostMatch, reading: PostReading): AnalyzedPost {
  return { ...match, ...reading, detailed: true };
}

/**
 * The brands of a post, or undefined when it mentions none of the team's brands. A brand named
 * only in the post it quotes or shares counts too (people react to the brand's content that way),
 * and so does a brand whose post or comment this one answers ("Replying to @AcmeAir", a comment
 * under the brand's own post) or quotes ("This. Three weeks and no refund" over the brand's post):
 * that is the customer talking to the brand.
 */
export function matchPost(post: Post, matcher: BrandMatcher): PostMatch | undefined {
  const text = post.quoted?.text ? `${post.text}\n${post.quoted.text}` : post.text;
  const { mentions } = matcher.match(text, undefined, post.platform);
  // Who speaks: one of the team's brands, a competitor, or (most often) a customer.
  const speaker = matcher.brandOfHandle(post.author.handle);
  const add = (m: BrandMention | undefined) => {
    if (m && !mentions.some((x) => x.brand === m.brand)) mentions.push(m);
  };
  for (const handle of [post.inReplyTo, post.quoted?.author]) {
    const addressed = handle ? brandAddressed(matcher, handle) : undefined;
    if (addressed?.brand !== speaker?.brand) add(addressed);
  }
  // A post of one of the brands' own handles is that brand's: listed with the brands it names (a competitor's as the
  // competitor's, ours as ours, marked ownBrand).
  add(speaker);
  const ownBrand = speaker !== undefined && !speaker.competitor;
  if (mentions.length === 0 && !ownBrand) return undefined;
  const match: PostMatch = {
    brands: mentions.filter((m) => !m.competitor).map((m) => m.brand),
    competitorBrands: mentions.filter((m) => m.competitor).map((m) => m.brand),
    ownBrand,
  };
  if (speaker?.competitor) match.byCompetitor = true;
  return match;
}
