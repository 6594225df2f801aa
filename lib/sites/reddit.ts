import { parsePost, type Post } from '../schemas/post';
import { copyWithout, readableText } from '../dom/readable-text';
import { commentLink, GONE, isoTime, ORIGIN, outsideLink, POST_FULLNAME, splitQuotes, THREAD, threadPath, userOf, USERNAME } from './reddit/common';
import { isOldSearchResult, oldSearchResults, OLD_SEARCH_RESULT } from './reddit/old-search';
import { isProfileComment, profileComments, PROFILE_COMMENT } from './reddit/profile';
import { authorGone, isSearchResult, searchResults, SEARCH_RESULT } from './reddit/search';
import { defineAdapter, type SiteAdapter } from './types';

// Reddit ships two web clients and this adapter reads both.
//
// New Reddit ("shreddit", www/new/sh.reddit.com) renders server-side custom elements whose attributes
// carry the data: <shreddit-post id="t3_…" permalink author post-title created-timestamp post-type
// content-href> and <shreddit-comment thingid="t1_…" postid parentid depth author permalink>. The
// elements have shadow roots, but title, body, credit bar and comment meta are light-DOM children
// assigned to named slots ([slot="title"], [slot="text-body"], [slot="credit-bar"],
// [slot="comment"], [slot="commentMeta"]). Replies are nested <shreddit-comment> elements, so
// everything read from a comment is checked to belong to it and not to a reply inside it. A reply
// box is a <shreddit-composer> with a Lexical contenteditable, inside the comment's action row; its Reply
// is that row's faceplate-tracker[noun="reply_comment"][slot="comment-reply"] > button. In Markdown
// mode the composer's editor is a textarea in the shadow root of a <shreddit-markdown-composer> in
// its own shadow root; in the mobile layout the composer is a <shreddit-simple-composer> whose
// contenteditable is in its shadow root.
//
// Search results are neither: lib/sites/reddit/search.ts reads them, and lib/sites/reddit/old-search.ts
// old Reddit's.
//
// Old Reddit (old.reddit.com) renders each post or comment as div.thing[data-fullname] with
// data-author, data-permalink (its .entry's a.bylink too), the text in .entry .usertext-body .md and
// the time in .tagline time[datetime] (a post's also in data-timestamp, ms since 1970); replies nest
// under .child > .sitetable. Its reply box is a form.usertext textarea[name="text"].
const FULLNAME = /^t[13]_[a-z0-9]{1,16}$/;
const NEW_ROOT = 'shreddit-post, shreddit-comment';
const OLD_ROOT = 'div.thing.link[data-fullname], div.thing.comment[data-fullname]';

/** A new-Reddit comment's own Reply, in its action row. */
const NEW_REPLY =
  'shreddit-comment-action-row > [slot="comment-reply"] button, shreddit-comment-action-row > button[slot="comment-reply"], shreddit-comment-action-row > faceplate-tracker[noun="reply_comment"] button';
/** A post's or comment's composers, in the mobile layout too. */
const COMPOSER = 'shreddit-composer, shreddit-simple-composer';
/** An editor in a composer's light DOM (Lexical's contenteditable), or a textarea. */
const LIGHT_EDITOR = '[contenteditable="true"], textarea';
/** The editor of a composer that keeps it in its shadow root (the mobile layout's). */
const SHADOW_EDITOR = '[contenteditable]:not([contenteditable="false"]), textarea';

const isNew = (root: Element) => root.localName === 'shreddit-post' || root.localName === 'shreddit-comment';

/** The first element matching `selector` that belongs to `root` itself, not to a reply nested in it. */
function own(root: Element, selector: string): Element | undefined {
  const owner = isNew(root) ? NEW_ROOT : '.thing';
  for (const el of root.querySelectorAll(selector)) if (el.closest(owner) === root) return el;
  return undefined;
}

/** The elements matching `selector` that belong to an old Reddit thing itself: not in its .child (its replies, its reply form). */
function ownOldAll(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => {
    const child = el.closest('.child');
    return el.closest('.thing') === root && !(child && root.contains(child));
  });
}

/** The first element matching `selector` in an old Reddit thing's own .entry, else (a thing shown without one) the first of its own. */
function ownOld(root: Element, selector: string): Element | undefined {
  return own(root, `.entry ${selector}`) ?? ownOldAll(root, selector)[0];
}

