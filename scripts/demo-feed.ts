/**
 * The demo feed `npm start` serves: posts in X's markup (the structure the X adapter reads),
 * timed relative to now so ages and response-time targets mean something.
 */
export const DEMO_BRANDS = [
  { name: 'Acme Air', aliases: ['AcmeAir'], handles: ['AcmeAir', 'AcmeAirHelp'], hashtags: ['acmefail'], exclude: [], competitor: false },
  { name: 'SkyJet', aliases: [], handles: ['SkyJet'], hashtags: [], exclude: [], competitor: true },
];

interface DemoPost {
  name: string;
  handle: string;
  minutesAgo: number;
  text: string;
}

const POSTS: DemoPost[] = [
  { name: 'Maya Chen', handle: 'mayachen_', minutesAgo: 95, text: 'Third time I ask: my bag never arrived in Lisbon and @AcmeAir support is useless. Still waiting 😡 #acmefail' },
  { name: 'Tom Becker', handle: 'tbecker', minutesAgo: 12, text: 'Huge thanks to the Acme Air crew, the new app is fantastic and check-in took 30 seconds 🙌' },
  { name: 'Sam Ortiz', handle: 'samortiz', minutesAgo: 40, text: 'Is Acme Air still flying to Porto in June? Cannot find it on the site' },
  { name: 'Lisa Park', handle: 'lisapark', minutesAgo: 55, text: 'Anyone know a good bakery near the station? Need coffee before my train.' },
  { name: 'Nina Rossi', handle: 'ninarossi', minutesAgo: 70, text: 'Switched to SkyJet last month and honestly never looking back' },
  { name: 'Priya Nair', handle: 'priya_n', minutesAgo: 5, text: 'My card was charged twice for booking AX1234 by @AcmeAirHelp, please fix this, I need the refund before Friday' },
  { name: 'Acme Air', handle: 'AcmeAir', minutesAgo: 180, text: 'Our spring schedule is live: 14 new routes across Europe.' },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function article(p: DemoPost, id: string, now: number): string {
  const at = new Date(now - p.minutesAgo * 60_000).toISOString();
  const rel = p.minutesAgo < 60 ? `${p.minutesAgo}m` : `${Math.floor(p.minutesAgo / 60)}h`;
  return `<div data-testid="cellInnerDiv"><article role="article" tabindex="0" data-testid="tweet">
  <div class="head"><div data-testid="User-Name">
    <a href="/${p.handle}" role="link"><span>${esc(p.name)}</span></a>
    <a href="/${p.handle}" role="link" tabindex="-1"><span class="muted">@${p.handle}</span></a>
    <span class="muted">·</span>
    <a href="/${p.handle}/status/${id}" role="link" class="muted"><time datetime="${at}">${rel}</time></a>
  </div></div>
  <div data-testid="tweetText" lang="en" dir="auto"><span>${esc(p.text)}</span></div>
  <div role="group"><button data-testid="reply" type="button">Reply</button><button data-testid="like" type="button">Like</button></div>
</article></div>`;
}

export function renderDemoFeed(now = Date.now()): string {
  const posts = POSTS.map((p, i) => article(p, String(1_800_000_000_000_000_000n + BigInt(i)), now)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Firstreply demo feed</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 0; background: #f7f9f9; }
main { max-width: 600px; margin: 0 auto; background: #fff; min-height: 100vh; border-inline: 1px solid #eff3f4; }
header.top { padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
article { padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
[data-testid="User-Name"] { display: flex; gap: 6px; align-items: baseline; }
[data-testid="User-Name"] a { color: inherit; text-decoration: none; font-weight: 700; }
.muted, [data-testid="User-Name"] a.muted, [data-testid="User-Name"] a[tabindex="-1"] { color: #536471; font-weight: 400; }
[role="group"] { display: flex; gap: 12px; margin-top: 8px; }
[role="group"] button { border: none; background: none; color: #536471; cursor: pointer; }
</style></head>
<body><main>
<header class="top"><strong>Demo feed</strong> — posts in X's markup. With the Firstreply extension loaded, posts that
mention <em>Acme Air</em> or its competitor <em>SkyJet</em> get a Firstreply bar; click one to answer it in the side panel.</header>
${posts}
</main></body></html>`;
}
