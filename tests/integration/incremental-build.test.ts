/**
 * experimental.incrementalBuild keeps an article page's last HTML when its cacheKey
 * (src/data/page-keys.ts) is unchanged. A stale page would be a silent wrong publication, so this
 * builds a small site, changes one headline, rebuilds the same copy, and checks every page that
 * shows that headline was rendered again, and that untouched pages really were kept. Then it adds
 * an article and checks that the listings' archive pages, numbered from the oldest, were kept
 * but the newest one.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/build-site.ts';
import { searchBuiltSite } from '../helpers/pagefind-search.ts';

/** Every file under `dir`, by relative path, with its bytes as base64. */
const filesUnder = (dir: string) =>
  new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false })
      .filter((path) => statSync(join(dir, path)).isFile())
      .map((path) => [path, readFileSync(join(dir, path)).toString('base64')]),
  );

const article = (title: string, section: string, tag: string, day: number, month = 11) => `---
title: ${title}
description: A short dek for ${title}.
pubDate: 2026-${month}-${String(day).padStart(2, '0')}T09:00:00+00:00
authors: [amara-okafor]
section: ${section}
tags: [${tag}]
source:
  relationship: original
---

The first paragraph of ${title}.
`;

let contentDir: string;
let build: BuildResult;
let rebuildOutput: string;
let kept: string;
let keptListing: string;
let unchangedOutput: string;
let searchAfterEdit: string[];
let searchIndexAfterEdit: Map<string, string>;
let newArticleOutput: string;
/** What the edit's rebuild and the unchanged rebuild left, read before the new article changes them. */
let afterEdit: { choirConcert: string; musicTag: string; searchIndexUnchanged: Map<string, string> };
let archiveBeforeNewArticle: string;
/** The previous outputs staged-dist moved aside, each with whether it holds the stale file. */
const setAside = () => {
  const aside = join(build.root, '.cache/dist-being-removed');
  return readdirSync(aside).map((folder) => ({
    folder,
    stale: existsSync(join(aside, folder, 'left-by-an-older-build.html')),
  }));
};
let asideAfterUnchanged: ReturnType<typeof setAside>;
/** What the built pages' facts feed (src/build-output/page-facts.ts): _headers and the sitemap. */
const factsFed = () =>
  ['_headers', 'sitemap-0.xml'].map((file) => readFileSync(join(build.dist, file), 'utf8'));
let factsFedUnchanged: [string[], string[]];
/** Every story card's thumbnail file in dist/ after the no-change rebuild, by page. */
let thumbnailsAfterUnchanged: { page: string; file: string }[];
/** The related lists kept in the cache dir (src/build-caches/related-lists.ts) after each build. */
const relatedListsFile = () => {
  const file = join(build.root, '.cache/related-lists.json');
  return { digest: JSON.parse(readFileSync(file, 'utf8')).digest as string, written: statSync(file).mtimeMs };
};
let relatedLists: Record<'first' | 'edit' | 'newArticle', ReturnType<typeof relatedListsFile>>;
/** Astro's incremental-build manifest after the no-change rebuild. */
let recordedTransforms: { routes: Record<string, { paths: Record<string, { staticImages?: unknown[] }> }> };

/** Older culture stories (October), so that the home page and the culture section have archive pages. */
const ARCHIVED = 21;

const page = (slug: string) => readFileSync(join(build.dist, 'articles', slug, 'index.html'), 'utf8');
const listing = (path: string) => readFileSync(join(build.dist, path, 'index.html'), 'utf8');
const listedTitles = (path: string) =>
  [...parseHTML(listing(path)).document.querySelectorAll('main .card-headline a')].map(
    (link) => link.textContent,
  );
/** The files every story card's thumbnail names (src and srcset), on every page of the build. */
const cardThumbnails = () =>
  readdirSync(build.dist, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('index.html'))
    .flatMap((path) =>
      [
        ...parseHTML(readFileSync(join(build.dist, path), 'utf8')).document.querySelectorAll(
          'img.card-image',
        ),
      ].flatMap((image) =>
        [
          image.getAttribute('src')!,
          ...image
            .getAttribute('srcset')!
            .split(', ')
            .map((c) => c.split(' ')[0]!),
        ].map((file) => ({ page: path, file })),
      ),
    );
