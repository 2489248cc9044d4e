// The English texts of the embedding's own views, the pop-out offer and the integrator's
// diagnostics (embed/PopOutOffer.tsx, embed/DiagnosticsView.tsx), which load with the host
// code after the first paint: i18n/embeddingTexts.ts adds them to the English catalogue in
// that chunk. Keys and placeholders work as in en.ts.

export const enEmbedding = {
  'popOut.blockedStorage': 'Your browser blocks cookies or storage for the panel inside this page, so it cannot use your Genesys session here.',
  'popOut.maybeBlocked': 'If you are signed in to Genesys, your browser may be blocking its session cookie inside this page.',
  'popOut.unsavedStay': 'Your changes not yet saved stay in this panel, and are sent from here once the session works here again: a new window does not have them.',
  'popOut.open': 'Open in a new window',
  'popOut.allowAccess': 'Allow access',
  'popOut.accessDenied': 'The browser did not grant access. Use a new window instead.',

  'diagnostics.summary': 'Diagnostics',
  'diagnostics.protocol': 'Host protocol version',
  'diagnostics.hostOrigin': 'Host origin',
  'diagnostics.hostOriginUnknown': 'not known yet',
  'diagnostics.allowedOrigins': 'Allowed host origins',
  'diagnostics.none': 'none',
  'diagnostics.accepted': 'Messages accepted',
  'diagnostics.answeredWithError': 'Messages answered with an error',
  'diagnostics.rejected': 'Messages rejected',
  'diagnostics.recent': 'Recent rejections',
  'diagnostics.reason.origin-not-allowed': 'origin {origin} is not allowed',
  'diagnostics.reason.not-from-parent': 'from {origin}, but not from the embedding page',
} as const;
