// Start-up configuration of the widget. Sources, later ones winning: defaults, a JSON
// file served beside the widget (`config.json`), then URL parameters. URL parameters
// never carry secrets: they end up in logs and Referer headers.

import { isRecord, ownField } from '../gws/schema';

export type WidgetConfig = {
  /** Origin of GWS; "" = the widget's own origin (the simulator, or a same-site reverse proxy). */
  readonly gwsBaseUrl: string;
  /** "include" when GWS is on another origin and answers CORS with credentials. */
  readonly credentials: 'same-origin' | 'include';
  /** Chat to open; without it the most recent chat in state Chatting opens. */
  readonly chatId: string | null;
};

export type ConfigProblem = { readonly field: string; readonly message: string };

export const DEFAULT_CONFIG: WidgetConfig = { gwsBaseUrl: '', credentials: 'same-origin', chatId: null };

export function parseConfigFile(input: unknown): { config: Partial<WidgetConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: { -readonly [K in keyof WidgetConfig]?: WidgetConfig[K] } = {};
  if (!isRecord(input)) return { config, problems: [{ field: 'config.json', message: 'must be a JSON object' }] };
  const baseUrl = ownField(input, 'gwsBaseUrl');
  if (baseUrl !== undefined) {
    if (typeof baseUrl === 'string' && (baseUrl === '' || isHttpUrl(baseUrl))) config.gwsBaseUrl = baseUrl.replace(/\/+$/, '');
    else problems.push({ field: 'gwsBaseUrl', message: 'must be "" or an http(s) origin such as "https://gws.example.com"' });
  }
  const credentials = ownField(input, 'credentials');
  if (credentials !== undefined) {
    if (credentials === 'same-origin' || credentials === 'include') config.credentials = credentials;
    else problems.push({ field: 'credentials', message: 'must be "same-origin" or "include"' });
  }
  return { config, problems };
}

export function readUrlParameters(search: string): Partial<WidgetConfig> {
  const chatId = new URLSearchParams(search).get('chatId');
  return chatId ? { chatId } : {};
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Loads config.json if the deployment serves one; a missing file means defaults. */
export async function loadWidgetConfig(search: string, fetchConfig: () => Promise<Response>): Promise<{ config: WidgetConfig; problems: ConfigProblem[] }> {
  let fromFile: Partial<WidgetConfig> = {};
  let problems: ConfigProblem[] = [];
  try {
    const response = await fetchConfig();
    if (response.ok) {
      const parsed = parseConfigFile(JSON.parse(await response.text()));
      fromFile = parsed.config;
      problems = parsed.problems;
    } else if (response.status !== 404) {
      problems.push({ field: 'config.json', message: `could not be read (HTTP ${response.status})` });
    }
  } catch (error) {
    problems.push({ field: 'config.json', message: `is not valid JSON or could not be fetched: ${error instanceof Error ? error.message : String(error)}` });
  }
  return { config: { ...DEFAULT_CONFIG, ...fromFile, ...readUrlParameters(search) }, problems };
}
