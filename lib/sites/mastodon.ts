import { parsePost, type Post } from '../schemas/post';
import { blockText } from '../dom/block-text';
import { opensWith, readableText, without } from '../dom/readable-text';
import { timeInId } from './common/id-time';
import { defineAdapter, type SiteAdapter } from './types';
import { MASTODON_DEFAULT_INSTANCES } from '../mastodon-instances';

// Mastodon's web UI (app/javascript/mastodon/components/status.jsx and friends) renders each status as
// div.status__wrapper > div.status[data-id] (the id is the status id on the instance being viewed),
// its header .status__info holding a.status__relative-time (href /@acct/<id>, with <time datetime>)
// and a.status__display-name (.display-name__html, .display-name__account "@user" for local accounts,
// "@user@host" for remote ones). A .status__prepend above the status says who boosted it or whom it
// replies to; a boost's .status is the original post. The text is .status__content__text (emoji as
// <img alt>); a content warning is .content-warning > p with the text hidden until opened, a filter
// hit is .content-warning--filter. A quote post nests the quoted status as .status.status--is-quote
// inside .status__quote. On a thread page the focused status is .detailed-status (permalink in
// a.detailed-status__datetime, no machine-readable time) between its ancestors and replies. Replying
// opens the compose form (.compose-form textarea) with a .reply-indicator showing the status.
// Off-screen timeline items are rendered as bare text placeholders without .status and are skipped.
// Mastodon runs on many hosts; the page's own origin makes handles and permalinks absolute.
// Older versions and pages rewritten by other tools (as outside test authors model them) are read where the
// looser rule still names the status and its author: Mastodon 2.x's text held in .status__content itself;
// 3.x's time link to a remote status's home server (status.url), the status then named by its data-id here;
// a focused status's date link holding a <time>; a header without .status__info, a name without
// .display-name__html; a .status without a data-id in the list's article[data-id] (only where its permalink
// names that id: a boost's article names the boost); an <article> carrying 4.x's class names, read as 4.x's;
// on a thread page, every status below the first as a reply, with or without status-reply.
//
// The redesigned status (components/status/status.tsx, tested behind a flag in 2026 with
// <html data-redesign="true">, meant for 5.0) is an <article data-id> whose children are an optional
// prepend, a <header>, an optional content-warning callout (div[aria-controls]), the content wrapper
// (div > div > div[lang] holding the text, then media and a quote card) and a <footer>. Its class
// names are CSS-module names with a build hash (_header_1qz7k_58), so it is read by structure and
// attributes alone. The header holds the name link (a[aria-describedby], title "@acct", data-id the
// account id) and the time link /@acct/<id>; a boost's data-id is the boost's own, its header names
// the boosted post, and its prepend links the booster. A reply's prepend links /@<account id>/<status
// id> of the post it answers ("Replying to {name}", "Continuing a thread"); a boosted reply has both
// lines. A quoted post is a card in the content, not an article: its title names the author, its body
// is a link to the post holding its text in a div[lang]. A content warning and a filter's notice are
// callouts (div[aria-controls]) above the content, which stays in the page, inert, while hidden. A
// post's page shows the focused status in a main-status block between those of its ancestors and its
// replies, none with a reply line. Off-screen statuses are bare articles without a header, and are
// skipped.
const REDESIGNED = 'article[data-id]:has(> header)';
/** A .status without a data-id of its own, in the list's article[data-id] (as pages rewritten by other tools show it). */
const LISTED = 'article[data-id] .status:not([data-id]):not(.status--is-quote)';
const ROOT = `.status[data-id]:not(.status--is-quote), .detailed-status, ${REDESIGNED}, ${LISTED}`;
const OWNER = '.status, .detailed-status, article[data-id]';
const STATUS_ID = /^\d{1,30}$/;
const STATUS_PATH = /^\/@([^/]+)\/(\d{1,30})\/?$/;

/** The first element matching `selector` that belongs to `root`, not to a status quoted inside it. */
function own(root: Element, selector: string): Element | undefined {
  for (const el of root.querySelectorAll(selector)) if (el.closest(OWNER) === root) return el;
  return undefined;
}

function originOf(doc: Document): URL | undefined {
  for (const href of [doc.location?.href, doc.baseURI]) {
    try {
      const url = href ? new URL(href) : undefined;
      if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return new URL(url.origin);
    } catch {
      // try the next
    }
  }
  return undefined;
}

