/** The built-site link checker on hand-made pages: what resolves, what is broken and why. */
import { describe, expect, it } from 'vitest';
import {
  brokenReferences,
  distFileCandidates,
  downloadsIn,
  filesRead,
  pageUrlPath,
  srcsetUrls,
  type ReferenceSources,
} from '../../src/lib/link-check.ts';

/** What the build checked before JSON-LD and text URLs joined it: links, fragments and link previews. */
const sources: ReferenceSources = { links: true, previews: true, jsonLd: false, textUrls: false };

function check(pages: Record<string, string>, basePath = '/', otherFiles: string[] = []) {
  return brokenReferences({
    files: new Set([...Object.keys(pages), ...otherFiles]),
    readText: (path) => pages[path]!,
    siteUrl: 'https://example.org',
    basePath,
    sources,
  });
}

const targets = {
  'articles/harbour/index.html':
    '<h1 id="top-story">Harbour</h1><h2 id="what%20next">x</h2><a name="legacy"></a>',
  'index.html': '<p>home</p>',
};

describe('brokenReferences', () => {
  it(
    'accepts relative, root-relative and same-origin absolute ' +
      'links, existing ids, and external URLs unfetched',
    () => {
      const page =
        `<a href="../harbour/">a</a><a href="/articles/harbour/#top-story">b</a>
      <a href="https://example.org/articles/harbour/#legacy">c</a><a href="#here">d</a><p id="here"></p>
      <a href="https://elsewhere.example/missing/">e</a>` +
        `<a href="mailto:desk@example.org">f</a><a href="#">g</a><a href="#top">h</a>
      <img src="/_astro/a.webp" srcset="/_astro/a.webp 400w, /_astro/b.webp 800w">` +
        `<link rel="stylesheet" href="/_astro/site.css">`;
      expect(
        check({ ...targets, 'articles/lamp/index.html': page }, '/', [
          '_astro/a.webp',
          '_astro/b.webp',
          '_astro/site.css',
        ]),
      ).toEqual([]);
    },
  );

  it(
    'reports a missing page, a missing fragment and a missing ' +
      'image (src and srcset) with page, attribute and reason',
    () => {
      const page =
        '<a href="/articles/gone/">a</a><a href="../harbour/#no-such-heading">b</a>' +
        '<img src="./photo.webp" srcset="/_astro/a.webp 1x, /_astro/big.webp 2x">';
      expect(check({ ...targets, 'articles/lamp/index.html': page }, '/', ['_astro/a.webp'])).toEqual([
        {
          page: 'articles/lamp/index.html',
          attribute: 'a[href]',
          target: '/articles/gone/',
          reason: 'no such page or file in the build',
        },
        {
          page: 'articles/lamp/index.html',
          attribute: 'a[href]',
          target: '../harbour/#no-such-heading',
          reason: 'articles/harbour/index.html has no element with id="no-such-heading"',
        },
        {
          page: 'articles/lamp/index.html',
          attribute: 'img[src]',
          target: './photo.webp',
          reason: 'no such page or file in the build',
        },
        {
          page: 'articles/lamp/index.html',
          attribute: 'img[srcset]',
          target: '/_astro/big.webp',
          reason: 'no such page or file in the build',
        },
      ]);
    },
  );

  it("checks the site's own link-preview URLs (og:image, og:url, twitter:image), not other meta tags", () => {
    const head =
      `<meta property="og:url" content="https://example.org/articles/harbour/">` +
      `<meta property="og:image" content="https://example.org/og/lamp.png">
      <meta name="twitter:image" content="https://example.org/og/gone.png">` +
      `<meta property="og:image" content="https://cdn.example.net/x.png">
      <meta name="description" content="/not/a/link/">`;
    expect(check({ ...targets, 'articles/lamp/index.html': head }, '/', ['og/lamp.png'])).toEqual([
      {
        page: 'articles/lamp/index.html',
        attribute: 'meta[twitter:image]',
        target: 'https://example.org/og/gone.png',
        reason: 'no such page or file in the build',
      },
    ]);
  });

  it('reports a fragment missing on the same page', () => {
    expect(check({ 'a/index.html': '<a href="#nowhere">a</a><p id="here"></p>' })).toEqual([
      {
        page: 'a/index.html',
        attribute: 'a[href]',
        target: '#nowhere',
        reason: 'a/index.html has no element with id="nowhere"',
      },
    ]);
  });

  it('reads each page once, and again only when another page links to one of its fragments', () => {
    const pages: Record<string, string> = {
      ...targets,
      'a/index.html': '<a href="/articles/harbour/#top-story">a</a><a href="/">home</a>',
      'b/index.html': '<a href="/a/">a</a>',
    };
    const reads: string[] = [];
    brokenReferences({
      files: new Set(Object.keys(pages)),
      readText: (path) => (reads.push(path), pages[path]!),
      siteUrl: 'https://example.org',
      basePath: '/',
      sources,
    });
    expect(reads.sort()).toEqual([
      'a/index.html',
      'articles/harbour/index.html',
      'articles/harbour/index.html',
      'b/index.html',
      'index.html',
    ]);
  });

  it('decodes percent-encoded fragments before looking for the id', () => {
    expect(check({ ...targets, 'x/index.html': '<a href="/articles/harbour/#what%2520next">a</a>' })).toEqual(
      [],
    );
  });

  it('accepts text fragments, alone or after an id that exists, on this page and others', () => {
    const page =
      `<a href="#:~:text=harbour">a</a><a href="#here:~:text=lamp">b</a><p id="here"></p>
      <a href="../harbour/#:~:text=the%20vote">c</a>` +
      `<a href="/articles/harbour/#top-story:~:text=Harbour&text=light">d</a>`;
    expect(check({ ...targets, 'articles/lamp/index.html': page })).toEqual([]);
  });

  it('reads the id before a text fragment as an id, and reports it when missing', () => {
    const page = '<a href="#gone:~:text=lamp">a</a><a href="../harbour/#no-such-heading:~:text=x">b</a>';
    expect(
      check({ ...targets, 'articles/lamp/index.html': page }).map((reference) => reference.reason),
    ).toEqual([
      'articles/lamp/index.html has no element with id="gone"',
      'articles/harbour/index.html has no element with id="no-such-heading"',
    ]);
  });

  it(
    'accepts <a name> targets, and names the prefixed id when a ' +
      "link misses an id written in another article's HTML",
    () => {
      const pages = {
        'articles/harbour/index.html':
          '<a name="user-content-legacy"></a><p id="user-content-method"></p><a href="#user-content-legacy">a</a>',
        'articles/lamp/index.html':
          '<a href="../harbour/#user-content-method">a</a><a href="../harbour/#method">b</a>',
      };
      expect(check(pages)).toEqual([
        {
          page: 'articles/lamp/index.html',
          attribute: 'a[href]',
          target: '../harbour/#method',
          reason:
            'articles/harbour/index.html has no element with id="method": an id written in an ' +
            'article\'s HTML is published as "user-content-method", so link to #user-content-method',
        },
      ]);
    },
  );

  it('says what is published when a link to a file in an article folder finds nothing', () => {
    expect(check({ ...targets, 'articles/lamp/index.html': '<a href="./report.exe">a</a>' })[0]!.reason).toBe(
      'no such page or file in the build: a file next to an article is published only when a markdown ' +
        'link in a body points to it and it is of a published type (the content check lists them)',
    );
  });

  it('does not read HTML files served as downloads as pages, but accepts links to them', () => {
    const pages = {
      ...targets,
      'articles/harbour/old.html': '<a href="/gone/">a</a>',
      'articles/lamp/index.html': '<a href="../harbour/old.html">a</a><a href="../harbour/old.html#x">b</a>',
    };
    const downloads = downloadsIn(
      '/*\n  X-Content-Type-Options: nosniff\n\n/articles/harbour/old.html\n  Content-Disposition: attachment\n',
    );
    expect(downloads).toEqual(new Set(['articles/harbour/old.html']));
    expect(
      brokenReferences({
        files: new Set(Object.keys(pages)),
        readText: (path) => pages[path as keyof typeof pages],
        siteUrl: 'https://example.org',
        basePath: '/',
        sources,
        downloads,
      }),
    ).toEqual([]);
    expect(check(pages).map((reference) => reference.page)).toEqual([
      'articles/harbour/old.html',
      'articles/lamp/index.html',
    ]);
  });

  it('respects the base path: links must stay under it', () => {
    const pages = {
      'articles/harbour/index.html':
        '<a href="/articles/harbour/">outside</a><a href="/news/articles/harbour/">inside</a><a href="../../">home</a>',
      'index.html': '',
    };
    expect(check(pages, '/news/')).toEqual([
      {
        page: 'articles/harbour/index.html',
        attribute: 'a[href]',
        target: '/articles/harbour/',
        reason: "points outside the site's base path /news/",
      },
    ]);
  });
});

