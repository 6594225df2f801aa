import { runContentScript } from '../lib/content/run';
import { DEMO_MATCHES } from '../lib/sites/demo';
import { x } from '../lib/sites/x';

// X, and the demo feed `npm start` serves (X-like markup).
export default defineContentScript({
  matches: [...x.matches, ...DEMO_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, x),
});
