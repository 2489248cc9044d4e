// Host origins: how an allowlist entry is written, checked and matched. One definition
// serves the config validation, the bridge's origin check, the framing check, and the
// server's `Content-Security-Policy: frame-ancestors`, so the four can never disagree.
//
// An entry is an exact origin ("https://crm.example.com", "http://127.0.0.1:8081") or a
// subdomain wildcard ("https://*.my.salesforce.com"), as CSP source expressions allow.

export type OriginPattern = string;

export type OriginCheck = { readonly ok: true; readonly pattern: OriginPattern } | { readonly ok: false; readonly message: string };

const WILDCARD = /^(https?):\/\/\*\.([^/:*]+)(:\d{1,5})?$/i;

// CSP's host grammar: letters, digits and hyphens in dot-separated labels (an IPv4 address
// is one such). Checked on its own rather than trusting URL parsing: Node keeps a "*", ";"
// or "'" in a host that browsers percent-encode, so the server's frame-ancestors and the
// widget read one entry two ways (security review: "https://*" let every page frame it). CSP
// has no IPv6 form (browsers ignore one): refused too, or only the widget's check would allow it.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);

// Suffixes under which anyone registers a site: a country's second level (co.uk, com.au) and
// the common shared hosts. Not the whole Public Suffix List (a large file for a rare mistake),
// but the entries an administrator is likely to write (review: "*.co.uk" was taken).
const PUBLIC_SUFFIX =
  /^(?:(?:co|com|net|org|gov|edu|ac|ne|or|go|ltd|plc)\.[a-z]{2}|(?:github|gitlab|ngrok)\.io|(?:herokuapp|firebaseapp|appspot|blogspot)\.com|(?:vercel|netlify|web|ngrok-free)\.app|(?:pages|workers)\.dev|(?:azurewebsites|cloudfront)\.net|onrender\.com|glitch\.me)$/i;

/** Validates one allowlist entry; the message says how to fix it. */
export function checkOriginPattern(entry: unknown): OriginCheck {
  if (typeof entry !== 'string') return { ok: false, message: 'must be text such as "https://crm.example.com"' };
  const text = entry.trim();
  if (text === '*') return { ok: false, message: '"*" would let any page drive the panel; list the CRM origins instead' };
  const wildcard = WILDCARD.exec(text);
  if (wildcard) {
    const [, scheme = '', domain = '', port = ''] = wildcard;
    // Schemes and hosts are case-insensitive; the pattern is kept in the browser's spelling.
    const exact = checkExact(`${scheme.toLowerCase()}://${domain.toLowerCase()}${port}`);
    if (!exact.ok) return exact;
    if (!domain.includes('.')) return { ok: false, message: `"*.${domain}" would match a whole top-level domain` };
    if (PUBLIC_SUFFIX.test(domain)) return { ok: false, message: `"*.${domain}" would match every site anyone registers under ${domain.toLowerCase()}; write the CRM's own domain` };
    return { ok: true, pattern: exact.pattern.replace('://', '://*.') };
  }
  return checkExact(text);
}

function checkExact(text: string): OriginCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `"${text}" is not a URL; write an origin such as "https://crm.example.com"` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `"${text}" must start with https:// (or http:// for local testing)` };
  if (url.username || url.password) return { ok: false, message: `"${text}" must not contain a user name or password` };
  if (url.hostname.startsWith('[')) return { ok: false, message: `"${text}": an IPv6 address cannot be listed in frame-ancestors; use a host name (such as localhost)` };
  if (!HOST.test(url.hostname)) return { ok: false, message: `"${text}" must name one host: a domain name or an IP address (a wildcard only as "https://*.example.com")` };
  if (url.origin !== text) {
    return { ok: false, message: `"${text}" must be an origin only (scheme, host and port, no path or trailing slash): did you mean "${url.origin}"?` };
  }
  return { ok: true, pattern: url.origin };
}

/** Whether `origin` (from a MessageEvent or ancestorOrigins) matches one of the patterns. */
export function originMatches(origin: string, patterns: readonly OriginPattern[]): boolean {
  return patterns.some((pattern) => matchOne(origin, pattern));
}

function matchOne(origin: string, pattern: OriginPattern): boolean {
  // An opaque origin ("null": sandboxed frames, data: and file: documents) names no one,
  // so it matches nothing, even a pattern that somehow reads "null".
  if (origin === 'null') return false;
  if (origin === pattern) return true;
  const star = pattern.indexOf('://*.');
  if (star < 0) return false;
  const scheme = pattern.slice(0, star);
  const rest = pattern.slice(star + 5); // "example.com" or "example.com:8443"
  if (!origin.startsWith(`${scheme}://`)) return false;
  const hostAndPort = origin.slice(scheme.length + 3);
  // At least one label before the domain, as CSP's "*." requires.
  return hostAndPort.endsWith(`.${rest}`) && hostAndPort.length > rest.length + 1 && !hostAndPort.slice(0, -rest.length - 1).includes(':');
}

/**
 * The header value the server sends with the widget's HTML. 'self' lets the widget's own
 * origin frame it (a same-origin page can script it anyway, so nothing is given away).
 */
export function frameAncestorsDirective(patterns: readonly OriginPattern[]): string {
  return ["frame-ancestors 'self'", ...patterns].join(' ');
}
