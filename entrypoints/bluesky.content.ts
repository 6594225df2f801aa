import { runContentScript } from '../lib/content/run';
import { bluesky } from '../lib/sites/bluesky';

export default defineContentScript({
  matches: bluesky.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, bluesky),
});