/** A status permalink on this instance: /@acct/<id>. */
function statusLink(el: Element | undefined, origin: URL): { acct: string; id: string; url: string } | undefined {
  return statusAt(el?.getAttribute('href'), origin);
}

function statusAt(href: string | null | undefined, origin: URL): { acct: string; id: string; url: string } | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, origin);
    const m = url.origin === origin.origin ? STATUS_PATH.exec(url.pathname) : null;
    return m ? { acct: decodeURIComponent(m[1]!), id: m[2]!, url: `${origin.origin}${url.pathname.replace(/\/$/, '')}` } : undefined;
  } catch {
    return undefined;
  }
}

/** "user@host" for any account, adding this instance's host to local accounts. */
function globalHandle(acct: string, origin: URL): string | undefined {
  const bare = acct.trim().replace(/^@/, '');
  if (!/^[A-Za-z0-9_.-]{1,64}(@[A-Za-z0-9.-]{1,253})?$/.test(bare)) return undefined;
  return bare.includes('@') ? bare : `${bare}@${origin.hostname}`;
}

interface Status {
  id: string;
  url: string;
  author: Post['author'];
  text: string;
  publishedAt?: string;
  /** The text is not on the page (filtered out by the reader). */
  hidden: boolean;
}

/**
 * A redesigned status: an <article> read by its structure (its header) and attributes, since its class names
 * are hashed. An article carrying 4.x's own class names (article.status, or a header holding
 * a.status__display-name or a.status__relative-time) is 4.x's markup, and read as such.
 */
const isRedesigned = (root: Element) =>
  root.localName === 'article' && !root.classList.contains('status') && !root.querySelector(':scope > header :is(.status__display-name, .status__relative-time)');

/**
 * A 4.x status's id: its data-id, or where it has none, its list article's (which names a boost by the boost's
 * own id: such a status is read only where its permalink names that id).
 */
function dataIdOf(root: Element): string | null {
  return root.getAttribute('data-id') ?? (root.matches(LISTED) ? (root.closest('article[data-id]')?.getAttribute('data-id') ?? null) : null);
}

/**
 * The focused status of a post's page: 4.x's .detailed-status, or a redesigned status in the page's
 * main-status block (between the blocks of its ancestors and its replies; an early build put it in
 * a .detailed-status__wrapper).
 */
const FOCUSED = '.detailed-status, .detailed-status__wrapper > article[data-id], [class*="_mainStatus_"] > article[data-id]';
const isFocused = (root: Element) => root.matches(FOCUSED);

/** A redesigned status's text: inside the content wrapper's root, the div[lang] (no lang when the language is unknown). */
const REDESIGNED_TEXT = ':scope > div:not([aria-controls]) > div > :is(div[lang], div:first-child:has(> p))';

/** The element holding a status's text, shown or not (4.x does not render it behind a closed content warning). */
function bodyOf(root: Element): Element | undefined {
  return (isRedesigned(root) ? root.querySelector(REDESIGNED_TEXT) : (own(root, '.status__content__text') ?? plainContent(root))) ?? undefined;
}

/** What a status's content holds besides its author's words: the content warning and its button, "Show more", a quote, a poll, media, a link card, "Translate". */
const NOT_TEXT =
  'button, .status__content__spoiler-text, .status__content__spoiler-link, .status__content__read-more-button, .status__quote, .poll, .media-gallery, .status-card, .translate-button';

/**
 * The text of a status whose content holds it directly, with no .status__content__text (Mastodon 2.x rendered a
 * status without a content warning so): the content without what is not its words. Only where the status has no
 * .status__content__text at all, shown or hidden (4.x hides the text behind a content warning in one).
 */
function plainContent(root: Element): Element | undefined {
  const content = own(root, '.status__content');
  return content ? without(content, NOT_TEXT) : undefined;
}

/**
 * A redesigned status's callouts above its content: the content warning (its text an HTML block),
 * and whether a filter the reader set hides the post (its notice, "Matches filter …", is text, and
 * the content under it stays in the page, inert, until the reader shows it).
 */
function calloutsOf(root: Element): { warning?: Element; filtered: boolean } {
  let warning: Element | undefined;
  let filter = false;
  for (const callout of root.querySelectorAll(':scope > div[aria-controls]')) {
    if (callout.querySelector(':scope > div > div')) warning ??= callout;
    else filter = true;
  }
  return { warning, filtered: filter && !warning && Boolean(root.querySelector(':scope > div[inert]')) };
}

