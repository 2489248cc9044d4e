// Public face of `embed/`: start-up configuration, the iframe host bridge and its
// protocol, framing and cookie checks, and their small UI pieces. The host SDK lives in
// `embed/sdk/` and is built on its own (dist/embed.js); the widget never imports it.
export {
  DEFAULT_CONFIG,
  formatConfigProblem,
  loadWidgetConfig,
  parseConfigFile,
  readUrlParameters,
  type ConfigProblem,
  type ConfigSource,
  type WidgetConfig,
} from './widgetConfig';
export { createHostBridge, type BridgeDiagnostics, type CommandHandler, type HostBridge, type RejectionReason } from './hostBridge';
export { readHostMessage, type HostMessageReading } from './hostMessages';
export * from './protocol';
export { DEFAULT_THEME, DENSITIES, THEME_MODES, themeTokens, type Density, type Theme, type ThemeMode, type ThemeTokens } from './theme';
export { checkOriginPattern, frameAncestorsDirective, originMatches, type OriginPattern } from './origins';
export { detectFraming, isFramed, knownAncestorOrigins, type Framing } from './framing';
export { checkStorageAccess, openPopOut, popOutUrl, requestStorageAccess, type PopOutState, type StorageCheck } from './storageAccess';
export { DiagnosticsView } from './DiagnosticsView';
export { ConfigProblems } from './ConfigProblems';
export { FramingRefused } from './FramingRefused';
export { PopOutOffer, type PopOutReason } from './PopOutOffer';
