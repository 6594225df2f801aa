import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ApiError, createApiClient } from '../../lib/api';
import { sendMessage } from '../../lib/messaging-client';
import { BrandListSchema } from '../../lib/schemas/brand';
import { SETTINGS_KEY, SettingsSchema, type Settings } from '../../lib/schemas/settings';
import { loadSettings } from '../../lib/settings';
import { instanceOrigin, isDefaultInstance, MASTODON_DEFAULT_INSTANCES } from '../../lib/mastodon-instances';
import { otherSiteAt } from '../../lib/sites';

type Note = { kind: 'ok' | 'error' | 'warn'; text: string };

export function App() {
  const [settings, setSettings] = useState<Settings>();
  const [problem, setProblem] = useState<string>();
  const [form, setForm] = useState({ backendUrl: '', token: '', responseTargetMinutes: '60' });
  const [brandsText, setBrandsText] = useState('[]');
  const [note, setNote] = useState<Note>();
  const [brandNote, setBrandNote] = useState<Note>();
  const [instance, setInstance] = useState('');
  const [instanceNote, setInstanceNote] = useState<Note>();

  const saveInstances = async (mastodonInstances: string[]) => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...settings, mastodonInstances } });
  };
  const addInstance = async () => {
    const origin = instanceOrigin(instance);
    if (!origin) {
      setInstanceNote({ kind: 'error', text: 'Enter the instance’s address, like social.example.org or https://social.example.org.' });
      return;
    }
    const other = otherSiteAt(origin);
    if (other) {
      setInstanceNote({ kind: 'error', text: `${origin} is not a Mastodon instance: Firstreply reads it with its own ${other.id} adapter already.` });
      return;
    }
    if (isDefaultInstance(origin)) {
      setInstance('');
      setInstanceNote({ kind: 'ok', text: `Firstreply reads ${origin} out of the box: nothing to add.` });
      return;
    }
    // The browser asks the agent to allow Firstreply on that instance.
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    if (!granted) {
      setInstanceNote({ kind: 'warn', text: `Firstreply was not allowed on ${origin}.` });
      return;
    }
    await saveInstances([...new Set([...(settings?.mastodonInstances ?? []), origin])]);
    setInstance('');
    setInstanceNote({ kind: 'ok', text: `Firstreply now reads ${origin}; reload its tabs.` });
  };
  const removeInstance = async (origin: string) => {
    await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
    await saveInstances((settings?.mastodonInstances ?? []).filter((o) => o !== origin));
  };

  const reload = async () => {
    const loaded = await loadSettings(browser.storage.local);
    setSettings(loaded.settings);
    setProblem(loaded.problem);
    setForm({
      backendUrl: loaded.settings.backendUrl,
      token: loaded.settings.token,
      responseTargetMinutes: String(loaded.settings.responseTargetMinutes),
    });
    setBrandsText(JSON.stringify(loaded.settings.brands, null, 2));
  };
  useEffect(() => {
    void reload();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) void reload();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    const parsed = SettingsSchema.safeParse({ ...settings, ...form, responseTargetMinutes: Number(form.responseTargetMinutes) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setNote({ kind: 'error', text: `${issue.path.join('.')}: ${issue.message}` });
      return;
    }
    await browser.storage.local.set({ [SETTINGS_KEY]: parsed.data });
    setNote({ kind: 'ok', text: 'Saved.' });
  };

  const test = async () => {
    setNote(undefined);
    const result = await sendMessage('testConnection', { backendUrl: form.backendUrl, token: form.token });
    setNote(
      result.ok && result.me
        ? { kind: 'ok', text: `Connected to team “${result.me.team.name}” as ${result.me.agent.name} (${result.me.agent.role}).` }
        : { kind: 'error', text: result.error ?? 'Connection failed.' },
    );
  };

  const saveBrands = async () => {
    let json: unknown;
    try {
      json = JSON.parse(brandsText);
    } catch (err) {
      setBrandNote({ kind: 'error', text: `Not valid JSON: ${(err as Error).message}` });
      return;
    }
    const parsed = BrandListSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setBrandNote({ kind: 'error', text: `brands.${issue.path.join('.')}: ${issue.message}` });
      return;
    }
    try {
      const { brands } = await createApiClient({ backendUrl: form.backendUrl, token: form.token }).putBrands(parsed.data);
      await browser.storage.local.set({ [SETTINGS_KEY]: { ...settings, brands } });
      setBrandNote({ kind: 'ok', text: `Saved ${brands.length} brand${brands.length === 1 ? '' : 's'} for the whole team.` });
    } catch (err) {
      const text = err instanceof ApiError && err.status === 403 ? 'Only team admins can change brands.' : (err as Error).message;
      setBrandNote({ kind: 'error', text });
    }
  };

  return (
    <main>
      <h1>Firstreply settings</h1>
      {problem && <p class="warn" data-testid="settings-problem">{problem}</p>}
      <form onSubmit={save}>
        <label for="backendUrl">Team backend URL</label>
        <input id="backendUrl" type="url" data-testid="backend-url" value={form.backendUrl}
          onInput={(e) => setForm({ ...form, backendUrl: e.currentTarget.value })} />
        <label for="token">Access token</label>
        <input id="token" type="password" data-testid="token" value={form.token} autocomplete="off"
          onInput={(e) => setForm({ ...form, token: e.currentTarget.value })} />
        <label for="target">Response-time target (minutes)</label>
        <input id="target" type="number" min={1} value={form.responseTargetMinutes}
          onInput={(e) => setForm({ ...form, responseTargetMinutes: e.currentTarget.value })} />
        <p class="row">
          <button type="submit" data-testid="save-settings">Save</button>
          <button type="button" data-testid="test-connection" onClick={() => void test()}>Test connection</button>
        </p>
      </form>
      {note && <p class={note.kind} data-testid="settings-note">{note.text}</p>}

      <h2>Team brands</h2>
      <p class="muted">
        Shared by the whole team and cached here. Each brand: name, aliases, handles, hashtags, exclude (phrases that are not a
        mention, like “apple pie”) and competitor (true for competitors you track).
      </p>
      <textarea rows={14} data-testid="brands-json" value={brandsText} onInput={(e) => setBrandsText(e.currentTarget.value)}
        spellcheck={false} />
      <p class="row">
        <button type="button" data-testid="save-brands" onClick={() => void saveBrands()}>Save brands for the team</button>
      </p>
      {brandNote && <p class={brandNote.kind} data-testid="brands-note">{brandNote.text}</p>}

      <h2>Mastodon instances</h2>
      <p class="muted" data-testid="default-instances">
        Firstreply reads {MASTODON_DEFAULT_INSTANCES.join(', ')} out of the box; add the other instances your customers use.
      </p>
      <ul data-testid="mastodon-instances">
        {(settings?.mastodonInstances ?? []).map((o) => (
          <li key={o}>
            {o} <button type="button" onClick={() => void removeInstance(o)}>Remove</button>
          </li>
        ))}
      </ul>
      <p class="row">
        <input type="text" data-testid="mastodon-instance" placeholder="social.example.org" value={instance}
          onInput={(e) => setInstance(e.currentTarget.value)} />
        <button type="button" data-testid="add-instance" onClick={() => void addInstance()}>Add instance</button>
      </p>
      {instanceNote && <p class={instanceNote.kind} data-testid="instance-note">{instanceNote.text}</p>}
    </main>
  );
}
