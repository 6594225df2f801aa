import { runContentScript } from '../lib/content/run';
import { instanceOrigin, isDefaultInstance } from '../lib/mastodon-instances';
import { mastodon } from '../lib/sites/mastodon';

// The ten largest instances; those a team adds are registered with this script by the background (lib/mastodon-instances.ts).
export default defineContentScript({
  matches: mastodon.matches,
  runAt: 'document_idle',
  // An instance the team removed is read no more, even before the background has unregistered it there.
  main: (ctx) =>
    runContentScript(ctx, mastodon, ({ mastodonInstances }) => isDefaultInstance(location.origin) || mastodonInstances.some((i) => instanceOrigin(i) === location.origin)),
});
