/**
 * What the post-build passes need from each built page, read once per build. The sitemap's filter
 * (unindexed-pages), the search shards (pagefind), _headers (security-headers) and the link check's
 * digest each read every page in dist/: four reads of 150,000 pages at N = 100,000, each decoding
 * the whole page, ~100 s of every rebuild. One read keeps the page's digest and what its <head>
 * says; only the head is decoded, the body is searched as bytes.
 *
 * A page is read again if its inode, size or modification time changed since it was read, so a pass
 * that runs after another integration rewrote a page never sees the old facts.
 *
 * Between builds (`keepPageFacts`), a page is not read at all when Astro's incremental build
 * copied it from its cache unchanged: Astro writes every page it renders both into the output and
 * into `<cacheDir>/dist/`, and copies that copy into the output when the page needs no render, so
 * a page's bytes are its cached copy's. The copy keeps its inode and times while the page does not
 * change, so facts kept under the copy's stamp are the page's. A copy Astro no longer keys is
 * pruned when Astro trusted its last manifest; when it did not (its config or lockfile changed:
 * the head of `incremental-build.json` differs from the one kept with the facts; or `astro build
 * --force`), a stale copy could survive, so the kept facts are dropped and every page read. At
 * N = 100,000 the one read of every page was ~47 s of a no-change rebuild (docs/performance.md,
 * eleventh round).
 */
import { closeSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

const stampOf = ({ ino, size, mtimeMs }: { ino: number; size: number; mtimeMs: number }) =>
  `${ino}:${size}:${mtimeMs}`;

/** The facts of the page at `file` (an absolute path), read once while the file is unchanged. */
export function pageFacts(file: string): PageFacts {
  const stats = statSync(file);
  const stamp = stampOf(stats);
  const known = read.get(file);
  if (known?.stamp === stamp) return known.facts;
  const facts = kept?.factsOf(file, stats.size) ?? factsOf(readFileSync(file));
  read.set(file, { stamp, facts });
  return facts;
}

/** Where kept facts live in the cache dir; a new version starts afresh. */
const STORE = 'page-facts.json';
const STORE_VERSION = 1;

/**
 * What Astro checks before it trusts its last manifest (core/build/incremental.js, readManifest),
 * as this build wrote it: the head of `<cacheDir>/incremental-build.json`; undefined without one.
 */
function astroManifestHead(cacheDir: string): string | undefined {
  let head: string;
  try {
    const descriptor = openSync(join(cacheDir, 'incremental-build.json'), 'r');
    const bytes = Buffer.alloc(1024);
    head = bytes.toString('utf8', 0, readSync(descriptor, bytes, 0, bytes.length, 0));
    closeSync(descriptor);
  } catch {
    return undefined;
  }
  const fields = ['version', 'configHash', 'lockfileHash'].map(
    (field) => new RegExp(`"${field}":\\s*("[^"]*"|\\d+)`).exec(head)?.[1],
  );
  return fields.includes(undefined) ? undefined : fields.join(' ');
}

type KeptEntry = [
  path: string,
  copyStamp: string,
  digest: string,
  robots: string | null,
  canonical: string | null,
  policy: number,
  redirect: boolean,
  searchable: boolean,
  datePublished: string | null,
];

let kept: { factsOf(file: string, size: number): PageFacts | undefined } | undefined;

/**
 * From now on, the facts of a page of `site` that Astro copied from its cache (`<cacheDir>/dist/`)
 * come from the last build's, kept under the copy's stamp; `save` keeps this build's for the next
 * (only the pages asked for since: a page taken down leaves the store). Returns how many pages
 * were answered from the store, for the build's log.
 */
export function keepPageFacts(site: string, cacheDir: string): { save(): void; keptCount(): number } {
  const storeFile = join(cacheDir, STORE);
  const copies = join(cacheDir, 'dist');
  // `--force` makes Astro ignore its last manifest (and so prune nothing) with the same head.
  const astro = process.argv.includes('--force') ? undefined : astroManifestHead(cacheDir);
  const previous = loadStore(storeFile, astro);
  const next = new Map<string, { copyStamp: string; facts: PageFacts }>();
  let answered = 0;
  kept = {
    factsOf(file, size) {
      const path = relative(site, file).split(sep).join('/');
      if (path.startsWith('..')) return undefined;
      const copy = statSync(join(copies, path), { throwIfNoEntry: false });
      // A page of another size is not the copy (and one Astro did not cache has none): read it.
      if (!copy?.isFile() || copy.size !== size) return undefined;
      const copyStamp = stampOf(copy);
      const before = previous.get(path);
      const facts = before?.copyStamp === copyStamp ? before.facts : factsOf(readFileSync(file));
      if (facts === before?.facts) answered++;
      next.set(path, { copyStamp, facts });
      return facts;
    },
  };
  return {
    keptCount: () => answered,
    save() {
      const policyIndex = new Map<string | undefined, number>();
      const entries: KeptEntry[] = [];
      for (const [path, { copyStamp, facts }] of next) {
        if (!policyIndex.has(facts.metaPolicy)) policyIndex.set(facts.metaPolicy, policyIndex.size);
        const { digest, signals, metaPolicy, redirect, searchable, datePublished } = facts;
        entries.push([
          path,
          copyStamp,
          digest,
          signals.robots ?? null,
          signals.canonical ?? null,
          policyIndex.get(metaPolicy)!,
          redirect,
          searchable,
          datePublished ?? null,
        ]);
      }
      const store = {
        version: STORE_VERSION,
        astro,
        policies: [...policyIndex.keys()].map((p) => p ?? null),
        entries,
      };
      // Written whole, then renamed: a build stopped half-way leaves the last complete store.
      writeFileSync(`${storeFile}.partial`, JSON.stringify(store));
      renameSync(`${storeFile}.partial`, storeFile);
    },
  };
}

function loadStore(
  storeFile: string,
  astro: string | undefined,
): Map<string, { copyStamp: string; facts: PageFacts }> {
  const found = new Map<string, { copyStamp: string; facts: PageFacts }>();
  let store: { version?: unknown; astro?: unknown; policies: (string | null)[]; entries: KeptEntry[] };
  try {
    store = JSON.parse(readFileSync(storeFile, 'utf8'));
  } catch {
    return found;
  }
  if (store.version !== STORE_VERSION || astro === undefined || store.astro !== astro) return found;
  const policies = store.policies.map((policy) => policyOnce(policy ?? undefined));
  for (const [
    path,
    copyStamp,
    digest,
    robots,
    canonical,
    policy,
    redirect,
    searchable,
    datePublished,
  ] of store.entries) {
    found.set(path, {
      copyStamp,
      facts: {
        digest,
        signals: { robots: robots ?? undefined, canonical: canonical ?? undefined },
        metaPolicy: policies[policy],
        redirect,
        searchable,
        datePublished: datePublished ?? undefined,
      },
    });
  }
  return found;
}
