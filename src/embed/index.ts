// Public face of `embed/` for the first paint: start-up configuration, framing, themes and
// the inbox that keeps the host's early messages. What only an embedded panel needs (the
// host bridge and its protocol, diagnostics, the pop-out) loads after the first paint,
// from `embed/host.ts`; only its types are re-exported here, which cost no code (a value
// re-exported here would pull its module into the first render). The host SDK lives in
// `embed/sdk/` and is built on its own (dist/embed.js); the widget never imports it.
export {
  DEFAULT_CONFIG,
  formatConfigProblem,
  loadWidgetConfig,
  parseConfigFile,
  readUrlParameters,
  type ConfigLoad,
  type ConfigProblem,
  type ConfigSource,
  type WidgetConfig,
} from './widgetConfig';
export { listenToHost, type HostInbox, type HostLink } from './hostInbox';
export type { BridgeDiagnostics, CommandHandler, HostBridge, RejectionReason } from './hostBridge';
export type * from './protocol';
export { DEFAULT_THEME, DENSITIES, THEME_MODES, themeTokens, type Density, type Theme, type ThemeMode, type ThemeTokens } from './theme';
export { checkOriginPattern, frameAncestorsDirective, originMatches, type OriginPattern } from './origins';
export { detectFraming, isFramed, knownAncestorOrigins, type Framing } from './framing';
export type { StorageCheck } from './storageAccess';
export { popOutUrl, type PopOutState } from './popOut';
export type { PopOutReason } from './PopOutOffer';
export { ConfigProblems } from './ConfigProblems';
/** The pages shown instead of the panel (to a host that may not frame it; when config.json cannot be read); loaded only then. */
export const loadFramingRefused = () => import('./FramingRefused');
