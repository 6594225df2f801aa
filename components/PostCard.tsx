import type { PostAnalysis } from '../lib/messaging';
import type { Post } from '../lib/schemas/post';
import { ageStatus } from '../lib/format';
import { intentLabel, urgencyLabel } from '../lib/labels';

export function PostCard({ post, analysis, targetMinutes }: { post: Post; analysis: PostAnalysis; targetMinutes: number }) {
  const age = ageStatus(post.publishedAt, targetMinutes);
  return (
    <article class="card" data-testid="focused-post" data-post={`${post.platform}:${post.id}`}>
      <header class="row">
        <strong data-testid="author-name">{post.author.name ?? post.author.handle}</strong>
        <a href={post.author.profileUrl ?? post.url} target="_blank" rel="noreferrer" class="muted">
          @{post.author.handle}
        </a>
        <span class="muted">on {post.platform}</span>
        {age && (
          <span class={`age age-${age.status}`} data-testid="post-age">
            {age.age}
            {age.status === 'over' ? ` · over the ${targetMinutes} min target` : ''}
          </span>
        )}
      </header>
      <p class="text" data-testid="post-text">{post.text || <em class="muted">(no text)</em>}</p>
      {analysis.privateData.length > 0 && (
        <p class="warn" data-testid="post-private-data">
          This post shows private data ({analysis.privateData.map((k) => k.replace(/_/g, ' ')).join(', ')}): answer by DM, and consider asking
          the customer to remove it.
        </p>
      )}
      <footer class="row">
        <span class={`pill s-${analysis.sentiment}`} data-testid="post-sentiment">{analysis.sentiment}</span>
        {analysis.brands.map((b) => <span class="pill brand" key={b}>{b}</span>)}
        {analysis.competitorBrands.map((b) => <span class="pill competitor" key={b}>{b} (competitor)</span>)}
        {urgencyLabel(analysis.urgency) && (
          <span class={`pill urgent urgency-${analysis.urgency}`} data-testid="post-urgency" title={analysis.urgencyReasons.join(', ')}>
            {urgencyLabel(analysis.urgency)}
          </span>
        )}
        {analysis.intents.map((i) => <span class="pill" key={i} data-testid="post-intent">{intentLabel(i)}</span>)}
        <a href={post.url} target="_blank" rel="noreferrer" class="muted">Open post</a>
      </footer>
    </article>
  );
}
