import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openReplyBox } from '../../dom/open-reply-box';
import { facebook } from '../facebook';
import { closePage, loadFixture, openPage, resetPageUrl } from '../fixture-testing';
import { instagram } from '../instagram';
import { threads } from '../threads';
import { postRoots, replyControlOf } from '../types';
import { isControlLabel, labelledControl } from './reply-labels';

afterAll(resetPageUrl);

describe("Meta's Reply and Comment labels", () => {
  it('are known in the languages of their interfaces, whatever their case and spacing', () => {
    for (const word of ['Reply', 'Responder', 'Répondre', 'Antworten', 'Odpowiedz', 'Ответить', '返信', '回复', '답글  달기', 'Balas']) {
      expect(isControlLabel(word, 'reply'), word).toBe(true);
    }
    for (const word of ['Comment', 'Leave a comment', 'Comentar', 'Kommentieren', 'Bình luận', 'コメントする']) expect(isControlLabel(word, 'comment'), word).toBe(true);
    // The bare noun only where asked for (Threads' icon).
    expect(isControlLabel('Kommentar', 'comment')).toBe(false);
    expect(isControlLabel('Kommentar', 'comment-noun')).toBe(true);
  });

  it('are never a longer text holding the word, nor the other kind', () => {
    for (const text of ['View 3 replies', 'Reply to Dana', '3 comments', 'Replying to Dana', '', 'Comment']) expect(isControlLabel(text, 'reply'), text).toBe(false);
    expect(isControlLabel('Reply', 'comment')).toBe(false);
  });
});

describe('labelledControl', () => {
  afterEach(() => document.body.replaceChildren());
  const all = () => true;

  it('takes a button by its aria-label, its whole text, or its icon beside a count', () => {
    document.body.innerHTML = '<div id="a"><div role="button" aria-label="Leave a comment"><span>Comment</span></div></div>';
    expect(labelledControl(document.body, ['comment'], all)?.getAttribute('aria-label')).toBe('Leave a comment');
    document.body.innerHTML = '<div><button type="button"><span> Responder </span></button></div>';
    expect(labelledControl(document.body, ['reply'], all)?.localName).toBe('button');
    for (const count of ['2.1K', '12', '1,2 mil', '1,2 тыс.', '1.2万', '']) {
      document.body.innerHTML = `<div role="button" id="icon"><svg aria-label="Comment" role="img"><title>Comment</title></svg><span>${count}</span></div>`;
      expect(labelledControl(document.body, ['reply', 'comment'], all)?.id, count).toBe('icon');
    }
    // Facebook's in French: labelled in words of its own, it says "Commenter".
    document.body.innerHTML = '<div role="button" aria-label="Laisser un commentaire" id="fr"><span>Commenter</span></div>';
    expect(labelledControl(document.body, ['comment'], all)?.id).toBe('fr');
  });

  it("never takes a composer's send button, labelled Comment or Reply too, which comes after its box", () => {
    const composer = '<div class="composer"><div><div contenteditable="true" role="textbox"></div></div><div><div role="button" aria-label="Comment" id="send"></div></div></div>';
    document.body.innerHTML = `<div id="post"><div class="bar"><div role="button" aria-label="Leave a comment" id="open"><span>Comment</span></div></div>${composer}</div>`;
    const post = () => document.getElementById('post')!;
    expect(labelledControl(post(), ['comment'], all)?.id).toBe('open');
    // Without the bar's control, nothing: not the send button, however far it stands from the box.
    post().querySelector('.bar')!.remove();
    expect(labelledControl(post(), ['comment'], all)).toBeUndefined();
    post().querySelector('#send')!.parentElement!.outerHTML = '<div><div><div><div role="button" aria-label="Comment" id="send"></div></div></div></div>';
    expect(labelledControl(post(), ['comment'], all)).toBeUndefined();
    // A box of a comment under the post (not the post's own) hides none of the post's controls after it.
    document.body.innerHTML = `<div id="post"><div class="comment"><div contenteditable="true"></div></div><div role="button" id="later">Comment</div></div>`;
    expect(labelledControl(post(), ['comment'], (el) => !el.closest('.comment'))?.id).toBe('later');
  });

  it('passes over buttons that say more, links, and those the post does not own', () => {
    document.body.innerHTML =
      '<div role="button">View all 3 replies</div><div role="button" aria-label="Like"><span>Like</span></div>' +
      '<div role="button" id="icon"><svg aria-label="Reply"><title>Reply</title></svg><span>and 2 more</span></div>' +
      '<div class="nested"><div role="button" id="nested">Reply</div></div>';
    expect(labelledControl(document.body, ['reply'], (el) => !el.closest('.nested'))).toBeUndefined();
    expect(labelledControl(document.body, ['reply'], all)?.id).toBe('nested');
  });
});


