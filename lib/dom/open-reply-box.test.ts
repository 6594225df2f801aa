import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineAdapter, type SiteAdapter } from '../sites/types';
import { clickableReplyControl, openReplyBox } from './open-reply-box';

/** A site whose post is an <article>, its Reply a button, its reply box an editable div inside it. */
const site: SiteAdapter = defineAdapter({
  id: 'test',
  platform: 'x',
  matches: [],
  postSelector: 'article',
  replyControl: 'button.reply',
  getPostId: (root) => root.id,
  extractPost: () => undefined,
  overlayAnchor: (root) => root,
  findReplyBox: (root) => root.querySelector<HTMLElement>('[contenteditable="true"]') ?? undefined,
});

const posts = () => [...document.querySelectorAll('article')];

function page(html = '<article id="p1"><p>Where is my bag?</p><button class="reply">Reply</button></article>') {
  document.body.innerHTML = html;
  return document.querySelector<HTMLButtonElement>('button.reply')!;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('openReplyBox', () => {
  it("clicks the post's Reply control and gives the box the site puts in the post a moment later", async () => {
    const control = page();
    let clicks = 0;
    control.addEventListener('click', () => {
      clicks++;
      setTimeout(() => control.closest('article')!.insertAdjacentHTML('beforeend', '<div contenteditable="true" id="box"></div>'), 20);
    });
    const found = await openReplyBox(site, posts, 1000);
    expect(clicks).toBe(1);
    expect(found?.box.id).toBe('box');
    expect(found?.root.id).toBe('p1');
  });

  it('finds the box in the post as the site renders it again, and stops watching the page once found', async () => {
    const control = page();
    const observe = vi.spyOn(MutationObserver.prototype, 'disconnect');
    control.addEventListener('click', () =>
      setTimeout(() => {
        // The site replaces the post with a new copy that holds the box.
        document.querySelector('article')!.outerHTML = '<article id="p1"><div contenteditable="true" id="box"></div></article>';
      }, 10),
    );
    const found = await openReplyBox(site, posts, 1000);
    expect(found?.box.id).toBe('box');
    expect(found?.root.isConnected).toBe(true);
    expect(observe).toHaveBeenCalled();
  });

  it('gives up after its time when the site opens nothing', async () => {
    page();
    const started = Date.now();
    expect(await openReplyBox(site, posts, 50)).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('clicks nothing where the post shows no control, the control is disabled, or a dialog over the page hides it', async () => {
    page('<article id="p1"><p>No actions here</p></article>');
    expect(await openReplyBox(site, posts, 1000)).toBeUndefined();

    const disabled = page('<article id="p1"><button class="reply" disabled>Reply</button></article>');
    const clicked = vi.fn();
    disabled.addEventListener('click', clicked);
    expect(await openReplyBox(site, posts, 1000)).toBeUndefined();
    expect(clicked).not.toHaveBeenCalled();

    const hidden = page('<article id="p1"><button class="reply">Reply</button></article><div role="dialog" aria-modal="true"><p>Another post\'s reply</p></div>');
    hidden.addEventListener('click', clicked);
    expect(await openReplyBox(site, posts, 1000)).toBeUndefined();
    expect(clicked).not.toHaveBeenCalled();

    // A dialog that holds the post itself hides nothing of it.
    const inside = page('<div role="dialog" aria-modal="true"><article id="p1"><button class="reply">Reply</button></article></div>');
    inside.addEventListener('click', () => inside.insertAdjacentHTML('afterend', '<div contenteditable="true" id="box"></div>'));
    expect((await openReplyBox(site, posts, 1000))?.box.id).toBe('box');
  });

  it('gives the box the page shows for a post the click took off the page, and no box that left with it', async () => {
    // A site whose box is apart from the post, naming the post it answers (Mastodon's compose page).
    const apart = defineAdapter({ ...site, findReplyBox: (root) => root.ownerDocument.querySelector<HTMLElement>(`form[data-answers="${root.id}"] textarea`) ?? undefined });
    page().addEventListener('click', () =>
      setTimeout(() => (document.body.innerHTML = '<form data-answers="p1"><textarea id="box"></textarea></form>'), 10),
    );
    const found = await openReplyBox(apart, posts, 1000);
    expect(found?.box.id).toBe('box');
    expect(found?.root.id).toBe('p1');
    expect(found?.root.isConnected).toBe(false);

    // The post goes, its box inside it: nothing to write in.
    const control = page();
    control.addEventListener('click', () =>
      setTimeout(() => {
        const post = control.closest('article')!;
        post.insertAdjacentHTML('beforeend', '<div contenteditable="true" id="box"></div>');
        post.remove();
      }, 10),
    );
    expect(await openReplyBox(site, posts, 200)).toBeUndefined();
  });

  it('brings a control the site shows only once in view into view, then clicks it; never under a dialog, nor without time for the box', async () => {
    // A site that puts the post's Reply in once its placeholder is scrolled to.
    const lazy = defineAdapter({ ...site, replyControlOnView: (root) => root.querySelector('.later') ?? undefined });
    const setUp = () => {
      page('<article id="p1"><p>Where is my bag?</p><div class="later"></div></article>');
      const later = document.querySelector('.later') as HTMLElement;
      let scrolled = 0;
      later.scrollIntoView = () => {
        scrolled++;
        setTimeout(() => {
          later.outerHTML = '<button class="reply">Reply</button>';
          document.querySelector('button.reply')!.addEventListener('click', () =>
            setTimeout(() => document.querySelector('article')!.insertAdjacentHTML('beforeend', '<div contenteditable="true" id="box"></div>'), 10),
          );
        }, 10);
      };
      return () => scrolled;
    };
    let scrolled = setUp();
    expect((await openReplyBox(lazy, posts, 1000))?.box.id).toBe('box');
    expect(scrolled()).toBe(1);
    // Under a dialog over the page, or with no time for a box after the click, nothing is scrolled.
    scrolled = setUp();
    document.body.insertAdjacentHTML('beforeend', '<div role="dialog" aria-modal="true"></div>');
    expect(await openReplyBox(lazy, posts, 1000)).toBeUndefined();
    expect(scrolled()).toBe(0);
    scrolled = setUp();
    expect(await openReplyBox(lazy, posts, 200)).toBeUndefined();
    expect(scrolled()).toBe(0);
    // A site without such a placeholder is never scrolled.
    scrolled = setUp();
    expect(await openReplyBox(site, posts, 100)).toBeUndefined();
    expect(scrolled()).toBe(0);
  });

  it('clicks the control of the post itself, never one of a post nested in it', async () => {
    page('<article id="p1"><p>Quote</p><article id="q"><button class="reply">Reply</button></article></article>');
    const clicked = vi.fn();
    document.querySelector('button.reply')!.addEventListener('click', clicked);
    expect(await openReplyBox(site, () => posts().filter((p) => p.id === 'p1'), 50)).toBeUndefined();
    expect(clicked).not.toHaveBeenCalled();
  });
});

describe('clickableReplyControl', () => {
  afterEach(() => document.body.replaceChildren());

  it("never gives a form's button, nor a submit button: a composer's send button, whatever it says", () => {
    const formSite = defineAdapter({ ...site, replyControl: 'button.reply, [role="button"].reply' });
    page('<article id="p1"><form><div contenteditable="true"></div><div role="button" class="reply">Reply</div></form></article>');
    expect(clickableReplyControl(formSite, posts()[0]!)).toBeUndefined();
    page('<article id="p1"><button class="reply" type="submit">Reply</button></article>');
    expect(clickableReplyControl(formSite, posts()[0]!)).toBeUndefined();
    page('<article id="p1"><button class="reply" type="button">Reply</button></article>');
    expect(clickableReplyControl(formSite, posts()[0]!)?.textContent).toBe('Reply');
  });
});