/**
 * What a status's author wrote: a content warning's summary, and the body once it is shown (the
 * redesign keeps it in the page while the warning is closed). Where the post shows its quote, the
 * server's "RE: <link>" line that stands for it in apps without quotes (p.quote-inline) is hidden,
 * and not read.
 */
function contentOf(root: Element): { text: string; warning?: Element; body?: Element } {
  let warning: Element | undefined;
  let body: Element | undefined;
  if (isRedesigned(root)) {
    warning = calloutsOf(root).warning;
    body = bodyOf(root);
  } else {
    warning = own(root, '.content-warning:not(.content-warning--filter) > p, .status__content__spoiler-text');
    const texts = [...root.querySelectorAll('.status__content__text')].filter((el) => el.closest(OWNER) === root);
    body = texts.length
      ? texts.find((el) => el.classList.contains('status__content__text--visible') || !/display:\s*none/.test(el.getAttribute('style') ?? ''))
      : plainContent(root);
  }
  const quoted = isRedesigned(root) ? quoteCardBody(root) : own(root, '.status__quote');
  // A poll's choices are what the post asks its readers ("Acme Air", "SkyJet"): a line each, after its text.
  const choices = isRedesigned(root) ? [] : [...root.querySelectorAll('.poll .poll__option__text')].filter((el) => el.closest(OWNER) === root).map((el) => readableText(el)).filter(Boolean);
  const text = [warning ? blockText(without(warning, 'button')) : '', body ? blockText(quoted ? without(body, '.quote-inline') : body) : '', choices.join('\n')]
    .filter(Boolean)
    .join('\n\n');
  return { text, warning, body };
}

/** The status a quote post quotes, nested inside it (4.x). */
function quotedRoot(root: Element): Element | undefined {
  return own(root, '.status__quote')?.querySelector('.status.status--is-quote[data-id]') ?? undefined;
}

/**
 * A redesigned status's quote card, in its content: a card whose title names the quoted post's
 * author (span[id$="_title"]) and whose body is a link to the quoted post.
 */
function quoteCardBody(root: Element): Element | undefined {
  const card = root.querySelector(':scope > div:not([aria-controls]) > div > div span[id$="_title"]')?.parentElement?.parentElement;
  if (!card) return undefined;
  for (const child of card.children) if (child.localName === 'a' && child.hasAttribute('href')) return child;
  return undefined;
}

/** The quoted post's text (for the first read), whether or not its link is understood. */
function quotedText(root: Element): string {
  if (!isRedesigned(root)) {
    const quote = quotedRoot(root);
    return quote ? contentOf(quote).text : '';
  }
  // The card's body: a "Replied to" line, the text (a div[lang], or with no language the first
  // div), then a poll's or the media's line.
  const body = quoteCardBody(root);
  const text = body && (body.querySelector(':scope > div[lang]') ?? body.querySelector(':scope > div'));
  return text ? blockText(text) : '';
}

/** The post a status quotes: its author, text and permalink; undefined when there is none or it cannot be read. */
function quoteOf(root: Element, origin: URL): { author: string; text: string; url: string } | undefined {
  if (!isRedesigned(root)) {
    const quoteRoot = quotedRoot(root);
    const quote = quoteRoot ? readStatus(quoteRoot, origin) : undefined;
    return quote && !quote.hidden ? { author: quote.author.handle, text: quote.text, url: quote.url } : undefined;
  }
  const body = quoteCardBody(root);
  const link = statusLink(body, origin);
  const author = link && globalHandle(link.acct, origin);
  return link && author ? { author, text: quotedText(root), url: link.url } : undefined;
}

/** A redesigned status's lines above its header (who boosted it, what it replies to, pinned). */
function prependsOf(root: Element): Element[] {
  const lines: Element[] = [];
  for (const child of root.children) {
    if (child.localName === 'header') break;
    lines.push(child);
  }
  return lines;
}

/**
 * The post a redesigned status replies to, from its reply line: /@<account id>/<status id> (older
 * builds: /@acct/<status id>). `account` is what the link names, an id or an acct.
 */
