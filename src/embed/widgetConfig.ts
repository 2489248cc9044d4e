// Start-up configuration of the widget: one object, validated once, with a readable list
// of what is wrong. Sources, later ones winning: defaults, a JSON file served beside the
// widget (`config.json`), URL parameters, then host messages at run time (theme, locale,
// chat; applied in app/).
//
// URL parameters never carry secrets (they end up in logs and Referer headers), and never
// carry anything that widens trust: the page that frames the widget writes its URL, so
// the allowlist or the GWS address in a URL would let any page grant itself access.

import { isRecord, ownField } from '../shared/schema';
// The module, not i18n's index: this file also runs in Node (the simulator builds its
// frame-ancestors header with it), where React components have no business loading.
import { DEFAULT_LOCALE, LOCALES, resolveLocale, type Locale } from '../i18n/locales';
import { checkOriginPattern, type OriginPattern } from './origins';
import { DEFAULT_THEME, DENSITIES, THEME_MODES, isDensity, isThemeMode, themeTokens, type Theme } from './theme';

export type WidgetConfig = {
  /** Origin of GWS; "" = the widget's own origin (the simulator, or a same-site reverse proxy). */
  readonly gwsBaseUrl: string;
  /** "include" when GWS is on another origin and answers CORS with credentials. */
  readonly credentials: 'same-origin' | 'include';
  /** Pages allowed to embed the widget and drive it by postMessage (besides its own origin). */
  readonly allowedHostOrigins: readonly OriginPattern[];
  /** Chat to open; without it the most recent chat in state Chatting opens. */
  readonly chatId: string | null;
  readonly locale: Locale;
  readonly theme: Theme;
  /** Offer a pop-out window when the browser blocks the session cookie inside the CRM. */
  readonly popOut: boolean;
  /** The `caseData` section as written (key labels, types, order...): caseData/ validates it. */
  readonly caseData: unknown;
};

export type ConfigSource = 'config.json' | 'url' | 'host';
export type ConfigProblem = { readonly source: ConfigSource; readonly field: string; readonly message: string };

type Draft = { -readonly [K in keyof WidgetConfig]?: WidgetConfig[K] };

export const DEFAULT_CONFIG: WidgetConfig = {
  gwsBaseUrl: '',
  credentials: 'same-origin',
  allowedHostOrigins: [],
  chatId: null,
  locale: DEFAULT_LOCALE,
  theme: DEFAULT_THEME,
  popOut: true,
  caseData: undefined,
};

const FILE_FIELDS = ['gwsBaseUrl', 'credentials', 'allowedHostOrigins', 'locale', 'theme', 'popOut', 'caseData'] as const;
const FILE_ONLY_IN_URL = ['gwsBaseUrl', 'credentials', 'allowedHostOrigins', 'popOut', 'caseData'] as const;

/** "config.json allowedHostOrigins[0]: ..." lines for a console or an alert. */
export function formatConfigProblem(problem: ConfigProblem): string {
  const where = problem.source === 'url' ? 'URL parameter' : problem.source === 'host' ? 'host message' : 'config.json';
  return `${where} ${problem.field}: ${problem.message}`;
}

