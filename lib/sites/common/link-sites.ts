/**
 * The sites a post links to, where its text does not show them: a link card ("Baggage service status" over a picture,
 * "ACMEAIR.COM" in small letters, or nothing of the address at all) or a link whose words are not its address. A link
 * to the brand's site is a mention (the brand's `domains`), so the site is written after the post's text, as its last
 * line, unless the text shows it already.
 *
 * Sites send their outbound links through a redirect of their own (l.facebook.com/l.php?u=…, l.threads.com/?u=…):
 * the address it leads to is in a parameter. A shortener (t.co, lnkd.in) shows nothing of it: there only what the card
 * shows tells the site.
 */

/** Redirect hosts and the parameter holding the address they lead to. */
const REDIRECTS: ReadonlyArray<readonly [host: RegExp, path: RegExp, param: string]> = [
  [/^l[m]?\.facebook\.com$/, /^\/l\.php$/, 'u'],
  [/^l\.instagram\.com$/, /^\/$/, 'u'],
  [/^l\.threads\.(?:com|net)$/, /^\/$/, 'u'],
  [/^(?:www\.)?google\.[a-z.]+$/, /^\/url$/, 'q'],
  [/^(?:www\.)?youtube\.com$/, /^\/redirect$/, 'q'],
];

/** Hosts that shorten an address and show nothing of it. */
const SHORTENERS = /^(?:t\.co|lnkd\.in|bit\.ly|buff\.ly|ow\.ly|tinyurl\.com|fb\.me|goo\.gl|dlvr\.it|trib\.al|spr\.ly)$/;

/** A domain written alone ("acmeair.com", "www.acmeair.com"), as a card shows it. */
const DOMAIN = /^(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63})$/;

/**
 * The site (host without "www.") an address leads to, through the site's redirect; none for the site itself
 * (`own`: its hosts), a shortener, or what is no web address.
 */
export function linkSite(href: string | null | undefined, own: RegExp): string | undefined {
  if (!href || !/^https?:/i.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href);
    for (const [host, path, param] of REDIRECTS) {
      if (!host.test(url.hostname) || !path.test(url.pathname)) continue;
      const to = url.searchParams.get(param);
      if (!to || !/^https?:/i.test(to)) return undefined;
      url = new URL(to);
      break;
    }
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (own.test(host) || SHORTENERS.test(host)) return undefined;
  return host.replace(/^www\./, '');
}

/** The sites the links given lead to (linkSite), one for each; none for a link to the site itself or a shortener. */
export function linkSitesOf(links: Iterable<Element>, own: RegExp): Array<string | undefined> {
  return [...links].map((a) => linkSite(a.getAttribute('href'), own));
}

/** The domain a text is, or opens with before a space ("acmeair.com Baggage service status"), folded; none for other text. */
export function shownDomain(text: string | null | undefined, opening = false): string | undefined {
  const t = (text ?? '').trim().toLowerCase();
  return DOMAIN.exec(opening ? t.split(/\s/, 1)[0]! : t)?.[1];
}

/**
 * Whether a text shows a site as the matcher reads a domain: on its own or as a subdomain's ("www.acmeair.com"), not
 * inside another domain ("myflyacme.com" is not flyacme.com) nor an email address ("support@chase.com").
 */
function shows(lower: string, site: string): boolean {
  for (let at = lower.indexOf(site); at >= 0; at = lower.indexOf(site, at + 1)) {
    let start = at;
    // Labels of a subdomain before it.
    while (start > 0 && lower[start - 1] === '.' && /[a-z0-9-]/.test(lower[start - 2] ?? '')) {
      start--;
      while (start > 0 && /[a-z0-9-]/.test(lower[start - 1]!)) start--;
    }
    const before = lower[start - 1] ?? ' ';
    const after = lower[at + site.length] ?? ' ';
    if (!/[\p{L}\p{N}@._-]/u.test(before) && !/[\p{L}\p{N}_-]/u.test(after)) return true;
  }
  return false;
}

/** A domain written in a line of a few words, in any language ("From acmeair.com", "acmeair.comから", "De acmeair.com"). */
const DOMAIN_IN = /(?:^|[\s(（])(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63})(?=$|[\s)）]|[^\x00-\x7f])/i;

/** The domain a short line shows among its words ("From acmeair.com"), folded; none where it shows none. */
export function domainIn(text: string | null | undefined): string | undefined {
  return DOMAIN_IN.exec((text ?? '').trim())?.[1]?.toLowerCase();
}

/** `text` with the sites it does not show written after it, one line for them all. */
export function withSites(text: string, sites: Iterable<string | undefined>): string {
  const lower = text.toLowerCase();
  const missing = [...new Set(sites)].filter((s): s is string => Boolean(s) && !shows(lower, s!));
  if (missing.length === 0) return text;
  return text ? `${text}\n${missing.join(' ')}` : missing.join(' ');
}
