/** Mastodon runs on thousands of instances: the content script is registered at run time on those the team adds. */

export const MASTODON_SCRIPT_ID = 'firstreply-mastodon';

/**
 * Instances read without being added (the manifest's own match patterns): the largest general-purpose ones
 * by active users (2025–2026). Adding one of them registers nothing more: the content script runs there once.
 */
export const MASTODON_DEFAULT_INSTANCES = [
  'mastodon.social',
  'mastodon.online',
  'mstdn.social',
  'mastodon.world',
  'mas.to',
  'infosec.exchange',
  'hachyderm.io',
  'fosstodon.org',
  'techhub.social',
  'mastodon.uno',
] as const;

/** "mastodon.social", "https://fosstodon.org/home" → "https://fosstodon.org"; undefined for what is not a host. */
export function instanceOrigin(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' || !url.hostname.includes('.')) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** Whether an instance's origin is one read out of the box. */
export function isDefaultInstance(origin: string): boolean {
  return (MASTODON_DEFAULT_INSTANCES as readonly string[]).includes(new URL(origin).hostname);
}

export interface ScriptingApi {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string; matches?: string[]; js?: string[] }>>;
  registerContentScripts(scripts: ContentScript[]): Promise<void>;
  updateContentScripts(scripts: ContentScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

interface ContentScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/**
 * Makes the registered Mastodon content script cover exactly the instances the team added and
 * the browser granted access to. Returns the match patterns now registered.
 */
export async function syncMastodonScripts(
  scripting: ScriptingApi,
  instances: readonly string[],
  granted: (origin: string) => Promise<boolean>,
  {
    scriptFile = 'content-scripts/mastodon.js',
    readElsewhere = () => false,
  }: {
    scriptFile?: string;
    /** Whether another site's own script reads the origin (x.com given as an instance): no Mastodon script beside it. */
    readElsewhere?: (origin: string) => boolean;
  } = {},
): Promise<string[]> {
  const origins: string[] = [];
  for (const i of instances) {
    const origin = instanceOrigin(i);
    if (!origin || origins.includes(origin) || isDefaultInstance(origin) || readElsewhere(origin)) continue;
    if (await granted(origin)) origins.push(origin);
  }
  const matches = origins.map((o) => `${o}/*`);
  const [current] = await scripting.getRegisteredContentScripts({ ids: [MASTODON_SCRIPT_ID] });
  if (matches.length === 0) {
    if (current) await scripting.unregisterContentScripts({ ids: [MASTODON_SCRIPT_ID] });
    return [];
  }
  const script: ContentScript = { id: MASTODON_SCRIPT_ID, matches, js: [scriptFile], runAt: 'document_idle', persistAcrossSessions: true };
  if (!current) await scripting.registerContentScripts([script]);
  // (A registration an earlier version made may name a script file this one no longer has.)
  else if (JSON.stringify([current.matches ?? [], current.js ?? []]) !== JSON.stringify([matches, script.js])) await scripting.updateContentScripts([script]);
  return matches;
}