function fullname(root: Element): string | undefined {
  const raw = isNew(root)
    ? root.localName === 'shreddit-post'
      ? (root.getAttribute('id') ?? root.getAttribute('thingid'))
      : root.getAttribute('thingid')
    : root.getAttribute('data-fullname');
  const kind = root.localName === 'shreddit-post' || root.classList.contains('link') ? 't3_' : 't1_';
  return raw && FULLNAME.test(raw) && raw.startsWith(kind) ? raw : undefined;
}

/** The last segment of a link's path: an old Reddit comment's id in its permalink (…/comments/<post>/<slug>/<id>/). */
const LAST_SEGMENT = /\/([a-z0-9]{1,16})\/?$/;

/** The path of an old Reddit thing's own a.bylink (a comment's "permalink", a post's "comments") that leads to the thing itself. */
function bylinkPath(root: Element, id: string): string | undefined {
  for (const a of ownOldAll(root, '.buttons a.bylink[href]')) {
    const path = threadPath(a.getAttribute('href'));
    const shown = path && (id.startsWith('t3_') ? THREAD : LAST_SEGMENT).exec(path)?.[1];
    if (shown === id.slice(3)) return path;
  }
  return undefined;
}

function permalink(root: Element): string | undefined {
  const raw = root.getAttribute(isNew(root) ? 'permalink' : 'data-permalink');
  const path = threadPath(raw);
  if (path) return `${ORIGIN}${path}`;
  // Only a permalink that is missing is made up; one that leads elsewhere is not overridden.
  const id = raw?.trim() ? undefined : fullname(root);
  if (!id) return undefined;
  if (root.localName === 'shreddit-comment') {
    // Reddit's short link, from the ids of its post and its own.
    const post = POST_FULLNAME.exec(root.getAttribute('postid') ?? '')?.[1];
    return post ? commentLink(post, id.slice(3)) : undefined;
  }
  if (isNew(root)) return undefined;
  const bylink = bylinkPath(root, id);
  return bylink ? `${ORIGIN}${bylink}` : undefined;
}

function author(root: Element): string | undefined {
  const name = root.getAttribute(isNew(root) ? 'author' : 'data-author')?.trim();
  if (!name || GONE.has(name) || !USERNAME.test(name)) return undefined;
  if (root.hasAttribute('is-author-deleted') || root.hasAttribute('deleted')) return undefined;
  return name;
}

/** Where a post's card embeds another post (a crosspost's original): never the post's own words. */
const MEDIA = '[slot="post-media-container"]';
/** The controls of a long body: a "Read more" button (hidden until the text overflows) and the fade over the text. */
const BODY_CONTROLS = 'button, [id$="-read-more-button"], [id$="-overflow-cover"], rpl-icon, faceplate-screen-reader-content';

/**
 * A post's body: its rich text (div#<id>-post-rtjson-content, whole even while the card shows it clamped), else
 * its text slot without the "Read more" controls; never what a crosspost embeds.
 */
function postBody(root: Element): Element | undefined {
  const mine = (selector: string) => [...root.querySelectorAll(selector)].find((el) => el.closest(NEW_ROOT) === root && !el.closest(MEDIA));
  const id = fullname(root);
  const rich = (id && mine(`[slot="text-body"] [id="${id}-post-rtjson-content"]`)) || mine('[slot="text-body"] [id$="-post-rtjson-content"]');
  if (rich) return rich;
  const slot = mine('[slot="text-body"]');
  return slot && copyWithout(slot, BODY_CONTROLS);
}