function replyLineOf(root: Element, origin: URL): { account: string; id: string } | undefined {
  for (const line of prependsOf(root))
    for (const a of line.querySelectorAll('a[href]')) {
      const link = statusLink(a, origin);
      if (link) return { account: link.acct, id: link.id };
    }
  return undefined;
}

/**
 * A redesigned status shown because someone boosted it: a line above the header links an account,
 * not a post (a boosted reply has its reply line too).
 */
function isBoosted(root: Element, origin: URL): boolean {
  return prependsOf(root).some(
    (line) => line.querySelector('a[href^="/@"], a[data-hover-card-account]') && ![...line.querySelectorAll('a[href]')].some((a) => statusLink(a, origin)),
  );
}

/**
 * A redesigned status's author link (title "@acct", data-id the account id) and permalink. A boost's
 * article names the boost, its header's time link the boosted post. The page of a post shows the
 * date in the footer: there the permalink is made as Mastodon makes it, /@acct/<id>.
 */
function redesignedHead(root: Element, origin: URL): { nameLink: Element; acct: string; link: { acct: string; id: string; url: string } } | undefined {
  const header = root.querySelector(':scope > header');
  const nameLink = header?.querySelector('.display-name__html')?.closest('a[href]');
  if (!header || !nameLink || !header.contains(nameLink)) return undefined;
  const profile = statusAt(`${nameLink.getAttribute('href') ?? ''}/0`, origin);
  const title = nameLink.getAttribute('title');
  const acct = title?.startsWith('@') ? title.slice(1) : profile?.acct;
  const dataId = root.getAttribute('data-id');
  if (!acct || !dataId) return undefined;
  const link = statusLink(header.querySelector('a[href] > time')?.parentElement ?? undefined, origin);
  if (link) return link.id === dataId || isBoosted(root, origin) ? { nameLink, acct, link } : undefined;
  if (!STATUS_ID.test(dataId) || isBoosted(root, origin)) return undefined;
  return { nameLink, acct, link: { acct, id: dataId, url: `${origin.origin}/@${acct}/${dataId}` } };
}

/**
 * A status's permalink on this instance. The focused status of a thread page is also the page's
 * own: glitch-soc links its time to a remote status's home server, which names no id here.
 */
function permalinkOf(root: Element, origin: URL): { acct: string; id: string; url: string } | undefined {
  if (isRedesigned(root)) return redesignedHead(root, origin)?.link;
  if (!root.classList.contains('detailed-status')) {
    const time = own(root, 'a.status__relative-time');
    return statusLink(time, origin) ?? homePermalink(root, time, origin);
  }
  const time = own(root, 'a.detailed-status__datetime');
  const link = statusLink(time, origin);
  if (link || !time || !isElsewhere(time.getAttribute('href'), origin)) return link;
  // Only the page of this post: the address's account is the one the post shows.
  const page = statusAt(root.ownerDocument.location?.href, origin);
  const shown = own(root, 'a.detailed-status__display-name')?.querySelector('.display-name__account')?.textContent;
  return page && shown && globalHandle(shown, origin) === globalHandle(page.acct, origin) ? page : undefined;
}

/**
 * The permalink of a remote status whose time links its page on its home server, as Mastodon 3.x linked it
 * (status.url), naming it by that server's id: here it is the status's data-id, the id the page's other parts
 * (reply indicators, the thread's links) name it by, at the address Mastodon 4 gives it, /@user@host/<id>.
 * Only for a status with a data-id of its own (a list article's names a boost by its own id), whose author's
 * account (as the header shows it) is of that server (or its web domain's parent).
 */
function homePermalink(root: Element, time: Element | undefined, origin: URL): { acct: string; id: string; url: string } | undefined {
  const id = root.getAttribute('data-id');
  const href = time?.getAttribute('href') ?? null;
  if (!id || !STATUS_ID.test(id) || !isElsewhere(href, origin)) return undefined;
  const account = nameLinkOf(root)?.querySelector('.display-name__account')?.textContent;
  const handle = account ? globalHandle(account, origin) : undefined;
  const [user, domain] = handle?.split('@') ?? [];
  let home: URL;
  try {
    home = new URL(href!, origin);
  } catch {
    return undefined;
  }
  if (!user || !domain || domain === origin.hostname || (home.hostname !== domain && !home.hostname.endsWith(`.${domain}`))) return undefined;
  // A Mastodon server's own address names the account: it must be the author's.
  const named = STATUS_PATH.exec(home.pathname)?.[1];
  if (named && named.toLowerCase() !== user.toLowerCase()) return undefined;
  return { acct: handle!, id, url: `${origin.origin}/@${handle}/${id}` };
}

