import { runContentScript } from '../lib/content/run';
import { mastodon } from '../lib/sites/mastodon';

// The ten largest instances; those a team adds are registered with this script by the background (lib/mastodon-instances.ts).
export default defineContentScript({
  matches: mastodon.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, mastodon),
});