export function parseConfigFile(input: unknown): { config: Partial<WidgetConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: Draft = {};
  const problem = (field: string, message: string) => problems.push({ source: 'config.json', field, message });
  if (!isRecord(input)) return { config, problems: [{ source: 'config.json', field: '(file)', message: 'must be a JSON object' }] };

  for (const name of Object.keys(input)) {
    if (!FILE_FIELDS.some((known) => known === name)) problem(name, `is not a setting (known: ${FILE_FIELDS.join(', ')})`);
  }
  const baseUrl = ownField(input, 'gwsBaseUrl');
  if (baseUrl !== undefined) {
    if (typeof baseUrl === 'string' && (baseUrl === '' || isHttpUrl(baseUrl))) config.gwsBaseUrl = baseUrl.replace(/\/+$/, '');
    else problem('gwsBaseUrl', 'must be "" or an http(s) address such as "https://gws.example.com", without a query, fragment, user name or password');
  }
  const credentials = ownField(input, 'credentials');
  if (credentials !== undefined) {
    if (credentials === 'same-origin' || credentials === 'include') config.credentials = credentials;
    else problem('credentials', 'must be "same-origin" or "include"');
  }
  const origins = ownField(input, 'allowedHostOrigins');
  if (origins !== undefined) {
    if (!Array.isArray(origins)) problem('allowedHostOrigins', 'must be a list of origins such as ["https://crm.example.com"]');
    else {
      // A bad entry is dropped, the good ones kept: failing closed for that one origin only.
      const allowed: OriginPattern[] = [];
      origins.forEach((entry: unknown, index) => {
        const checked = checkOriginPattern(entry);
        if (checked.ok) allowed.push(checked.pattern);
        else problem(`allowedHostOrigins[${index}]`, checked.message);
      });
      config.allowedHostOrigins = allowed;
    }
  }
  const locale = ownField(input, 'locale');
  if (locale !== undefined) readLocale(locale, config, problem);
  const theme = ownField(input, 'theme');
  if (theme !== undefined) readTheme(theme, config, problem);
  const popOut = ownField(input, 'popOut');
  if (popOut !== undefined) {
    if (typeof popOut === 'boolean') config.popOut = popOut;
    else problem('popOut', 'must be true or false');
  }
  if (Object.hasOwn(input, 'caseData')) config.caseData = ownField(input, 'caseData');
  return { config, problems };
}

function readLocale(value: unknown, config: Draft, problem: (field: string, message: string) => void) {
  const resolved = typeof value === 'string' ? resolveLocale(value) : null;
  if (resolved) config.locale = resolved;
  else problem('locale', `${JSON.stringify(value)} has no catalogue; shipped: ${LOCALES.join(', ')}`);
}

/** "dark", or { "mode": "dark", "tokens": { ... } } exactly like a setTheme message. */
function readTheme(value: unknown, config: Draft, problem: (field: string, message: string) => void) {
  if (isThemeMode(value)) {
    config.theme = { mode: value, tokens: {} };
    return;
  }
  if (!isRecord(value)) return problem('theme', `must be one of ${THEME_MODES.join(', ')}, or { "mode": ..., "tokens": { ... } }`);
  const mode = ownField(value, 'mode') ?? DEFAULT_THEME.mode;
  if (!isThemeMode(mode)) return problem('theme.mode', `must be one of ${THEME_MODES.join(', ')}`);
  const tokens = ownField(value, 'tokens');
  if (tokens === undefined) {
    config.theme = { mode, tokens: {} };
    return;
  }
  const parsed = themeTokens(tokens, 'theme.tokens');
  if (parsed.ok) config.theme = { mode, tokens: parsed.value };
  else for (const issue of parsed.issues) problem(issue.path, issue.message);
}

export function readUrlParameters(search: string, base: WidgetConfig = DEFAULT_CONFIG): { config: Partial<WidgetConfig>; problems: ConfigProblem[] } {
  const params = new URLSearchParams(search);
  const problems: ConfigProblem[] = [];
  const config: Draft = {};
  const problem = (field: string, message: string) => problems.push({ source: 'url', field, message });
  for (const name of FILE_ONLY_IN_URL) {
    if (params.has(name)) problem(name, 'is ignored: it can only be set in config.json, because the embedding page writes the URL');
  }
  // Trimmed, as the host's setActiveChat is: " C-1 " from a hand-written address opened no chat (integrator's test).
  const chatId = params.get('chatId')?.trim();
  if (chatId) config.chatId = chatId;
  const locale = params.get('locale');
  if (locale !== null) readLocale(locale, config, problem);
  const mode = params.get('theme');
  const density = params.get('density');
  let theme = base.theme;
  if (mode !== null) {
    if (isThemeMode(mode)) theme = { ...theme, mode };
    else problem('theme', `must be one of ${THEME_MODES.join(', ')}`);
  }
  if (density !== null) {
    if (isDensity(density)) theme = { ...theme, tokens: { ...theme.tokens, density } };
    else problem('density', `must be one of ${DENSITIES.join(', ')}`);
  }
  if (theme !== base.theme) config.theme = theme;
  return { config, problems };
}