/** Title and body of a post, or the body of a comment, and what the body quotes. */
function ownText(root: Element): { title?: string; body: string; quote?: string } {
  let title: string | undefined;
  let bodyEl: Element | undefined;
  if (root.localName === 'shreddit-post') {
    const titleEl = own(root, '[slot="title"]');
    title = root.getAttribute('post-title')?.trim() || (titleEl ? readableText(titleEl) : '');
    bodyEl = postBody(root);
  } else if (root.localName === 'shreddit-comment') {
    // Without its slot, the comment's rich text (div#<id>-comment-rtjson-content), never a reply's.
    const id = fullname(root);
    bodyEl = own(root, '[slot="comment"]') ?? (id ? own(root, `[id="${id}-comment-rtjson-content"]`) : undefined) ?? own(root, '[id$="-comment-rtjson-content"]');
  } else {
    // Never the original a crosspost shows in its preview (its own page opens it).
    bodyEl = ownOldAll(root, '.usertext-body .md').find((md) => !md.closest('.crosspost-preview'));
    if (root.classList.contains('link')) {
      const titleEl = ownOld(root, 'a.title');
      title = titleEl ? readableText(titleEl) : '';
    }
  }
  const { own: body, quote } = bodyEl ? splitQuotes(bodyEl) : { own: '', quote: undefined };
  // A link post shows the site it links to beside its title ("acmeair.com"): read as a last line, so a link to the
  // brand's site counts as a mention.
  const link = linkedSite(root);
  return { title, body: link ? [body, link].filter(Boolean).join('\n\n') : body, quote };
}

/** The address a link post links to, as "host/path" (not a crosspost, an image or video Reddit hosts, or a self post). */
function linkedSite(root: Element): string | undefined {
  const href =
    root.localName === 'shreddit-post'
      ? root.getAttribute('post-type') === 'link'
        ? root.getAttribute('content-href')
        : null
      : root.classList.contains('link') && !root.classList.contains('self')
        ? root.getAttribute('data-url')
        : null;
  const link = outsideLink(href);
  return link && `${link.site}${link.url.pathname === '/' ? '' : link.url.pathname}`;
}

function publishedAt(root: Element): string | undefined {
  if (root.localName === 'shreddit-post') return isoTime(root.getAttribute('created-timestamp'));
  if (root.localName === 'shreddit-comment') {
    const ts = (selector: string) => isoTime(own(root, selector)?.getAttribute('ts'));
    const datetime = (selector: string) => isoTime(own(root, selector)?.getAttribute('datetime'));
    // Its meta's time, else its created attribute, else a time of its own outside its meta (never a reply's).
    return (
      ts('[slot="commentMeta"] faceplate-timeago[ts]') ??
      datetime('[slot="commentMeta"] time[datetime]') ??
      isoTime(root.getAttribute('created')) ??
      ts('faceplate-timeago[ts]') ??
      datetime('time[datetime]')
    );
  }
  const time = isoTime(ownOld(root, '.tagline time[datetime]:not(.edited-timestamp)')?.getAttribute('datetime'));
  return time ?? epochTime(root.getAttribute('data-timestamp'));
}

/** An ISO 8601 time from old Reddit's data-timestamp (milliseconds since 1970). */
function epochTime(raw: string | null): string | undefined {
  return raw && /^\d{1,15}$/.test(raw.trim()) ? new Date(Number(raw.trim())).toISOString() : undefined;
}

/** A crosspost's original: the post it links to (content-href) and the title shown in its embed. */
function crossposted(root: Element): Post['quoted'] {
  // Old Reddit names a crosspost's original on the post itself: its title, its author, and its address as data-url.
  if (root.matches('div.thing.link[data-crosspost-root-title]')) {
    const path = threadPath(root.getAttribute('data-url'));
    const author = root.getAttribute('data-crosspost-root-author')?.trim();
    return { author: author && author !== '[deleted]' ? author : undefined, text: root.getAttribute('data-crosspost-root-title')!.trim(), url: path ? `${ORIGIN}${path}` : undefined };
  }
  if (root.localName !== 'shreddit-post' || (root.getAttribute('post-type') !== 'crosspost' && !root.hasAttribute('is-crosspost'))) return undefined;
  const path = threadPath(root.getAttribute('content-href'));
  if (!path) return undefined;
  const media = own(root, MEDIA);
  const links = media ? [...media.querySelectorAll('a[href*="/comments/"]')] : [];
  const titleLink = links.find((a) => threadPath(a.getAttribute('href')) === path) ?? links[0];
  // The original's author, when its credit bar names one (links are relative, or absolute since 2026).
  const credit = media?.querySelector('.crosspost-credit-bar') ?? media;
  const quotedAuthor = [...(credit?.querySelectorAll('a[href*="/user/"], a[href*="/u/"]') ?? [])]
    .map((a) => userOf(a.getAttribute('href')))
    .find(Boolean);
  return { author: quotedAuthor, text: titleLink ? readableText(titleLink) : '', url: `${ORIGIN}${path}` };
}