describe("opening a reply box with a control known by its words, on Meta's sites", () => {
  afterEach(closePage);

  it("Facebook: a comment's Reply opens the box in its thread; a story's Comment its comment box", async () => {
    const roots = openPage(facebook, 'feed', 'https://www.facebook.com/');
    // The comment whose thread has no box open yet, and a story whose box is closed.
    const comment = roots.find((r) => facebook.getPostId(r)?.endsWith('1234509876543210'))!;
    const story = roots.find((r) => facebook.getPostId(r)?.endsWith('Ab9Cd1Ef3Gh5Ij7Kl9Mn1Opl'))!;
    expect(facebook.findReplyBox(comment)).toBeUndefined();
    expect(facebook.findReplyBox(story)).toBeUndefined();
    const box = (label: string) => `<div><form><div contenteditable="true" role="textbox" aria-label="${label}"><p><br></p></div></form></div>`;
    document.body.addEventListener(
      'click',
      (e) => {
        const button = (e.target as Element).closest('[role="button"]')!;
        const root = facebook.closestRoot!(button)!;
        // The site puts the reply box after the comment, inside its thread; the comment box at the story's end.
        if (root === comment) setTimeout(() => comment.insertAdjacentHTML('afterend', box('Reply to Sam')), 10);
        if (root === story) setTimeout(() => story.insertAdjacentHTML('beforeend', box('Write a comment…')), 10);
      },
    );
    const reply = await openReplyBox(facebook, () => [comment], 1000);
    expect(reply?.box.getAttribute('aria-label')).toBe('Reply to Sam');
    const opened = await openReplyBox(facebook, () => [story], 1000);
    expect(opened?.box.getAttribute('aria-label')).toBe('Write a comment…');
  });

  it("Instagram: a comment's Reply (here in Portuguese) puts its author's handle in the post's box", async () => {
    const roots = openPage(instagram, 'post-2025', 'https://www.instagram.com/p/C8xAcmeAir1/', (html) => html.replaceAll('>Reply</span>', '>Responder</span>'));
    const comment = roots.find((r) => instagram.getPostId(r) === '18022222222222222')!;
    const { handle } = instagram.extractPost(comment)!.author;
    expect(instagram.findReplyBox(comment)).toBeUndefined();
    const control = replyControlOf(instagram, comment)!;
    expect(control.textContent?.trim()).toBe('Responder');
    control.addEventListener('click', () => {
      const box = document.querySelector<HTMLTextAreaElement>('form textarea')!;
      setTimeout(() => (box.value = `@${handle} `), 10);
    });
    // A value set is no change an observer of the page sees: the box is found soon all the same.
    const started = Date.now();
    const found = await openReplyBox(instagram, () => [comment], 3000);
    expect((found?.box as HTMLTextAreaElement | undefined)?.value).toBe(`@${handle} `);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("Threads: a post's reply icon, labelled Comment as since 2025, opens the composer dialog for it", async () => {
    const roots = openPage(threads, 'feed', 'https://www.threads.com/', (html) => html.replaceAll('aria-label="Reply"', 'aria-label="Comment"').replaceAll('<title>Reply</title>', '<title>Comment</title>'));
    const post = roots.find((r) => threads.getPostId(r) === 'C7tOm002bRt')!;
    const { author, text } = threads.extractPost(post)!;
    expect(threads.findReplyBox(post)).toBeUndefined();
    replyControlOf(threads, post)!.addEventListener('click', () =>
      setTimeout(
        () =>
          document.body.insertAdjacentHTML(
            'beforeend',
            `<div role="dialog" aria-modal="true"><span dir="auto"><span>${author.handle}</span></span><span dir="auto"><span>${text}</span></span><div contenteditable="true" role="textbox" id="composer"><p><br></p></div></div>`,
          ),
        10,
      ),
    );
    expect((await openReplyBox(threads, () => [post], 1000))?.box.id).toBe('composer');
  });

  it('clicks nothing in a language whose labels it does not know', () => {
    const doc = loadFixture('facebook', 'feed');
    const unknown = (text: string | null) => (text === 'Reply' || text === 'Comment' || text === 'Leave a comment' ? 'Xyz' : text);
    expect(postRoots(facebook, doc).map((r) => replyControlOf(facebook, r)).filter(Boolean).length).toBeGreaterThan(0);
    for (const el of doc.querySelectorAll('[role="button"]')) {
      if (el.hasAttribute('aria-label')) el.setAttribute('aria-label', unknown(el.getAttribute('aria-label'))!);
      if (el.textContent === 'Reply' || el.textContent === 'Comment') el.textContent = unknown(el.textContent);
    }
    expect(postRoots(facebook, doc).map((r) => replyControlOf(facebook, r)).filter(Boolean)).toEqual([]);
  });
});
