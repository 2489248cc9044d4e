// How a failed answer's body that is not JSON is told: in the writes' chunk (operate.ts), which
// the client loads to word a failed read too. Failures come after the first paint, which has no
// bytes to spare for them.

import { clipped } from '../../shared/clipped';

/**
 * A short, readable summary of a body that is not JSON: a proxy's HTML error page is
 * reduced to its title or first heading, anything else to its first 120 characters.
 */
export function summarize(body: string, fallback: string): string {
  // Only its start, where a page's title is: the tag patterns take time growing with the square
  // of what they scan when "<" has no ">" after it (a 300 kB body froze the panel for 15 s: review).
  const text = body.slice(0, 2_000);
  const heading = /<(title|h1)[^>]*>([^<]*)<\/\1>/i.exec(text)?.[2];
  const plain = (heading ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  if (!plain) return fallback;
  return clipped(plain, 120);
}
