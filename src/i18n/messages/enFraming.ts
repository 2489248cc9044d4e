// The English texts of the page shown instead of the panel when a page that is not allowed
// frames it (embed/FramingRefused.tsx), which loads only then: i18n/framingTexts.ts adds them
// to the English catalogue in its chunk. Keys and placeholders work as in en.ts.

export const enFraming = {
  'framing.title': 'The Case Data Panel cannot be shown here',
  'framing.notAllowed': 'This page ({origin}) is not allowed to embed the panel.',
  'framing.unknownHost': 'The panel cannot tell which page embeds it, so it shows no case data here. An embedding page must let the browser name it (referrerpolicy="origin" on its iframe).',
  'framing.sandboxedHost': 'A page framed in a sandbox without its own origin embeds the panel (an iframe with sandbox but not allow-same-origin): no allowlist can name it. The page around it must give that frame allow-same-origin, or open the panel directly.',
  'framing.fix': 'An administrator can add this origin to "allowedHostOrigins" in the panel\'s config.json.',
  'framing.openDirectly': 'Open the panel in its own window',
  // Followed by the entries, each with why (and, where it can tell, the entry meant).
  'framing.ignored': 'Entries of "allowedHostOrigins" it ignored:',

  // Shown instead of the panel when its config.json is there but cannot be read (also FramingRefused.tsx).
  'configUnreadable.title': 'The Case Data Panel cannot start',
  'configUnreadable.why': 'Its configuration could not be read. Without it, keys it makes read-only or hidden would be open to editing, so the panel shows and changes nothing until it can be read.',
  'configUnreadable.fix': 'If this persists, an administrator can check that the panel\'s config.json is served and is valid JSON.',
  'configUnreadable.tryAgain': 'Try again',
} as const;
