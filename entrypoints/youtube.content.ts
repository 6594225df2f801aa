import { runContentScript } from '../lib/content/run';
import { youtube } from '../lib/sites/youtube';

export default defineContentScript({
  matches: youtube.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, youtube),
});