/** What a post or comment quotes: the original of a crosspost, else the body's "> " quotes. */
function quotedOf(root: Element, quote: string | undefined): Post['quoted'] {
  return crossposted(root) ?? (quote ? { text: quote } : undefined);
}

function threadOf(root: Element): string | undefined {
  if (root.localName === 'shreddit-post' || root.classList.contains('link')) return fullname(root);
  const postid = root.getAttribute('postid');
  if (postid && POST_FULLNAME.test(postid)) return postid;
  const m = THREAD.exec(permalink(root) ?? '');
  return m ? `t3_${m[1]}` : undefined;
}

/** The author of what a comment answers: its parent comment, or the post for a top-level comment. */
function parentAuthor(root: Element): string | undefined {
  const doc = root.ownerDocument;
  if (root.localName === 'shreddit-comment') {
    // parentid names the parent comment (top-level comments have none, or the post's t3_ id).
    const parentid = root.getAttribute('parentid');
    // A reply sits inside its parent comment; the page-wide search is for the rare one that does not.
    const around = root.parentElement?.closest('shreddit-comment');
    if (parentid !== null && !parentid.startsWith('t3_')) {
      if (!/^t1_[a-z0-9]{1,16}$/.test(parentid)) return undefined;
      const parent = around?.getAttribute('thingid') === parentid ? around : doc.querySelector(`shreddit-comment[thingid="${parentid}"]`);
      return parent ? author(parent) : undefined;
    }
    const parent = parentid === null ? around : undefined;
    if (parent) return author(parent);
    const thread = threadOf(root);
    const post = thread ? doc.querySelector(`shreddit-post[id="${thread}"]`) : undefined;
    return post ? author(post) : undefined;
  }
  const parent = root.parentElement?.closest('div.thing.comment');
  if (parent) return author(parent);
  // A comment at the top of a "continue this thread" page (or one opened by its link) is a reply whose parent is not on
  // the page: its own "parent" link says so (as Reddit Enhancement Suite reads it), and names that comment.
  const up = ownOldAll(root, 'a[data-event-action="parent"]')[0];
  if (up) {
    const id = /^#([a-z0-9]{1,16})$/.exec(up.getAttribute('href') ?? '')?.[1] ?? /\/([a-z0-9]{1,16})\/?$/.exec(up.getAttribute('data-href-url') ?? '')?.[1];
    const shown = id ? doc.querySelector(`div.thing.comment[data-fullname="t1_${id}"]`) : null;
    return shown ? author(shown) : undefined;
  }
  const thread = threadOf(root);
  const post = thread ? doc.querySelector(`div.thing.link[data-fullname="${thread}"]`) : undefined;
  return post ? author(post) : undefined;
}

const isComment = (root: Element) => root.localName === 'shreddit-comment' || root.classList.contains('comment');

/** What both the first read and the full read need: identity, author and the post's own text. */
function readable(root: Element) {
  const id = fullname(root);
  const url = permalink(root);
  const handle = author(root);
  if (!id || !url || !handle || root.getAttribute('data-promoted') === 'true') return undefined;
  const { title, body, quote } = ownText(root);
  if (GONE.has(body)) return undefined;
  const isComment = root.localName === 'shreddit-comment' || root.classList.contains('comment');
  return { id, url, handle, text: isComment ? body : [title, body].filter(Boolean).join('\n\n'), quote };
}

/**
 * Whether a comment box is shown. A closed comment-composer-host already holds its form (in the
 * light DOM, as slot="ready") beside the "Add a comment" trigger, but its shadow root has no slot
 * for it, so the form is not rendered until the composer opens. (A page put in with innerHTML keeps
 * the declarative shadow root as a <template shadowrootmode>; it is read the same way.)
 */
function composerOpen(box: Element): boolean {
  const host = box.closest('comment-composer-host');
  if (!host) return true;
  const part = [...host.children].find((child) => child.contains(box));
  const shadow = host.shadowRoot ?? host.querySelector<HTMLTemplateElement>(':scope > template[shadowrootmode]')?.content;
  if (!part || !shadow) return true;
  const name = part.getAttribute('slot');
  return [...shadow.querySelectorAll('slot')].some((slot) => (slot.getAttribute('name') ?? '') === (name ?? ''));
}