/** A 4.x status's author link: in its header, never a line above it that names who boosted it (.muted). */
function nameLinkOf(root: Element): Element | undefined {
  return own(root, root.classList.contains('detailed-status') ? 'a.detailed-status__display-name' : 'a.status__display-name:not(.muted)');
}

/**
 * A 4.x display name: .display-name__html, or where the name has no such class (older markup), the name's
 * <strong> or <bdi> that is not the @account.
 */
function displayNameOf(nameLink: Element): string | undefined {
  const html = nameLink.querySelector('.display-name__html');
  if (html) return readableText(html) || undefined;
  for (const el of nameLink.querySelectorAll('.display-name strong, .display-name bdi')) {
    const name = el.closest('.display-name__account') ? '' : readableText(el);
    if (name && !name.startsWith('@')) return name;
  }
  return undefined;
}

/** Whether a link leads to another server (a remote post's home). */
function isElsewhere(href: string | null, origin: URL): boolean {
  try {
    return href !== null && new URL(href, origin).origin !== origin.origin;
  } catch {
    return false;
  }
}

function readStatus(root: Element, origin: URL): Status | undefined {
  if (isRedesigned(root)) return readRedesigned(root, origin);
  const detailed = root.classList.contains('detailed-status');
  const link = permalinkOf(root, origin);
  if (!link || (!detailed && dataIdOf(root) !== link.id)) return undefined;
  // (The author's link anywhere in the status, not only in .status__info: the boost's line that also
  // links an account stands above the status, not in it, and is .muted where it is in it, as in glitch-soc.)
  const nameLink = nameLinkOf(root);
  const account = nameLink?.querySelector('.display-name__account')?.textContent;
  const handle = globalHandle(account || link.acct, origin);
  if (!nameLink || !handle) return undefined;
  const profile = new URL(nameLink.getAttribute('href') || `/@${link.acct}`, origin);
  const { text, warning, body } = contentOf(root);
  // (The focused status's date link shows a formatted date, with a <time> in some versions; where it has none, the
  // status's id says when it was posted.)
  const time = own(root, detailed ? 'a.detailed-status__datetime time[datetime]' : 'a.status__relative-time time[datetime]')?.getAttribute('datetime');
  const ms = time ? Date.parse(time) : NaN;
  return {
    id: link.id,
    url: link.url,
    author: {
      handle,
      name: displayNameOf(nameLink),
      profileUrl: profile.origin === origin.origin ? `${origin.origin}${profile.pathname}` : undefined,
    },
    text,
    publishedAt: !time ? timeOfId(link.id) : Number.isNaN(ms) ? undefined : new Date(ms).toISOString(),
    hidden: Boolean(own(root, '.content-warning--filter')) && !body && !warning,
  };
}

/**
 * When a status was posted, from its id: Mastodon's ids since 2017 are the time in milliseconds shifted 16 bits left
 * (a remote status's too, made from its own time). An older, counted id gives none.
 */
const timeOfId = (id: string) => timeInId(id, 16, 1, Date.UTC(2017, 0, 1), Date.now() + 86_400_000);

function readRedesigned(root: Element, origin: URL): Status | undefined {
  const head = redesignedHead(root, origin);
  const handle = head && globalHandle(head.acct, origin);
  if (!head || !handle) return undefined;
  const nameEl = head.nameLink.querySelector('.display-name__html');
  const profile = statusAt(`${head.nameLink.getAttribute('href') ?? ''}/0`, origin);
  const time = root.querySelector(':scope > header time[datetime]')?.getAttribute('datetime');
  const ms = time ? Date.parse(time) : NaN;
  return {
    id: head.link.id,
    url: head.link.url,
    author: {
      handle,
      name: nameEl ? readableText(nameEl) || undefined : undefined,
      profileUrl: profile ? profile.url.replace(/\/0$/, '') : undefined,
    },
    text: contentOf(root).text,
    publishedAt: Number.isNaN(ms) ? undefined : new Date(ms).toISOString(),
    hidden: calloutsOf(root).filtered,
  };
}