/**
 * An http(s) address requests can be built on: paths are appended to it, so a query or a
 * fragment would swallow them ("…?tenant=1/api/v2/me"), and a password in it is refused by
 * browsers and sits in a file anyone may read (review).
 */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    // (A bare "?" or "#" leaves search and hash empty: the text itself is asked.)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !/[?#]/.test(text);
  } catch {
    return false;
  }
}

/** What loading the configuration came to: the configuration, or why the panel must not start. */
export type ConfigLoad =
  | { readonly kind: 'loaded'; readonly config: WidgetConfig; readonly problems: ConfigProblem[] }
  /** config.json is there but cannot be read: `reason` in English, for the page and the console; `locale` the URL's. */
  | { readonly kind: 'unreadable'; readonly reason: string; readonly locale: Locale };

/** Waits before asking again for a config.json whose failure may pass (the network, a 5xx, 408, 429). */
export const CONFIG_RETRY_DELAYS_MS: readonly number[] = [1_000, 3_000];

type FileRead = { readonly kind: 'file'; readonly json: unknown } | { readonly kind: 'none' } | { readonly kind: 'unreadable'; readonly reason: string; readonly passing: boolean };

async function readConfigFile(fetchConfig: (attempt: number) => Promise<Response>, attempt: number): Promise<FileRead> {
  let response: Response;
  let text: string;
  try {
    response = await fetchConfig(attempt);
    text = await response.text();
  } catch (error) {
    return { kind: 'unreadable', reason: `could not be fetched: ${error instanceof Error ? error.message : String(error)}`, passing: true };
  }
  // No file is a deployment without one: the defaults. Any other failure is not.
  if (response.status === 404) return { kind: 'none' };
  if (!response.ok) return { kind: 'unreadable', reason: `could not be read (HTTP ${response.status})`, passing: response.status >= 500 || response.status === 408 || response.status === 429 };
  try {
    const json: unknown = JSON.parse(text);
    return isRecord(json) ? { kind: 'file', json } : { kind: 'unreadable', reason: 'is not a JSON object', passing: false };
  } catch (error) {
    return { kind: 'unreadable', reason: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, passing: false };
  }
}

/**
 * Reads config.json if the deployment serves one (a missing file means defaults), then the URL.
 * One that is there but cannot be read is not taken for none: the panel would start on the
 * defaults, the keys the file makes read-only or hidden open to editing, no host allowed
 * (integrator's test: one comma too many, and the routing keys could be changed). It is asked
 * for again while its failure may pass, then the panel does not start, and says why.
 * `fetchConfig(attempt)`: attempt 0 may be a request already on its way (configRequest.ts).
 */
export async function loadWidgetConfig(
  search: string,
  fetchConfig: (attempt: number) => Promise<Response>,
  retryDelaysMs: readonly number[] = CONFIG_RETRY_DELAYS_MS,
): Promise<ConfigLoad> {
  let file = await readConfigFile(fetchConfig, 0);
  for (let attempt = 1; file.kind === 'unreadable' && file.passing && attempt <= retryDelaysMs.length; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt - 1]));
    file = await readConfigFile(fetchConfig, attempt);
  }
  if (file.kind === 'unreadable') return { kind: 'unreadable', reason: `config.json ${file.reason}`, locale: readUrlParameters(search, DEFAULT_CONFIG).config.locale ?? DEFAULT_CONFIG.locale };
  const problems: ConfigProblem[] = [];
  let fromFile: Partial<WidgetConfig> = {};
  if (file.kind === 'file') {
    const parsed = parseConfigFile(file.json);
    fromFile = parsed.config;
    problems.push(...parsed.problems);
  }
  const afterFile: WidgetConfig = { ...DEFAULT_CONFIG, ...fromFile };
  const fromUrl = readUrlParameters(search, afterFile);
  problems.push(...fromUrl.problems);
  return { kind: 'loaded', config: { ...afterFile, ...fromUrl.config }, problems };
}
