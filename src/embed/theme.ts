// Themes a host may ask for, and the design tokens it may pass so the panel looks native
// in its CRM. Tokens end up in CSS custom properties, so each one is checked against a
// narrow pattern: a host typo must not become `url(...)` fetching from a tracker, nor
// break out of its declaration.

import { isRecord, ownField, type Issue, type ParseResult, type Schema } from '../shared/schema';

export const THEME_MODES = ['light', 'dark', 'high-contrast'] as const;
export type ThemeMode = (typeof THEME_MODES)[number];

export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

export type ThemeTokens = {
  /** A CSS font-family list, e.g. "Inter, 'Segoe UI', sans-serif". */
  readonly fontFamily?: string;
  /** Base font size in CSS pixels, 10 to 24. */
  readonly fontSize?: number;
  /** Accent for buttons, links and focus rings: #rgb, #rrggbb, rgb(...) or hsl(...). */
  readonly accentColor?: string;
  /** "compact" for narrow side panels (320 px). */
  readonly density?: Density;
};

export type Theme = { readonly mode: ThemeMode; readonly tokens: ThemeTokens };

export const DEFAULT_THEME: Theme = { mode: 'light', tokens: {} };

const COLOR = /^(?:#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgb|hsl)a?\(\s*[-\d.%\s,/deg]+\))$/i;
const FONT_FAMILY = /^[\p{L}\p{N} ,'"_-]{1,200}$/u;
const TOKEN_NAMES = ['fontFamily', 'fontSize', 'accentColor', 'density'] as const;

export const isThemeMode = (value: unknown): value is ThemeMode => THEME_MODES.some((mode) => mode === value);
export const isDensity = (value: unknown): value is Density => DENSITIES.some((density) => density === value);

/**
 * Strict on purpose: one bad token rejects the whole set with every problem listed, so
 * the host sees its mistake instead of a half-applied theme.
 */
export const themeTokens: Schema<ThemeTokens> = (input, path): ParseResult<ThemeTokens> => {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (!isRecord(input)) return { ok: false, issues: [{ path: path || '(root)', message: 'expected an object of design tokens' }] };
  const issues: Issue[] = [];
  const tokens: { -readonly [K in keyof ThemeTokens]: ThemeTokens[K] } = {};
  for (const name of Object.keys(input)) {
    if (!TOKEN_NAMES.some((known) => known === name)) issues.push({ path: at(name), message: `is not a design token (known: ${TOKEN_NAMES.join(', ')})` });
  }
  const fontFamily = ownField(input, 'fontFamily');
  if (fontFamily !== undefined) {
    if (typeof fontFamily === 'string' && FONT_FAMILY.test(fontFamily)) tokens.fontFamily = fontFamily;
    else issues.push({ path: at('fontFamily'), message: 'must be a font-family list of names, commas and quotes' });
  }
  const fontSize = ownField(input, 'fontSize');
  if (fontSize !== undefined) {
    if (typeof fontSize === 'number' && fontSize >= 10 && fontSize <= 24) tokens.fontSize = fontSize;
    else issues.push({ path: at('fontSize'), message: 'must be a number of pixels from 10 to 24' });
  }
  const accentColor = ownField(input, 'accentColor');
  if (accentColor !== undefined) {
    if (typeof accentColor === 'string' && COLOR.test(accentColor.trim())) tokens.accentColor = accentColor.trim();
    else issues.push({ path: at('accentColor'), message: 'must be a colour such as "#0b5cad", "rgb(11 92 173)" or "hsl(210 88% 36%)"' });
  }
  const density = ownField(input, 'density');
  if (density !== undefined) {
    if (isDensity(density)) tokens.density = density;
    else issues.push({ path: at('density'), message: `must be one of ${DENSITIES.join(', ')}` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: tokens };
};