/** The thread page around a status: the column holding the focused status, if any. */
function threadColumn(root: Element): Element | undefined {
  // One scrollable column per thread (the advanced UI can show a thread beside other columns).
  for (const detailed of root.ownerDocument.querySelectorAll(FOCUSED)) {
    // (4.x's focused status in a page without .scrollable or .column: the list holding its wrapper, between its
    // ancestors and its replies.)
    const column =
      detailed.closest('.scrollable') ??
      detailed.closest('.column') ??
      (isRedesigned(detailed) ? detailed.parentElement?.parentElement : detailed.closest('.detailed-status__wrapper')?.parentElement);
    if (column?.contains(root)) return column;
  }
  return undefined;
}

/**
 * The label of a reply to one's own post (status.continued_thread) in the web UI's languages, lower-cased,
 * from Mastodon's locale files (November 2025; Greek's later wording too). Locales that leave it
 * untranslated show the English.
 */
const CONTINUED_THREAD = new Set(
  [
    'Continued thread', 'Fortgeführter Thread', '続きのスレッド', 'Suite du fil', 'Continuó el hilo', 'Continuación de hilo',
    'Continuação da conversa', 'Discussione continua', 'Vervolg van gesprek', 'Ciąg dalszy wątku', '上接嘟文串', '接續討論串',
    '이어지는 글타래', 'Продолжение предыдущего поста', 'Продовження у потоці', 'Fortsatt tråd', 'Continuació del fil',
    'Pokračuje ve vlákně', 'Fortsat tråd', 'Jatkoi ketjua', 'Harian jarraitu zuen', 'Continua co fío', 'Devam eden akış',
    'Framhald til tråden', 'Fortsettelse av samtale', 'Folytatott szál', 'Συνεχιζόμενο νήματος', 'Συνεχιζόμενο νήμα',
    'שרשור מתמשך', 'تكملة للخيط', 'Tiếp tục chủ đề', 'กระทู้ต่อเนื่อง', 'Ferfolgje it petear', 'Edefyn parhaus',
    'Snáithe ar lean', 'Hélt samtali áfram', 'Tęsiama gijoje', 'Turpināts pavediens', 'Jätkatud lõim', 'Pokračujúce vlákno',
    'Nadaljevanje niti', 'Продължена нишка',
  ].map((label) => label.toLowerCase()),
);

function rootsIn(container: Element): Element[] {
  return [...container.querySelectorAll(ROOT)];
}