describe('helpers', () => {
  it('maps pages to the URL they are served at, under the base path', () => {
    expect(pageUrlPath('articles/x/index.html', '/news/')).toBe('/news/articles/x/');
    expect(pageUrlPath('index.html', '/')).toBe('/');
    expect(pageUrlPath('404.html', '/')).toBe('/404.html');
  });

  it('reads the URLs of a srcset, including ones with commas inside', () => {
    expect(srcsetUrls('/a.webp 400w, /b,c.webp 800w')).toEqual(['/a.webp', '/b,c.webp']);
  });
});

describe('which sources are read', () => {
  const none: ReferenceSources = { links: false, previews: false, jsonLd: false, textUrls: false };
  /** One broken reference of each source, and a sound page for the sound ones. */
  const site: Record<string, string> = {
    'index.html':
      `<head><meta property="og:image" content="/og/gone.png">
      <script type="application/ld+json">{"@id":"https://example.org/#no-node",` +
      `"image":"https://example.org/img/gone.png",
        "sameAs":["https://elsewhere.example/x"],"url":"https://example.org/"}</script>
      <meta http-equiv="refresh" content="5; url=/moved/"></head><a href="/missing/">a</a>`,
    'rss.xml':
      '<rss><channel><link>https://example.org/</link><item>' +
      '<link>https://example.org/articles/gone/</link></item></channel></rss>',
    '_astro/site.css':
      '.x { background: url(./paper.png) } .y { background: url(data:image/png;base64,AAAA) }',
    _redirects: '# moved\n/old/ /articles/gone/ 301\n',
    'feed.bin': 'https://example.org/not-text-so-not-read/',
  };
  const run = (sources: ReferenceSources) =>
    brokenReferences({
      files: new Set(Object.keys(site)),
      readText: (path) => site[path]!,
      siteUrl: 'https://example.org',
      basePath: '/',
      sources,
    }).map(({ page, attribute, target, reason }) => `${page} ${attribute} ${target}: ${reason}`);
  const missing = 'no such page or file in the build';

  it('links: href, src and srcset, and nothing else', () => {
    expect(run({ ...none, links: true })).toEqual([`index.html a[href] /missing/: ${missing}`]);
  });

  it('previews: where a link-preview URL leads, and that it is absolute as Open Graph requires', () => {
    expect(run({ ...none, previews: true })).toEqual([
      `index.html meta[og:image] /og/gone.png: ${missing}`,
      'index.html meta[property="og:image"] /og/gone.png: is not an absolute URL',
    ]);
  });

  it("jsonLd: the site's own URLs among JSON-LD values, not @id and not other hosts", () => {
    expect(run({ ...none, jsonLd: true })).toEqual([
      `index.html JSON-LD https://example.org/img/gone.png: ${missing}`,
    ]);
  });

  it("textUrls: the site's absolute URLs in any text file, CSS url()s, meta refreshes and _redirects targets", () => {
    expect(run({ ...none, textUrls: true })).toEqual([
      `index.html meta refresh /moved/: ${missing}`,
      `index.html absolute https://example.org/img/gone.png: ${missing}`,
      `_astro/site.css css url() ./paper.png: ${missing}`,
      `_redirects _redirects target /articles/gone/: ${missing}`,
      `rss.xml absolute https://example.org/articles/gone/: ${missing}`,
    ]);
  });

  it("reports a page's broken link once, not again in each feed that carries the page's body", () => {
    const pages: Record<string, string> = {
      'articles/a/index.html': '<a href="../gone/#part">gone</a><a href="/elsewhere/">elsewhere</a>',
      'feed.json': JSON.stringify({
        items: [{ content_html: '<a href="https://example.org/articles/gone/">gone</a>' }],
      }),
      'rss.xml':
        '<item><link>https://example.org/articles/gone/</link><link>https://example.org/feed-only/</link></item>',
    };
    const broken = brokenReferences({
      files: new Set(Object.keys(pages)),
      readText: (path) => pages[path]!,
      siteUrl: 'https://example.org',
      basePath: '/',
      sources: { ...none, links: true, textUrls: true },
    });
    expect(broken.map(({ page, target }) => `${page} ${target}`)).toEqual([
      'articles/a/index.html ../gone/#part',
      'articles/a/index.html /elsewhere/',
      'rss.xml https://example.org/feed-only/',
    ]);
  });

  it('reports a URL found in text once, under the link, preview or JSON-LD that named it first', () => {
    const all = run({ links: true, previews: true, jsonLd: true, textUrls: true });
    expect(all.filter((problem) => problem.includes('img/gone.png'))).toEqual([
      `index.html JSON-LD https://example.org/img/gone.png: ${missing}`,
    ]);
    expect(all).toHaveLength(8);
  });

  it('tells onChecked of every reference checked, sound or broken', () => {
    const checked: string[] = [];
    brokenReferences({
      files: new Set(['index.html', 'a/index.html']),
      readText: (path) =>
        path === 'index.html'
          ? '<a href="/a/">a</a><a href="/b/">b</a><a href="/a/#x">x</a>'
          : '<p id="x"></p>',
      siteUrl: 'https://example.org',
      basePath: '/',
      sources: { ...none, links: true },
      onChecked: ({ target, reason }) => checked.push(`${target} ${reason ?? 'ok'}`),
    });
    expect(checked).toEqual(['/a/ ok', `/b/ ${missing}`, '/a/#x ok']);
  });

  it('reads pages always, other text files only for textUrls, and never a download or a binary', () => {
    const files = new Set(['index.html', 'a/old.html', 'rss.xml', '_redirects', 'x.css', 'photo.webp']);
    const downloads = new Set(['a/old.html']);
    expect(filesRead({ files, downloads, sources: { ...none, links: true } })).toEqual(['index.html']);
    expect(filesRead({ files, downloads, sources: { ...none, textUrls: true } })).toEqual([
      '_redirects',
      'a/old.html',
      'index.html',
      'rss.xml',
      'x.css',
    ]);
  });
});

