/**
 * The site's Content Security Policy and HTTP security headers, and the `_headers` file
 * (Netlify, Cloudflare Pages) that carries them.
 *
 * Two copies of the CSP reach browsers:
 * - the `<meta>` Astro writes into every page (security.csp in astro.config.ts): Astro hashes
 *   its own inline scripts and styles into script-src/style-src, and META_CSP_DIRECTIVES adds
 *   the rest. It is what protects hosts without custom headers (GitHub Pages).
 * - the `Content-Security-Policy` header in dist/_headers, written after the build from those
 *   very meta policies (their union, so every page's hashed sources stay allowed) plus what only
 *   a header can carry: frame-ancestors (ignored in meta) and upgrade-insecure-requests.
 *   A header policy without the hashes would block Astro's inline styles; copying them at build
 *   time keeps one source of truth. The header also covers what has no meta tag: an SVG or XML
 *   file opened directly.
 * Browsers enforce both; each is strict on its own (no 'unsafe-inline', no 'unsafe-eval').
 *
 * Host rules may overlap only where they set different headers: Cloudflare joins a header set
 * by two matching rules with a comma (two Cache-Control values would contradict each other),
 * Netlify lets the later rule win. So Cache-Control rules are disjoint (/_astro/*, each other
 * top-level folder and file), and the security headers sit on /* alone.
 */

/**
 * Directives for Astro's meta CSP; Astro adds script-src and style-src with its hashes, and each
 * page adds its frame-src (frameSrcDirective, from BaseLayout).
 */
export const META_CSP_DIRECTIVES = [
  "default-src 'self'",
  // Article images are local files only (src/markdown/rehype-article-images.ts refuses remote ones).
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
] as const;

/**
 * A page's frame-src: 'none', unless the page embeds videos, whose players' origins it then
 * allows (src/markdown/embed-providers.ts); never for the whole site. Not in META_CSP_DIRECTIVES
 * because Astro merges an inserted directive into a configured one, and `'none' <origin>` is
 * a policy browsers warn about.
 */
export function frameSrcDirective(origins: readonly string[]): `frame-src ${string}` {
  for (const origin of origins) {
    if (!/^https:\/\/[a-z0-9.-]+$/.test(origin))
      throw new Error(`"${origin}" is not an https origin a page may frame`);
  }
  return origins.length ? `frame-src ${[...origins].sort().join(' ')}` : "frame-src 'none'";
}

/** Directives a meta CSP cannot carry (browsers ignore or warn about them there). */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'", 'upgrade-insecure-requests'];

export const SECURITY_HEADERS: Record<string, string> = {
  // No includeSubDomains: a publication's other subdomains may not all serve HTTPS; add it per deploy.
  'Strict-Transport-Security': 'max-age=63072000',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), ' +
    'accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()',
  // frame-ancestors for browsers that predate it.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** What a file linked from an article that a browser would render gets besides SECURITY_HEADERS (which has nosniff). */
export const DOWNLOAD_HEADERS = { 'Content-Disposition': 'attachment' };

export const CACHE = {
  /** Astro puts a content hash in every file name under /_astro/, so a URL never changes content. */
  hashedAsset: 'public, max-age=31536000, immutable',
  /** Pages must show corrections and expiries at once: revalidate on every visit (cheap with ETags). */
  html: 'public, max-age=0, must-revalidate',
  /** Feed readers and crawlers poll; five minutes keeps bursts off the origin. */
  feed: 'public, max-age=300',
  /** Un-hashed public files (logo, robots.txt, search script). */
  other: 'public, max-age=3600',
} as const;

export type Policy = Map<string, string[]>;

export function parsePolicy(policy: string): Policy {
  const parsed: Policy = new Map();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/).filter(Boolean);
    if (name && !parsed.has(name.toLowerCase())) parsed.set(name.toLowerCase(), sources);
  }
  return parsed;
}

/**
 * One policy allowing what any of the given policies allows, directive by directive ('none' joined with a
 * source is that source).
 */
export function unionOfPolicies(policies: string[]): Policy {
  const union: Policy = new Map();
  for (const policy of policies) {
    for (const [name, sources] of parsePolicy(policy))
      union.set(name, [...new Set([...(union.get(name) ?? []), ...sources])]);
  }
  for (const [name, sources] of union)
    if (sources.length > 1 && sources.includes("'none'"))
      union.set(
        name,
        sources.filter((source) => source !== "'none'"),
      );
  return union;
}