/** The handle a mention link names: /@user on its server, or /users/user. */
function mentionHandle(mention: Element, origin: URL): string | undefined {
  try {
    const url = new URL(mention.getAttribute('href')!, origin);
    const user = /^\/@([A-Za-z0-9_.-]+(?:@[A-Za-z0-9.-]+)?)\/?$/.exec(url.pathname)?.[1] ?? /^\/users\/([A-Za-z0-9_.-]+)\/?$/.exec(url.pathname)?.[1];
    return user ? globalHandle(user.includes('@') ? user : `${user}@${url.hostname}`, origin) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whom a redesigned status answers, from its reply line: its own author when the line names the
 * author's account ("Continuing a thread"), else the mention of that account in its text.
 */
function redesignedReplyTarget(root: Element, origin: URL): string | undefined {
  const line = replyLineOf(root, origin);
  const head = line && redesignedHead(root, origin);
  if (!line || !head) return undefined;
  if (!/^\d+$/.test(line.account)) return globalHandle(line.account, origin);
  if (head.nameLink.getAttribute('data-id') === line.account) return globalHandle(head.acct, origin);
  const body = bodyOf(root);
  const mention = body && [...body.querySelectorAll('a.mention[href]')].find((a) => a.getAttribute('data-hover-card-account') === line.account);
  return mention ? mentionHandle(mention, origin) : undefined;
}

/** Whom a status's reply line names by a link ("Replied to Acme Air"), in 4.x or the redesign; also the first read's. */
function namedReplyTarget(root: Element, origin: URL): { handle?: string; prepend?: Element; reblog: boolean } {
  const named = isRedesigned(root) ? redesignedReplyTarget(root, origin) : undefined;
  if (named) return { handle: named, reblog: false };
  const wrapper = root.parentElement;
  const prepend = wrapper ? [...wrapper.children].find((c) => c.classList.contains('status__prepend')) : undefined;
  const reblog = Boolean(prepend?.querySelector('.icon-retweet, .icon-repeat'));
  const labelled = !reblog ? prepend?.querySelector('a[href^="/@"]') : undefined;
  const handle = labelled ? globalHandle(labelled.getAttribute('title') || labelled.getAttribute('href')!.slice(2), origin) : undefined;
  return { handle, prepend, reblog };
}

/** The status shown just above (-1) or below (+1) this one in a thread page's column. */
function besideInColumn(column: Element, root: Element, step: -1 | 1): Element | undefined {
  const all = rootsIn(column);
  return all[all.indexOf(root) + step];
}

/** On a thread page 4.x draws a full line from a status down to the one under it that answers it (status.jsx's connectReply). */
const LINE_RUNS_ON = ':scope > .status__line--full';

/**
 * Whom a status answers: the "Replied to" label, its own author for "Continued thread", the status above the focused
 * one, the status above whose line runs on to it, or the mention it opens with.
 */
function replyTarget(root: Element, origin: URL, column: Element | undefined): string | undefined {
  const { handle: labelled, prepend, reblog } = namedReplyTarget(root, origin);
  if (labelled) return labelled;
  // 4.5 labels a reply to one's own post "Continued thread", with no link. ("Replied in thread",
  // also without a link, names no one: the mention the reply opens with stands for whom it answers.)
  if (prepend && !reblog && CONTINUED_THREAD.has((prepend.textContent ?? '').trim().toLowerCase())) return readStatus(root, origin)?.author.handle;
  if (column) {
    const above = besideInColumn(column, root, -1);
    if (isFocused(root)) return above ? readStatus(above, origin)?.author.handle : undefined;
    const by = above?.querySelector(LINE_RUNS_ON) ? readStatus(above, origin)?.author.handle : undefined;
    if (by) return by;
    // A line drawn up from a reply that starts a run below the focused status (status--first-in-thread) joins it to the
    // focused one: it answers that status, mention or none (one continuing one's own post has none).
    if (root.matches('.status--first-in-thread') && root.querySelector(':scope > .status__line:not(.status__line--first)')) {
      const focused = rootsIn(column).find(isFocused);
      const handle = focused && focused !== root ? readStatus(focused, origin)?.author.handle : undefined;
      if (handle) return handle;
    }
  }
  // Mastodon puts the mention of whom a reply answers at the start of its text; a mention further on ("Quoting
  // the great @AcmeAir…") names someone the post talks about, not whom it answers.
  const body = bodyOf(root);
  const mention = body?.querySelector('a.mention:not(.hashtag)[href]');
  return mention && opensWith(body!, mention) ? mentionHandle(mention, origin) : undefined;
}

function isReplyStatus(root: Element, origin: URL, column: Element | undefined): boolean {
  if (root.classList.contains('status-reply')) return true;
  const wrapper = root.parentElement;
  if (wrapper?.classList.contains('status__wrapper-reply')) return true;
  if (isRedesigned(root) && replyLineOf(root, origin)) return true;
  // On a post's page every status below the first answers one above it (the redesign gives them no reply line,
  // and 4.x's marks, status-reply, may be missing from a page another tool rewrote).
  if (column) return rootsIn(column).indexOf(root) > 0;
  return false;
}

export const mastodon: SiteAdapter = defineAdapter({
  id: 'mastodon',
  platform: 'mastodon',
  // The largest general-purpose instances, read out of the box; a team adds the others it needs on the
  // options page (lib/mastodon-instances.ts registers the content script there at run time).
  matches: MASTODON_DEFAULT_INSTANCES.map((host) => `https://${host}/*`),
  // The action bar's first button (in the 2026 redesign, the first of the footer's actions): Reply, which
  // puts the compose form in reply to the status, where the layout shows the form; where it does not (one
  // column, a narrow window), Reply goes to the form's own page (/publish), which shows the status it
  // answers (findReplyBox reads it there, the status gone from the page: openBoxOf).
  replyControl: '.status__action-bar > button:first-child, .status__action-bar > .status__action-bar__button-wrapper:first-child > button, footer > div:first-child > button:first-child',
  postSelector: ROOT,

  getPostId(root) {
    const origin = originOf(root.ownerDocument);
    if (!origin) return undefined;
    // (A redesigned status's permalink is checked against its data-id as it is read.)
    const checked = root.classList.contains('detailed-status') || isRedesigned(root);
    const id = permalinkOf(root, origin)?.id;
    return id && (checked || dataIdOf(root) === id) && STATUS_ID.test(id) ? id : undefined;
  },

  answersShownAfter(root) {
    // On a thread page, the status under one whose thread line runs on to it answers it.
    const column = root.querySelector(LINE_RUNS_ON) ? threadColumn(root) : undefined;
    const next = column ? besideInColumn(column, root, 1) : undefined;
    return next?.parentElement ? [next.parentElement] : undefined;
  },

  peek(root) {
    // Undefined for what extractPost would skip (hidden by a filter, not understood), so that it is
    // read again when it changes.
    const origin = originOf(root.ownerDocument);
    const status = origin && readStatus(root, origin);
    if (!status || status.hidden) return undefined;
    // A quoted status counts as a mention too, and so does quoting the brand's own status, whatever
    // it says: its author is read where the quote is understood; elsewhere its words still count (a
    // quote whose permalink is not understood is over-included here and left out by extractPost).
    const quoted = quoteOf(root, origin);
    const text = [status.text, quoted ? quoted.text : quotedText(root)].filter(Boolean).join('\n');
    // A reply whose line names the brand ("Replied to Acme Air") answers it, whatever it says.
    return { text, authorHandle: status.author.handle, repliesTo: namedReplyTarget(root, origin).handle, quotes: quoted?.author };
  },

  extractPost(root): Post | undefined {
    const origin = originOf(root.ownerDocument);
    const status = origin && readStatus(root, origin);
    if (!origin || !status || status.hidden) return undefined;
    const column = threadColumn(root);
    const isReply = isReplyStatus(root, origin, column);
    // The conversation: the first status of a thread page, or the status itself when it starts one.
    const threadRoot = column ? rootsIn(column)[0] : undefined;
    const threadId = threadRoot ? (threadRoot === root ? status.id : mastodon.getPostId(threadRoot)) : isReply ? undefined : status.id;
    return parsePost({
      platform: 'mastodon',
      id: status.id,
      url: status.url,
      author: status.author,
      text: status.text,
      publishedAt: status.publishedAt,
      quoted: quoteOf(root, origin),
      isReply,
      inReplyTo: isReply ? replyTarget(root, origin, column) : undefined,
      threadId,
    });
  },

  overlayAnchor(root) {
    if (isRedesigned(root)) return root.querySelector(':scope > header') ?? root;
    return own(root, '.status__info') ?? own(root, '.detailed-status__meta') ?? root;
  },

  findReplyBox(root) {
    const doc = root.ownerDocument;
    // 4.x's compose form and its reply indicator; or the redesign's composer (features/compose/redesign, behind
    // the same flag as the redesigned status): a form[role="dialog"] whose ComposeReply is a blockquote citing
    // the status, linking it by /@acct/<id>.
    const form = doc.querySelector('.compose-form') ?? doc.querySelector('form[role="dialog"]:has(textarea)');
    const indicator = form?.querySelector('.reply-indicator') ?? form?.querySelector('blockquote[cite]');
    const box = form?.querySelector<HTMLElement>('textarea.autosuggest-textarea__textarea, textarea');
    const origin = originOf(doc);
    if (!indicator || !box || !origin) return undefined;
    const id = mastodon.getPostId(root);
    if (!id) return undefined;
    // An indicator that links the status names it (the redesign's, in its <cite> header); Mastodon's own (4.3+) links
    // only the author and shows the status's body, without its content warning. A link in that body is another
    // status's, never the one answered.
    const header = indicator.matches('blockquote')
      ? [...indicator.querySelectorAll('cite a[href]')]
      : [...indicator.querySelectorAll('a[href]')].filter((a) => !a.closest('.reply-indicator__content'));
    const linked = header.some((a) => statusLink(a, origin)?.id === id);
    if (linked) return box;
    const status = readStatus(root, origin);
    const acct = indicator.querySelector('.display-name__account')?.textContent;
    const content = indicator.querySelector('.reply-indicator__content');
    const body = bodyOf(root);
    const shown = content ? blockText(without(content, '.quote-inline')) : undefined;
    const same =
      status && acct && shown !== undefined && globalHandle(acct, origin) === status.author.handle && (shown === status.text || (body && shown === blockText(without(body, '.quote-inline'))));
    return same ? box : undefined;
  },
});