/**
 * A composer's editor. In Markdown mode (mode="markdown") it is the textarea in the shadow root of the
 * <shreddit-markdown-composer> in the composer's own, and only that: a rich-text editor left in the light DOM
 * is not shown. Otherwise it is the Lexical editor in the light DOM, else an editor in its open shadow roots
 * (the Markdown composer's, or the mobile layout's contenteditable). A closed shadow root hides its editor:
 * none is found.
 */
function editorOf(composer: Element): HTMLElement | undefined {
  const shadow = composer.shadowRoot;
  const markdown = shadow?.querySelector('shreddit-markdown-composer')?.shadowRoot?.querySelector<HTMLElement>('div.textarea-container textarea, textarea') ?? undefined;
  if (composer.getAttribute('mode') === 'markdown') return markdown;
  return composer.querySelector<HTMLElement>(LIGHT_EDITOR) ?? markdown ?? shadow?.querySelector<HTMLElement>(SHADOW_EDITOR) ?? undefined;
}

/** The editor of the first of these composers that has one, when that composer is shown. */
function openEditor(composers: Iterable<Element>): HTMLElement | undefined {
  for (const composer of composers) {
    const editor = editorOf(composer);
    if (editor) return composerOpen(composer) ? editor : undefined;
  }
  return undefined;
}

/** Whether a composer host answers this post itself: it names the post, and no comment (nor is it in one). */
function answersPost(host: Element, post: Element): boolean {
  return host.getAttribute('post-id') === post.getAttribute('id') && !host.hasAttribute('parent-id') && !host.closest('shreddit-comment');
}

/** Whether a new-Reddit post is the one a post's own page is about (its comment box is under it, apart). */
function isPostPage(post: Element): boolean {
  return post.getAttribute('view-context') === 'CommentsPage' || post.ownerDocument.querySelectorAll('shreddit-post').length === 1;
}

