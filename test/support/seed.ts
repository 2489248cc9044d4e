import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The PropertiesUpdated sample exactly as the GWS documentation prints it (Python `None` and all). */
export const seedNotificationText = readFileSync(
  fileURLToPath(new URL('../fixtures/seed-PropertiesUpdated.txt', import.meta.url)),
  'utf8',
);

/** The same sample as a server would send it: valid JSON, `None` read as null. */
export function seedNotificationJson(): unknown {
  return JSON.parse(seedNotificationText.replace(/: None\b/g, ': null'));
}
