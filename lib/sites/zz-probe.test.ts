import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { tiktok as A } from './tiktok';
it('probe', () => {
  const doc = document.implementation.createHTMLDocument('x');
  doc.documentElement.innerHTML = readFileSync('test/fixtures/tiktok/video.html', 'utf8');
  const roots = [...doc.querySelectorAll(A.postSelector)];
  console.log(roots.length);
  for (const r of roots) console.log(A.getPostId(r), JSON.stringify(A.extractPost(r)), A.overlayAnchor(r)?.className, A.findReplyBox(r)?.getAttribute('aria-describedby'));
});
