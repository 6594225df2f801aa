/**
 * Whom a reply answers where a site lists a thread's replies side by side under its comment, saying nothing more
 * (TikTok, Instagram, YouTube): the thread's comment, that is its author (`opener`); but the thread's own commenter
 * replying there answers the last other one who replied before them (the brand's "please DM us", then "DM sent two
 * weeks ago"), or no one (they add to their own comment).
 *
 * `listed` gives the elements of the thread's replies in page order, this reply among them (the walk stops at it, so
 * it is asked for only when needed); `authorOf` gives the author of one that is a reply of this thread, else nothing.
 */
export function threadReplyTarget(
  opener: string | undefined,
  reply: { root: Element; author: string },
  listed: () => Iterable<Element>,
  authorOf: (el: Element) => string | undefined,
): string | undefined {
  const self = reply.author.toLowerCase();
  if (!opener || opener.toLowerCase() !== self) return opener;
  let last: string | undefined;
  for (const el of listed()) {
    if (el === reply.root) break;
    const by = authorOf(el);
    if (by && by.toLowerCase() !== self) last = by;
  }
  return last;
}