const relatedTitles = (slug: string) =>
  [...parseHTML(page(slug)).document.querySelectorAll('.related a')].map((link) => link.textContent);

beforeAll(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'incremental-content-'));
  mkdirSync(join(contentDir, 'articles'));
  cpSync(join(projectRoot, 'content/authors'), join(contentDir, 'authors'), { recursive: true });
  writeFileSync(
    join(contentDir, 'articles/harbour-wall.md'),
    article('Harbour wall repaired', 'news', 'Coast', 10),
  );
  writeFileSync(
    join(contentDir, 'articles/pier-lights.md'),
    article('Pier lights return', 'news', 'Coast', 11),
  );
  writeFileSync(
    join(contentDir, 'articles/choir-concert.md'),
    article('Choir sings at the mill', 'culture', 'Music', 12),
  );
  // With a hero from the start: its thumbnail is on the Music and culture listings and in the choir
  // concert's related stories, all of which a no-change rebuild keeps.
  mkdirSync(join(contentDir, 'articles/brass-band'));
  cpSync(
    join(projectRoot, 'content/articles/kestrel-bay-fc-cup-run/pitch.jpg'),
    join(contentDir, 'articles/brass-band/band.jpg'),
  );
  writeFileSync(
    join(contentDir, 'articles/brass-band/index.md'),
    article('Brass band tours the valley', 'culture', 'Music', 13).replace(
      '---\n',
      '---\nheroImage:\n  src: ./band.jpg\n  alt: The band on the valley road.\n',
    ),
  );
  for (let day = 1; day <= ARCHIVED; day++)
    writeFileSync(
      join(contentDir, `articles/record-fair-${day}.md`),
      article(`Record fair day ${day}`, 'culture', 'Records', day, 10),
    );
  build = await buildSite({ contentDir });
  expect(build.exitCode, build.output).toBe(0);
  kept = page('choir-concert');
  keptListing = listing('tags/music');
  const firstLists = relatedListsFile();
  expect(relatedTitles('pier-lights')).toEqual(['Harbour wall repaired']);

  const edited = join(build.root, 'content/articles/harbour-wall.md');
  writeFileSync(
    edited,
    readFileSync(edited, 'utf8').replace(
      'title: Harbour wall repaired',
      'title: Harbour wall rebuilt in stone',
    ),
  );
  const rebuilt = await build.rebuild();
  expect(rebuilt.exitCode, rebuilt.output).toBe(0);
  rebuildOutput = rebuilt.output;
  const editLists = relatedListsFile();
  searchAfterEdit = (await searchBuiltSite(build.dist, 'stone')).map((hit) => hit.url);
  searchIndexAfterEdit = filesUnder(join(build.dist, 'pagefind'));
  const factsFedAfterEdit = factsFed();

  writeFileSync(join(build.dist, 'left-by-an-older-build.html'), '<p>stale</p>');
  const unchanged = await build.rebuild();
  expect(unchanged.exitCode, unchanged.output).toBe(0);
  unchangedOutput = unchanged.output;
  asideAfterUnchanged = setAside();
  factsFedUnchanged = [factsFedAfterEdit, factsFed()];

  afterEdit = {
    choirConcert: page('choir-concert'),
    musicTag: listing('tags/music'),
    searchIndexUnchanged: filesUnder(join(build.dist, 'pagefind')),
  };
  thumbnailsAfterUnchanged = cardThumbnails();
  recordedTransforms = JSON.parse(readFileSync(join(build.root, '.cache/incremental-build.json'), 'utf8'));

  // 25 articles: the home page's newest 10, archive page 2 (5) and 1 (10); after this, 26.
  archiveBeforeNewArticle = listing('page/1');
  // With a hero image: a new image in content/ must not make every article page render again.
  mkdirSync(join(build.root, 'content/articles/new-organ'));
  cpSync(
    join(projectRoot, 'content/articles/harbour-swim-record/swim.jpg'),
    join(build.root, 'content/articles/new-organ/organ.jpg'),
  );
  writeFileSync(
    join(build.root, 'content/articles/new-organ/index.md'),
    article('Organ restored at the mill', 'culture', 'Music', 14).replace(
      '---\n',
      '---\nheroImage:\n  src: ./organ.jpg\n  alt: The organ pipes in the mill.\n',
    ),
  );
  const withNewArticle = await build.rebuild();
  expect(withNewArticle.exitCode, withNewArticle.output).toBe(0);
  newArticleOutput = withNewArticle.output;
  relatedLists = { first: firstLists, edit: editLists, newArticle: relatedListsFile() };
});

