import { runContentScript } from '../lib/content/run';
import { threads } from '../lib/sites/threads';

export default defineContentScript({
  matches: threads.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, threads),
});