export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The header policy: the union of the pages' meta policies plus the header-only directives. */
export function headerPolicy(pagePolicies: string[]): string {
  if (pagePolicies.length === 0)
    throw new Error('no page carries a CSP <meta>: is security.csp still on in astro.config.ts?');
  const policy = unionOfPolicies([...pagePolicies, HEADER_ONLY_DIRECTIVES.join('; ')]);
  for (const [name, sources] of policy) {
    if (
      sources.some((source) => /^'unsafe-(inline|eval)'$/.test(source)) &&
      /^(script|default)-src/.test(name)
    ) {
      throw new Error(
        `the CSP allows ${sources.join(' ')} in ${name}; scripts must stay hash- or origin-bound`,
      );
    }
  }
  return serializePolicy(policy);
}

export interface SiteLayout {
  /** Top-level folders of dist/ (without slashes), e.g. articles, tags, _astro. */
  folders: string[];
  /** Top-level files of dist/, e.g. index.html, rss.xml, logo.png. */
  files: string[];
}

/** How long a top-level file may be cached, by what it is. */
function cacheForFile(name: string): string {
  if (name.endsWith('.html')) return CACHE.html;
  if (/\.(xml|json|rss|atom)$/.test(name)) return CACHE.feed;
  return CACHE.other;
}

const rule = (path: string, headers: Record<string, string>) =>
  [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');

/** A page whose CSP differs from the site-wide one (it frames a video player): its URL path and header policy. */
export interface PagePolicy {
  path: string;
  policy: string;
}

/**
 * Which host reads the _headers file: Netlify rejects Cloudflare's "! Name" lines (the build sees
 * NETLIFY=true there).
 */
export type Host = 'netlify' | 'any';

/** Whether a page's meta policy frames anything, so that it needs a header rule of its own. */
export function framesSomething(policy: string): boolean {
  const sources = parsePolicy(policy).get('frame-src');
  return sources !== undefined && !(sources.length === 1 && sources[0] === "'none'");
}

/**
 * The _headers file. Pages that frame a video get a rule of their own with their own CSP
 * (pagePolicies); every other page gets the site-wide one on /*. Pagination folders (/2/, /3/,
 * …) get no rule of their own: there can be hundreds (Cloudflare allows 100 rules) and both hosts already
 * send `max-age=0, must-revalidate` by default, which is what CACHE.html says. `downloads` are URL paths of
 * files served as attachments, one rule each.
 */
export function headersFile(
  policy: string,
  layout: SiteLayout,
  pagePolicies: PagePolicy[] = [],
  host: Host = 'any',
  downloads: readonly string[] = [],
): string {
  const rules = [rule('/*', { ...SECURITY_HEADERS, 'Content-Security-Policy': policy })];
  for (const page of [...pagePolicies].sort((a, b) => a.path.localeCompare(b.path))) {
    // Cloudflare joins a header two rules set (two CSPs: the stricter /* one would block the
    // player), so the page's rule first detaches the site-wide one ("! Name"). Netlify serves
    // the later rule's value and reports "!" lines as invalid, so they are left out there.
    const detach = host === 'netlify' ? [] : ['  ! Content-Security-Policy'];
    rules.push([page.path, ...detach, `  Content-Security-Policy: ${page.policy}`].join('\n'));
  }
  for (const folder of [...layout.folders].sort()) {
    if (folder === '_astro') rules.push(rule('/_astro/*', { 'Cache-Control': CACHE.hashedAsset }));
    else if (!/^\d+$/.test(folder) && !folder.startsWith('.'))
      rules.push(rule(`/${folder}/*`, { 'Cache-Control': CACHE.html }));
  }
  for (const file of [...layout.files].sort()) {
    if (file.startsWith('_') || file.startsWith('.')) continue;
    if (file === 'index.html') rules.push(rule('/', { 'Cache-Control': CACHE.html }));
    rules.push(rule(`/${file}`, { 'Cache-Control': cacheForFile(file) }));
  }
  // Files next to articles that a browser would render as a page of the site (HTML, SVG, text…) are
  // downloads (src/lib/article-files.ts); /* already sends nosniff, so the browser never guesses a type.
  for (const path of [...downloads].sort()) rules.push(rule(encodeURI(path), DOWNLOAD_HEADERS));
  return (
    `# Written by src/integrations/security-headers.ts after each ` +
    `build; edit src/lib/security-headers.ts.\n\n${rules.join('\n\n')}\n`
  );
}

/** A page's meta CSP, if it has one (the attribute value as written by Astro: no entities inside). */
export function metaPolicyOf(html: string): string | undefined {
  return /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html)?.[1];
}
