/** The built-site link checker on hand-made pages: what resolves, what is broken and why. */
import { describe, expect, it } from 'vitest';
import { brokenReferences, downloadsIn, pageUrlPath, srcsetUrls } from '../../src/lib/link-check.ts';

function check(pages: Record<string, string>, basePath = '/', otherFiles: string[] = []) {
  return brokenReferences({
    files: new Set([...Object.keys(pages), ...otherFiles]),
    readHtml: (path) => pages[path]!,
    siteUrl: 'https://example.org',
    basePath,
  });
}

const targets = {
  'articles/harbour/index.html': '<h1 id="top-story">Harbour</h1><h2 id="what%20next">x</h2><a name="legacy"></a>',
  'index.html': '<p>home</p>',
};

describe('brokenReferences', () => {
  it('accepts relative, root-relative and same-origin absolute links, existing ids, and external URLs unfetched', () => {
    const page = `<a href="../harbour/">a</a><a href="/articles/harbour/#top-story">b</a>
      <a href="https://example.org/articles/harbour/#legacy">c</a><a href="#here">d</a><p id="here"></p>
      <a href="https://elsewhere.example/missing/">e</a><a href="mailto:desk@example.org">f</a><a href="#">g</a><a href="#top">h</a>
      <img src="/_astro/a.webp" srcset="/_astro/a.webp 400w, /_astro/b.webp 800w"><link rel="stylesheet" href="/_astro/site.css">`;
    expect(check({ ...targets, 'articles/lamp/index.html': page }, '/', ['_astro/a.webp', '_astro/b.webp', '_astro/site.css'])).toEqual([]);
  });

  it('reports a missing page, a missing fragment and a missing image (src and srcset) with page, attribute and reason', () => {
    const page = '<a href="/articles/gone/">a</a><a href="../harbour/#no-such-heading">b</a><img src="./photo.webp" srcset="/_astro/a.webp 1x, /_astro/big.webp 2x">';
    expect(check({ ...targets, 'articles/lamp/index.html': page }, '/', ['_astro/a.webp'])).toEqual([
      { page: 'articles/lamp/index.html', attribute: 'a[href]', target: '/articles/gone/', reason: 'no such page or file in the build' },
      { page: 'articles/lamp/index.html', attribute: 'a[href]', target: '../harbour/#no-such-heading', reason: 'articles/harbour/index.html has no element with id="no-such-heading"' },
      { page: 'articles/lamp/index.html', attribute: 'img[src]', target: './photo.webp', reason: 'no such page or file in the build' },
      { page: 'articles/lamp/index.html', attribute: 'img[srcset]', target: '/_astro/big.webp', reason: 'no such page or file in the build' },
    ]);
  });

  it("checks the site's own link-preview URLs (og:image, og:url, twitter:image), not other meta tags", () => {
    const head = `<meta property="og:url" content="https://example.org/articles/harbour/"><meta property="og:image" content="https://example.org/og/lamp.png">
      <meta name="twitter:image" content="https://example.org/og/gone.png"><meta property="og:image" content="https://cdn.example.net/x.png">
      <meta name="description" content="/not/a/link/">`;
    expect(check({ ...targets, 'articles/lamp/index.html': head }, '/', ['og/lamp.png'])).toEqual([
      { page: 'articles/lamp/index.html', attribute: 'meta[twitter:image]', target: 'https://example.org/og/gone.png', reason: 'no such page or file in the build' },
    ]);
  });

  it('reports a fragment missing on the same page', () => {
    expect(check({ 'a/index.html': '<a href="#nowhere">a</a><p id="here"></p>' })).toEqual([
      { page: 'a/index.html', attribute: 'a[href]', target: '#nowhere', reason: 'a/index.html has no element with id="nowhere"' },
    ]);
  });

  it('reads each page once, and again only when another page links to one of its fragments', () => {
    const pages: Record<string, string> = { ...targets, 'a/index.html': '<a href="/articles/harbour/#top-story">a</a><a href="/">home</a>', 'b/index.html': '<a href="/a/">a</a>' };
    const reads: string[] = [];
    brokenReferences({ files: new Set(Object.keys(pages)), readHtml: (path) => (reads.push(path), pages[path]!), siteUrl: 'https://example.org', basePath: '/' });
    expect(reads.sort()).toEqual(['a/index.html', 'articles/harbour/index.html', 'articles/harbour/index.html', 'b/index.html', 'index.html']);
  });

  it('decodes percent-encoded fragments before looking for the id', () => {
    expect(check({ ...targets, 'x/index.html': '<a href="/articles/harbour/#what%2520next">a</a>' })).toEqual([]);
  });

  it('accepts text fragments, alone or after an id that exists, on this page and others', () => {
    const page = `<a href="#:~:text=harbour">a</a><a href="#here:~:text=lamp">b</a><p id="here"></p>
      <a href="../harbour/#:~:text=the%20vote">c</a><a href="/articles/harbour/#top-story:~:text=Harbour&text=light">d</a>`;
    expect(check({ ...targets, 'articles/lamp/index.html': page })).toEqual([]);
  });

  it('reads the id before a text fragment as an id, and reports it when missing', () => {
    const page = '<a href="#gone:~:text=lamp">a</a><a href="../harbour/#no-such-heading:~:text=x">b</a>';
    expect(check({ ...targets, 'articles/lamp/index.html': page }).map((reference) => reference.reason)).toEqual([
      'articles/lamp/index.html has no element with id="gone"',
      'articles/harbour/index.html has no element with id="no-such-heading"',
    ]);
  });

  it('accepts <a name> targets, and names the prefixed id when a link misses an id written in another article\'s HTML', () => {
    const pages = {
      'articles/harbour/index.html': '<a name="user-content-legacy"></a><p id="user-content-method"></p><a href="#user-content-legacy">a</a>',
      'articles/lamp/index.html': '<a href="../harbour/#user-content-method">a</a><a href="../harbour/#method">b</a>',
    };
    expect(check(pages)).toEqual([
      {
        page: 'articles/lamp/index.html',
        attribute: 'a[href]',
        target: '../harbour/#method',
        reason: 'articles/harbour/index.html has no element with id="method": an id written in an article\'s HTML is published as "user-content-method", so link to #user-content-method',
      },
    ]);
  });

  it('says what is published when a link to a file in an article folder finds nothing', () => {
    expect(check({ ...targets, 'articles/lamp/index.html': '<a href="./report.exe">a</a>' })[0]!.reason).toBe(
      'no such page or file in the build: a file next to an article is published only when a markdown link in a body points to it and it is of a published type (the content check lists them)',
    );
  });

  it('does not read HTML files served as downloads as pages, but accepts links to them', () => {
    const pages = { ...targets, 'articles/harbour/old.html': '<a href="/gone/">a</a>', 'articles/lamp/index.html': '<a href="../harbour/old.html">a</a><a href="../harbour/old.html#x">b</a>' };
    const downloads = downloadsIn('/*\n  X-Content-Type-Options: nosniff\n\n/articles/harbour/old.html\n  Content-Disposition: attachment\n');
    expect(downloads).toEqual(new Set(['articles/harbour/old.html']));
    expect(brokenReferences({ files: new Set(Object.keys(pages)), readHtml: (path) => pages[path as keyof typeof pages], siteUrl: 'https://example.org', basePath: '/', downloads })).toEqual([]);
    expect(check(pages).map((reference) => reference.page)).toEqual(['articles/harbour/old.html', 'articles/lamp/index.html']);
  });

  it('respects the base path: links must stay under it', () => {
    const pages = { 'articles/harbour/index.html': '<a href="/articles/harbour/">outside</a><a href="/news/articles/harbour/">inside</a><a href="../../">home</a>', 'index.html': '' };
    expect(check(pages, '/news/')).toEqual([
      { page: 'articles/harbour/index.html', attribute: 'a[href]', target: '/articles/harbour/', reason: "points outside the site's base path /news/" },
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