export const reddit: SiteAdapter = defineAdapter({
  id: 'reddit',
  platform: 'reddit',
  matches: ['https://www.reddit.com/*', 'https://reddit.com/*', 'https://old.reddit.com/*', 'https://new.reddit.com/*', 'https://sh.reddit.com/*'],
  postSelector: `${NEW_ROOT}, ${OLD_ROOT}, ${SEARCH_RESULT}, ${OLD_SEARCH_RESULT}, ${PROFILE_COMMENT}`,

  isAd(root) {
    return root.getAttribute('data-promoted') === 'true';
  },

  isGone(root) {
    // shreddit marks a deleted or removed comment (deleted, removed) and its author ([deleted]); old Reddit its class.
    const author = root.getAttribute('author') ?? root.getAttribute('data-author');
    if (root.hasAttribute('deleted') || root.hasAttribute('removed') || root.classList.contains('deleted') || (author !== null && GONE.has(author))) return true;
    // A search result for a post whose author's account is gone names no author.
    return isSearchResult(root) && authorGone(root);
  },

  getPostId(root) {
    if (isSearchResult(root)) return searchResults.getPostId(root);
    if (isOldSearchResult(root)) return oldSearchResults.getPostId(root);
    if (isProfileComment(root)) return profileComments.getPostId(root);
    return fullname(root) && permalink(root) ? fullname(root) : undefined;
  },

  peek(root) {
    if (isSearchResult(root)) return searchResults.peek(root);
    if (isOldSearchResult(root)) return oldSearchResults.peek(root);
    if (isProfileComment(root)) return profileComments.peek(root);
    // Undefined for what extractPost would skip, so that it is tried again when it changes.
    const read = readable(root);
    if (!read) return undefined;
    // What it quotes counts as a mention too, and so does crossposting the brand's own post
    // (crossposted() returns at once unless it is a crosspost).
    const quoted = quotedOf(root, read.quote);
    const text = [read.text, quoted?.text].filter(Boolean).join('\n');
    return { text, authorHandle: read.handle, repliesTo: isComment(root) ? parentAuthor(root) : undefined, quotes: quoted?.author };
  },

  extractPost(root): Post | undefined {
    if (isSearchResult(root)) return searchResults.extractPost(root);
    if (isOldSearchResult(root)) return oldSearchResults.extractPost(root);
    if (isProfileComment(root)) return profileComments.extractPost(root);
    const read = readable(root);
    if (!read) return undefined;
    const { id, url, handle, text, quote } = read;
    const comment = isComment(root);
    return parsePost({
      platform: 'reddit',
      id,
      url,
      author: { handle, profileUrl: `${ORIGIN}/user/${handle}/` },
      text,
      publishedAt: publishedAt(root),
      quoted: quotedOf(root, quote),
      isReply: comment,
      inReplyTo: comment ? parentAuthor(root) : undefined,
      threadId: threadOf(root),
    });
  },

  overlayAnchor(root) {
    if (isSearchResult(root)) return searchResults.overlayAnchor(root) ?? root;
    if (isOldSearchResult(root)) return oldSearchResults.overlayAnchor(root) ?? root;
    if (isProfileComment(root)) return profileComments.overlayAnchor(root) ?? root;
    if (root.localName === 'shreddit-post') return own(root, '[slot="credit-bar"]') ?? root;
    if (root.localName === 'shreddit-comment') return own(root, '[slot="commentMeta"]') ?? root;
    return ownOld(root, '.tagline') ?? own(root, '.entry') ?? root;
  },

  // A comment's own Reply (new Reddit's action row; old Reddit's "reply" link), known by its markup: new
  // Reddit puts the reply box in the comment's action row, old Reddit in the comment's .child.
  replyControl: `${NEW_REPLY}, .entry .buttons > li.reply-button > a`,

  /**
   * The post's own comment box, under it on its page, opens from a placeholder in its composer host (the
   * host of the post's id that answers no comment): the one `findReplyBox` finds once it is open.
   */
  findReplyControl(root) {
    if (root.localName !== 'shreddit-post' || !isPostPage(root)) return undefined;
    for (const host of root.ownerDocument.querySelectorAll('comment-composer-host[post-id]:not([parent-id])')) {
      if (!answersPost(host, root)) continue;
      const trigger = host.querySelector<HTMLElement>('[data-testid="trigger-button"]');
      if (trigger) return trigger;
    }
    return undefined;
  },

  replyControlOnView(root) {
    // Since September 2026 a comment's action row is a template, stamped into the page once it comes into view:
    // <div slot="actionRow"><ac-render-template once trigger="view"><template>…row…</template>.
    if (root.localName !== 'shreddit-comment') return undefined;
    const template = own(root, '[slot="actionRow"] > ac-render-template[trigger="view"] > template') as HTMLTemplateElement | undefined;
    // Only a row whose Reply can be clicked once stamped (not a locked or archived comment's).
    const reply = template?.content?.querySelector(NEW_REPLY);
    return reply && !reply.matches(':disabled, [aria-disabled="true"]') ? template!.parentElement!.parentElement! : undefined;
  },

  findReplyBox(root) {
    // A search result, or a comment listed on its author's profile, is answered on its own page.
    if (isSearchResult(root) || isOldSearchResult(root) || isProfileComment(root)) return undefined;
    const doc = root.ownerDocument;
    if (root.localName === 'shreddit-comment') {
      const mine = [...root.querySelectorAll(COMPOSER)].filter((el) => el.closest(NEW_ROOT) === root);
      return openEditor(mine);
    }
    if (root.localName === 'shreddit-post') {
      // The comment box under a post page's post sits outside every comment.
      if (!isPostPage(root)) return undefined;
      for (const composer of doc.querySelectorAll(COMPOSER)) {
        if (composer.closest('shreddit-comment')) continue;
        // A composer host names the post it answers, and a comment when it answers one: this post's, and no comment's.
        const host = composer.closest('comment-composer-host');
        if (host && !answersPost(host, root)) continue;
        const editor = openEditor([composer]);
        if (editor) return editor;
      }
      return undefined;
    }
    if (root.classList.contains('comment')) {
      const box = own(root, '.child form.usertext textarea[name="text"]');
      return box?.closest('.child')?.parentElement === root ? (box as HTMLElement) : undefined;
    }
    // Old Reddit's post page: the top-level comment form under the one post shown.
    const onItsPage = doc.querySelector('#siteTable div.thing.link') === root;
    return onItsPage ? (doc.querySelector<HTMLElement>('.commentarea > form.usertext textarea[name="text"]') ?? undefined) : undefined;
  },
});
