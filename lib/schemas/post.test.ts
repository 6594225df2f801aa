import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePost, PLATFORMS, PostSchema, type PostInput } from './post';

// Values as adapters produce them, and the odd ones markup can produce.
const str = (max: number) => fc.oneof(fc.string({ maxLength: 12 }), fc.constant(''), fc.constant(' padded '), fc.string({ minLength: max - 1, maxLength: max + 1 }));
const url = fc.oneof(
  fc.constantFrom('https://x.com/maya/status/1', 'http://old.reddit.com/r/a', 'https://www.facebook.com/acme/posts/pfbid02x?comment_id=1'),
  fc.constantFrom('https://x.com/a b', ' https://x.com/a', 'https:/x.com', 'javascript:alert(1)', 'not a url', 'https://[::1', '', 'https://exa\tmple.com'),
  fc.webUrl(),
  fc.string({ maxLength: 10 }).map((s) => `https://x.com/${s}`),
  fc.constant(`https://x.com/${'a'.repeat(1990)}`),
);
const handle = fc.oneof(fc.constantFrom('maya', '@maya', ' maya ', '', '@', '@@acme', 'a.b-c'), fc.string({ maxLength: 8 }), fc.string({ minLength: 199, maxLength: 201 }));
const time = fc.oneof(
  fc.constantFrom('2024-05-13T09:12:44.000Z', '2024-05-13T09:12:44+02:00', '2024-02-29T10:00:00Z', '2023-02-29T10:00:00Z', '2024-04-31T10:00:00Z', '2024-12-31T23:59:59Z', '2024-05-13T09:12Z', '2024-05-13', 'yesterday', '2024-05-13T24:00:00Z'),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

const candidate: fc.Arbitrary<PostInput> = fc.record({
  platform: fc.oneof(fc.constantFrom(...PLATFORMS), fc.constant('myspace' as never)),
  id: str(300),
  url,
  author: fc.record({ handle, name: opt(str(300)), profileUrl: opt(url) }, { requiredKeys: ['handle'] }),
  text: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('x'.repeat(40_001))),
  publishedAt: opt(time),
  quoted: opt(fc.record({ author: opt(handle), text: fc.string({ maxLength: 20 }), url: opt(url) })),
  isReply: opt(fc.boolean()),
  inReplyTo: opt(str(200)),
  threadId: opt(str(300)),
});

describe('parsePost', () => {
  it('gives exactly what PostSchema gives, for every candidate', () => {
    fc.assert(
      fc.property(candidate, (c) => {
        expect(parsePost(c)).toStrictEqual(PostSchema.safeParse(c).data);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for a post as adapters read it, and the schema for the rest', () => {
    const post = { platform: 'x', id: '1', url: 'https://x.com/maya/status/1', author: { handle: 'maya', name: 'Maya' }, text: 'hi', publishedAt: '2024-05-13T09:12:44.000Z' } as const;
    expect(parsePost(post)).toEqual({ ...post, isReply: false });
    expect(parsePost({ ...post, author: { handle: ' @maya ' } })?.author.handle).toBe('maya');
    expect(parsePost({ ...post, url: 'nope' })).toBeUndefined();
    expect(parsePost({ ...post, publishedAt: '2024-04-31T10:00:00Z' })).toBeUndefined();
  });
});