describe('distFileCandidates: which file in dist/ answers a URL path', () => {
  it('answers a directory with its index.html, and a path without a slash with the file, then the directory', () => {
    expect(distFileCandidates('/news/', '/news/')).toEqual({ candidates: ['index.html'] });
    expect(distFileCandidates('/news/articles/x/', '/news/')).toEqual({
      candidates: ['articles/x/index.html'],
    });
    expect(distFileCandidates('/news/articles/x', '/news/')).toEqual({
      candidates: ['articles/x', 'articles/x/index.html'],
    });
  });

  it('decodes the path, keeping a stray % as written', () => {
    expect(distFileCandidates('/caf%C3%A9/%25.txt', '/')).toEqual({
      candidates: ['café/%.txt', 'café/%.txt/index.html'],
    });
    expect(distFileCandidates('/100%/', '/')).toEqual({ candidates: ['100%/index.html'] });
  });

  it('refuses a path outside the base path, one that climbs out of dist/ once decoded, and a NUL byte', () => {
    expect(distFileCandidates('/articles/x/', '/news/')).toEqual({
      refused: "points outside the site's base path /news/",
    });
    for (const path of ['/%2e%2e/secret.txt', '/a/..%2f..%2fsecret.txt', '/%2E%2E']) {
      expect(distFileCandidates(path, '/'), path).toEqual({ refused: 'climbs out of dist/' });
    }
    expect(distFileCandidates('/%00', '/')).toEqual({ refused: 'holds a NUL byte' });
  });

  it('keeps a decoded path inside dist/ when it stays there: dots and doubled slashes resolve', () => {
    expect(distFileCandidates('/a/%2e%2e/b/', '/')).toEqual({ candidates: ['b/index.html'] });
    expect(distFileCandidates('/%2fetc/passwd', '/')).toEqual({
      candidates: ['etc/passwd', 'etc/passwd/index.html'],
    });
    expect(distFileCandidates('/a/%2e%2e', '/')).toEqual({ candidates: ['index.html'] });
  });

  it('is the inverse of pageUrlPath for every page', () => {
    for (const page of ['index.html', 'articles/x/index.html', '404.html', 'tags/a b/index.html']) {
      const { candidates } = distFileCandidates(encodeURI(pageUrlPath(page, '/news/')), '/news/') as {
        candidates: string[];
      };
      expect(candidates[0], page).toBe(page);
    }
  });
});
