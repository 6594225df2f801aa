import { afterAll, describe, expect, it } from 'vitest';
import { fixturesOf, loadFixture, resetPageUrl } from './fixture-testing';
import { ADAPTERS } from './index';
import { postRoots } from './types';

/**
 * A site changes its markup a piece at a time. Whatever piece of a post goes (an element and all it
 * holds, or one attribute), or gets wrapped in one element more, its adapter reads the post as
 * before, or reads less of it, or skips it, and never takes it for another post on the page or for
 * another author: an overlay must never name the wrong post or the wrong customer.
 * Every fixture, every post, pieces picked by a seeded generator (the same ones every run).
 */
const CHANGES_PER_POST = 32;

/**
 * The same author written another way: Facebook's touch site names a commenter by the number in
 * their avatar's ring where their profile link is gone.
 */
const sameAuthor = (platform: string, before: string, after: string) => after === before || (platform === 'facebook' && /^\d{5,25}$/.test(after));

function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Takes a piece out of the root, or wraps one in an element more; returns how to undo it. */
function takeOut(root: Element, random: () => number): { what: string; undo: () => void } | undefined {
  const inside = [...root.querySelectorAll('*')];
  const el = inside[Math.floor(random() * inside.length)];
  if (!el) return undefined;
  if (random() < 0.3 && el.parentNode) {
    // A wrapper more around a piece: a redesign nests things one level deeper.
    const wrap = el.ownerDocument.createElement(random() < 0.5 ? 'div' : 'span');
    el.replaceWith(wrap);
    wrap.append(el);
    return { what: `a wrapper around <${el.localName}>`, undo: () => wrap.replaceWith(el) };
  }
  const attrs = [...el.attributes];
  if (attrs.length && random() < 0.5) {
    const a = attrs[Math.floor(random() * attrs.length)]!;
    el.removeAttribute(a.name);
    return { what: `${el.localName}[${a.name}="${a.value.slice(0, 60)}"]`, undo: () => el.setAttribute(a.name, a.value) };
  }
  const parent = el.parentNode!;
  const next = el.nextSibling;
  el.remove();
  return { what: `<${el.localName}${el.id ? `#${el.id}` : ''}${[...el.attributes].slice(0, 2).map((a) => ` ${a.name}="${a.value.slice(0, 40)}"`).join('')}>`, undo: () => parent.insertBefore(el, next) };
}

describe('adapters when a piece of a post goes missing', () => {
  afterAll(() => resetPageUrl());

  for (const adapter of ADAPTERS) {
    for (const { file, name, saved } of fixturesOf(adapter)) {
      it(`${adapter.id}/${file}: never reads a post as another post or another author`, () => {
        const doc = loadFixture(adapter.id, name, { atSavedUrl: saved });
        const random = generator(name.length * 7919 + adapter.id.length);
        const wrong: string[] = [];
        const roots = postRoots(adapter, doc);
        const ids = new Set(roots.map((r) => adapter.extractPost(r)?.id));
        let read = 0;
        for (const root of roots) {
          const before = adapter.extractPost(root);
          if (!before) continue;
          read++;
          for (let i = 0; i < CHANGES_PER_POST; i++) {
            const change = takeOut(root, random);
            if (!change) break;
            const after = adapter.extractPost(root);
            change.undo();
            // (An id of its own making, where the page no longer shows the post's, is no other post's.)
            if (after && ((after.id !== before.id && ids.has(after.id)) || !sameAuthor(adapter.platform, before.author.handle, after.author.handle)))
              wrong.push(`${before.id} by ${before.author.handle} read as ${after.id} by ${after.author.handle} without ${change.what}`);
          }
        }
        expect(read).toBeGreaterThan(0);
        expect(wrong).toEqual([]);
      });
    }
  }
});
