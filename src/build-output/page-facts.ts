/**
 * What the post-build passes need from each built page, read once per build. The sitemap's filter
 * (unindexed-pages), the search shards (pagefind), _headers (security-headers) and the link check's
 * digest each read every page in dist/: four reads of 150,000 pages at N = 100,000, each decoding
 * the whole page, ~100 s of every rebuild. One read keeps the page's digest and what its <head>
 * says; only the head is decoded, the body is searched as bytes.
 *
 * A page is read again if its inode, size or modification time changed since it was read, so a pass
 * that runs after another integration rewrote a page never sees the old facts.
 */
import { readFileSync, statSync } from 'node:fs';
import { sha256Of } from '../lib/file-digest.ts';
import { headSignals, type HeadSignals } from '../lib/indexability.ts';
import { metaPolicyOf } from '../lib/security-headers.ts';

export interface PageFacts {
  /** sha256 of the page's bytes, hex: the search shards' and the link check's cache keys. */
  readonly digest: string;
  /** Its <head>'s robots and canonical (src/lib/indexability.ts), which the sitemap obeys. */
  readonly signals: HeadSignals;
  /** Its CSP <meta>, as Astro wrote it, which _headers repeats as a header. */
  readonly metaPolicy: string | undefined;
  /** A bare meta refresh (Astro's redirect pages for article aliases), which carries no CSP. */
  readonly redirect: boolean;
  /** Marked for the search index: an <article data-pagefind-body> as markup, not as text. */
  readonly searchable: boolean;
  /** The first JSON-LD datePublished in its <head>, as written: the search shards' order. */
  readonly datePublished: string | undefined;
}

const HEAD_END = /<\/head\s*>/i;
const SEARCH_MARK = '<article data-pagefind-body';
const REFRESH = /<meta\s+http-equiv="refresh"/i;
const DATE_PUBLISHED = /"datePublished":"([^"]+)"/;

/** The facts of one page's bytes. */
export function factsOf(bytes: Buffer): PageFacts {
  // The head ends early in every page the build writes (~4 kB of 14 kB for an article); decoding
  // up to the first "</" that could close it spares decoding the body.
  let headEnd = bytes.length;
  for (let at = bytes.indexOf('</'); at !== -1; at = bytes.indexOf('</', at + 2)) {
    if (HEAD_END.test(bytes.toString('latin1', at, at + 16))) {
      headEnd = at;
      break;
    }
  }
  const head = bytes.toString('utf8', 0, headEnd);
  const { robots, canonical } = headSignals(head);
  return {
    digest: sha256Of(bytes),
    signals: { robots: copyOf(robots), canonical: copyOf(canonical) },
    metaPolicy: policyOnce(metaPolicyOf(head)),
    redirect: REFRESH.test(head),
    searchable: bytes.includes(SEARCH_MARK, headEnd),
    datePublished: copyOf(DATE_PUBLISHED.exec(head)?.[1]),
  };
}

/**
 * Copies, not the matches: V8 keeps a substring's whole string alive, here the head of every page
 * (~4 kB each, 600 MB at 150,000 pages).
 */
const copyOf = (text: string | undefined) => (text === undefined ? undefined : Buffer.from(text).toString());

/** Nearly every page has one of a few policies (~1 kB each): one string for each, not one a page. */
const policies = new Map<string, string>();
function policyOnce(policy: string | undefined): string | undefined {
  if (policy === undefined) return undefined;
  let kept = policies.get(policy);
  if (kept === undefined) policies.set((kept = copyOf(policy)!), kept);
  return kept;
}

const read = new Map<string, { stamp: string; facts: PageFacts }>();

/** The facts of the page at `file` (an absolute path), read once while the file is unchanged. */
export function pageFacts(file: string): PageFacts {
  const { ino, size, mtimeMs } = statSync(file);
  const stamp = `${ino}:${size}:${mtimeMs}`;
  const known = read.get(file);
  if (known?.stamp === stamp) return known.facts;
  const facts = factsOf(readFileSync(file));
  read.set(file, { stamp, facts });
  return facts;
}