afterAll(() => {
  build?.cleanup();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

describe('an incremental rebuild after one headline changes', () => {
  it('renders the edited article again', () => {
    expect(parseHTML(page('harbour-wall')).document.querySelector('h1')?.textContent).toBe(
      'Harbour wall rebuilt in stone',
    );
  });

  it('renders again the pages that list it as related', () => {
    expect(relatedTitles('pier-lights')).toEqual(['Harbour wall rebuilt in stone']);
  });

  it('keeps the pages it does not touch, byte for byte, without rendering them', () => {
    expect(afterEdit.choirConcert).toBe(kept);
    expect(rebuildOutput).toMatch(/\/articles\/choir-concert\/index\.html \(restored\)/);
    expect(rebuildOutput).not.toMatch(/\/articles\/harbour-wall\/index\.html \(restored\)/);
    expect(rebuildOutput).not.toMatch(/\/articles\/pier-lights\/index\.html \(restored\)/);
  });

  it('renders ahead, on the second thread, only the body of the edited article', () => {
    expect(rebuildOutput).toContain(
      'Rendered 1 of 1 article bodies on a second thread; the pages took 1 of them.',
    );
    expect(unchangedOutput).toContain('No article changed since the last build: no body rendered ahead.');
  });

  it('renders again every listing that shows it: home, its section, its tag, its author', () => {
    for (const path of ['', 'sections/news', 'tags/coast', 'authors/amara-okafor']) {
      expect(listedTitles(path), path || 'home').toContain('Harbour wall rebuilt in stone');
      expect(rebuildOutput).not.toMatch(
        new RegExp(`─ /${path ? `${path}/` : ''}index\\.html \\((restored|cached)\\)`),
      );
    }
  });

  it('keeps the listings that do not show it', () => {
    expect(afterEdit.musicTag).toBe(keptListing);
    expect(rebuildOutput).toMatch(/\/tags\/music\/index\.html \((restored|cached)\)/);
    expect(rebuildOutput).toMatch(/\/sections\/culture\/index\.html \((restored|cached)\)/);
  });
});

describe('a site without standing pages (no content/pages/)', () => {
  it('is warned about once a build, not once a page (src/data/standing-pages.ts)', () => {
    for (const output of [rebuildOutput, unchangedOutput, newArticleOutput])
      expect(
        output.match(/The collection "pages" does not exist or is empty/g)?.length ?? 0,
      ).toBeLessThanOrEqual(1);
  });
});

describe('the related lists kept between builds', () => {
  it('are read back, not found again, when no id, section, tag or date changed (a headline did)', () => {
    expect(relatedLists.edit).toEqual(relatedLists.first);
    // What the pages show comes from this build's articles: the new headline, at the kept position.
    expect(relatedTitles('pier-lights')).toEqual(['Harbour wall rebuilt in stone']);
  });

  it('are found again when an article is added', () => {
    expect(relatedLists.newArticle.digest).not.toBe(relatedLists.edit.digest);
    expect(relatedTitles('brass-band')).toContain('Organ restored at the mill');
  });
});

describe('an incremental rebuild after a new article', () => {
  const rendered = (output: string, path: string) =>
    !new RegExp(`─ /${path}index\\.html \\((restored|cached)\\)`).test(output);

  it('renders the first page and the newest archive page of each listing that shows it', () => {
    expect(listedTitles('')[0]).toBe('Organ restored at the mill');
    expect(listedTitles('page/2')).toHaveLength(6);
    for (const path of ['', 'page/2/', 'sections/culture/', 'sections/culture/2/'])
      expect(rendered(newArticleOutput, path), path || 'home').toBe(true);
  });

  it('renders its own page with its hero, and keeps the article pages it is not related to', () => {
    expect(readFileSync(join(build.dist, 'articles/new-organ/index.html'), 'utf8')).toMatch(/<picture>/);
    expect(newArticleOutput).toMatch(/\/articles\/harbour-wall\/index\.html \(restored\)/);
    expect(newArticleOutput).toMatch(/\/articles\/record-fair-1\/index\.html \(restored\)/);
  });

  it('keeps every older archive page, byte for byte, without rendering it', () => {
    expect(listing('page/1')).toBe(archiveBeforeNewArticle);
    for (const path of ['page/1/', 'sections/culture/1/'])
      expect(rendered(newArticleOutput, path), path).toBe(false);
  });
});

describe('the previous dist/', () => {
  it('is replaced by a rebuild, with whatever an older build left in it', () => {
    expect(existsSync(join(build.dist, 'left-by-an-older-build.html'))).toBe(false);
    expect(existsSync(join(build.dist, 'articles/harbour-wall/index.html'))).toBe(true);
  });

  it('is kept aside by the rebuild that replaced it, and deleted by the next one', () => {
    // The rebuild does not wait for 150,000 pages to be deleted (src/build-output/README.md).
    expect(asideAfterUnchanged).toEqual([{ folder: expect.stringMatching(/-previous$/), stale: true }]);
    const afterNewArticle = setAside();
    expect(afterNewArticle).toEqual([{ folder: expect.stringMatching(/-previous$/), stale: false }]);
    expect(afterNewArticle[0]!.folder).not.toBe(asideAfterUnchanged[0]!.folder);
  });
});

describe('the search index across rebuilds', () => {
  it('is built again when an article page changed, and finds the new headline', () => {
    expect(rebuildOutput).toMatch(/Indexed 25 article page\(s\) for search/);
    expect(searchAfterEdit).toEqual(['/articles/harbour-wall/']);
  });

  it('is reused, file for file, when no article page changed', () => {
    expect(unchangedOutput).toMatch(/Search index reused: the 25 article page\(s\) are unchanged/);
    expect(unchangedOutput).not.toMatch(/Indexed \d+ article page/);
    expect(afterEdit.searchIndexUnchanged).toEqual(searchIndexAfterEdit);
  });
});

describe("the built pages' facts across rebuilds", () => {
  it('are not read again for the pages Astro copied from its cache, and say the same', () => {
    const [, notRead] =
      /(\d+) built page\(s\) unchanged in Astro's cache: not read again/.exec(unchangedOutput) ?? [];
    expect(Number(notRead)).toBeGreaterThan(0);
    // What the facts feed comes out as the build that read every page wrote it (the search index above).
    const [afterReading, afterKeeping] = factsFedUnchanged;
    expect(afterKeeping).toEqual(afterReading);
  });
});

describe('the link check across rebuilds', () => {
  it('checks again when a page changed, every file on the two threads', () => {
    expect(rebuildOutput).not.toMatch(/Links unchanged since the last passing check/);
    const [, files, onThreads] =
      /Every internal reference in the (\d+) files resolves \((\d+) of them read on two threads\)/.exec(
        rebuildOutput,
      ) ?? [];
    expect(Number(onThreads)).toBeGreaterThan(50);
    expect(onThreads).toBe(files);
  });

  it('is skipped when every file it reads is byte for byte what the last passing check saw', () => {
    expect(unchangedOutput).toMatch(
      /Links unchanged since the last passing check \(\d+ files read\): not checked again/,
    );
  });
});

describe('story-card thumbnails across rebuilds', () => {
  it('are written on a rebuild that keeps every page showing them', () => {
    const pages = new Set(thumbnailsAfterUnchanged.map(({ page }) => page));
    for (const path of [
      'tags/music/index.html',
      'sections/culture/index.html',
      'articles/choir-concert/index.html',
    ])
      expect(pages, path).toContain(path);
    expect(unchangedOutput).toMatch(/\/tags\/music\/index\.html \((restored|cached)\)/);
    for (const { page, file } of thumbnailsAfterUnchanged)
      expect(existsSync(join(build.dist, file)), `${file} on ${page}`).toBe(true);
  });

  it('are not recorded on the pages that show them (src/data/card-thumbnails.ts)', () => {
    // Pages whose only images are river thumbnails: a tag listing, an article without a hero whose
    // related stories have one. (The same files may be recorded where another card size shares them.)
    const recorded = (route: string, path: string) =>
      recordedTransforms.routes[route]!.paths[path]!.staticImages ?? [];
    expect(recorded('src/pages/tags/[tag]/[...page].astro', '/tags/music/')).toEqual([]);
    expect(recorded('src/pages/articles/[slug].astro', '/articles/choir-concert/')).toEqual([]);
  });
});
