/**
 * Article features that need content of their own, built twice with the real `astro build`
 * sharing one Open Graph cache: table of contents, corrections and dateModified, related-article
 * order, and cards re-rendered only when their inputs change.
 */
import {
  cpSync,
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
import { parseHeadersFile, ruleMatches } from '../helpers/headers-file.ts';
import { ARTICLE_WITH_IMAGES, SEED_ARTICLE } from '../helpers/page-templates.ts';

const article = (front: string, body = 'A paragraph of text.') =>
  `---\n${front.trim()}\nsource:\n  relationship: original\n---\n\n${body}\n`;

const TOC_BODY = [
  'Opening paragraph.',
  '## The first part',
  'Text.',
  '### A detail of the first part',
  'Text.',
  '## The second part',
  'Text.',
  '## The third part',
  'Text.',
].join('\n\n');

/** A post moved in from an old site: its body repeats the headline as an h1, its headings keep their old ids. */
const MIGRATED_BODY = [
  '# A post moved in from an old site',
  'Opening paragraph.',
  '## The vote {#old-vote}',
  'Text. [Back to the vote](#old-vote).',
  '<a name="legacy"></a>An anchor written in HTML by the old site.',
  '```python\ndef lamps(year):\n    return "lit"  # since 1986\n```',
  'Documents: [the report](./report.pdf), [the data](./data.csv), [the old page](./old-page.html).',
  '<p>In HTML by the old site: <a href="./chart.svg">the chart</a>, <a href="notes.txt">the notes</a>.</p>',
  'Links: [the anchor](#legacy), [a quote](#old-vote:~:text=Text), [a ' +
    'phrase](#:~:text=Opening%20paragraph), [elsewhere](../long-read/#the-second-part:~:text=Text).',
].join('\n\n');

/** Folder articles: their files besides index.md. */
const FOLDER_FILES: Record<string, Record<string, string>> = {
  'migrated-post': {
    'report.pdf': '%PDF-1.4 a tiny report',
    'data.csv': 'year,lamps\n1986,0\n2026,1\n',
    'old-page.html': '<script>alert(1)</script>',
    'chart.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    'notes.txt': 'Notes from the old site.\n',
  },
};

/** Articles related to harbour-light-returns (news; Coast, Heritage, Volunteers) in known ways. */
const FIXTURES: Record<string, string> = {
  'long-read': article(
    `
title: A long read in three parts
pubDate: 2026-11-20T10:00:00+00:00
updatedDate: 2026-11-21T10:00:00+00:00
section: science
corrections:
  - date: 2026-11-25T16:30:00+00:00
    text: An earlier version gave the wrong year for the restoration.
  - date: 2026-11-22T09:15:00+00:00
    text: Added the volunteers' own account.`,
    TOC_BODY,
  ),
  'migrated-post': article(
    `
title: A post moved in from an old site
pubDate: 2026-10-01T10:00:00+00:00
section: culture`,
    MIGRATED_BODY,
  ),
  'two-tags-older': article(`
title: Two shared tags, older
pubDate: 2026-11-01T10:00:00+00:00
section: culture
tags: [coast, Heritage]`),
  'tag-and-section-newer': article(`
title: A shared tag and the same section, newer
pubDate: 2026-11-02T10:00:00+00:00
section: news
tags: [Volunteers]`),
  'section-only-a': article(`
title: Same section only, A
pubDate: 2026-11-03T10:00:00+00:00
section: news`),
  'section-only-b': article(`
title: Same section only, B
pubDate: 2026-11-03T10:00:00+00:00
section: news`),
};

const ENV = { SITE_TIMEZONE: 'America/New_York' };

let contentDir: string;
let ogCache: string;
let first: BuildResult;
let second: BuildResult;
let cacheAfterFirst: Map<string, number>;

function writeFixtures(titleOfLongRead?: string) {
  for (const [slug, text] of Object.entries(FIXTURES)) {
    const contents =
      titleOfLongRead && slug === 'long-read'
        ? text.replace('A long read in three parts', titleOfLongRead)
        : text;
    const folder = FOLDER_FILES[slug];
    if (!folder) {
      writeFileSync(join(contentDir, 'articles', `${slug}.md`), contents);
      continue;
    }
    mkdirSync(join(contentDir, 'articles', slug), { recursive: true });
    for (const [name, file] of Object.entries({ 'index.md': contents, ...folder }))
      writeFileSync(join(contentDir, 'articles', slug, name), file);
  }
}

const cacheFiles = () =>
  new Map(readdirSync(ogCache).map((file) => [file, statSync(join(ogCache, file)).mtimeMs]));
const documentOf = (build: BuildResult, slug: string) =>
  parseHTML(readFileSync(join(build.dist, 'articles', slug, 'index.html'), 'utf8')).document;

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'article-features-'));
  contentDir = join(work, 'content');
  ogCache = join(work, 'og-cache');
  // Authors, sections, pages and the two articles these tests name: the other sample articles
  // would add cards and related stories of their own.
  const articles = join(projectRoot, 'content', 'articles');
  const kept = [ARTICLE_WITH_IMAGES, SEED_ARTICLE].map((slug) => join(articles, slug));
  const copied = (source: string) =>
    !source.startsWith(`${articles}/`) || kept.some((dir) => source === dir || source.startsWith(`${dir}/`));
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true, filter: copied });
  writeFixtures();
  first = await buildSite({ contentDir, env: { ...ENV, OG_CACHE_DIR: ogCache } });
  expect(first.exitCode, first.output).toBe(0);
  cacheAfterFirst = cacheFiles();
  writeFixtures('A long read in three parts, retitled');
  second = await buildSite({ contentDir, env: { ...ENV, OG_CACHE_DIR: ogCache } });
  expect(second.exitCode, second.output).toBe(0);
  return () => rmSync(work, { recursive: true, force: true });
});

afterAll(() => {
  first?.cleanup();
  second?.cleanup();
});

describe('Open Graph card cache', () => {
  it('renders every card on a cold cache', () => {
    const rendered = first.output.match(/og-image: rendered \/og\/[a-z0-9-]+\.png/g) ?? [];
    expect(rendered.sort()).toEqual(
      [SEED_ARTICLE, ...Object.keys(FIXTURES)].map((slug) => `og-image: rendered /og/${slug}.png`).sort(),
    );
    expect(cacheAfterFirst.size).toBe(rendered.length);
  });

  it('publishes every card, drawn on a second thread while the pages rendered', () => {
    const published =
      /Published (\d+) Open Graph cards? \((\d+) drawn or found in the cache on a second thread/.exec(
        first.output,
      );
    expect(Number(published?.[1])).toBe(readdirSync(join(first.dist, 'og')).length);
    expect(Number(published?.[1])).toBe(cacheAfterFirst.size);
    expect(Number(published?.[2])).toBeGreaterThan(0);
  });

  it('re-renders only the card whose title changed on the next build', () => {
    expect(second.output.match(/og-image: rendered \/og\/[a-z0-9-]+\.png/g)).toEqual([
      'og-image: rendered /og/long-read.png',
    ]);
  });

  it('leaves the cached cards of unchanged articles untouched and adds one for the new title', () => {
    const after = cacheFiles();
    expect(after.size).toBe(cacheAfterFirst.size + 1);
    for (const [file, mtime] of cacheAfterFirst) expect(after.get(file), file).toBe(mtime);
  });

  it('publishes the cached card byte for byte when it hits, and the new card when it misses', () => {
    const card = (build: BuildResult, slug: string) => readFileSync(join(build.dist, 'og', `${slug}.png`));
    expect(card(second, SEED_ARTICLE).equals(card(first, SEED_ARTICLE))).toBe(true);
    expect(card(second, 'long-read').equals(card(first, 'long-read'))).toBe(false);
  });
});

describe('article bodies', () => {
  it('are rendered on a second thread and taken from there by the pages', () => {
    const line =
      /Rendered (\d+) of (\d+) article bodies on a second thread; the pages took (\d+) of them/.exec(
        first.output,
      );
    expect(Number(line?.[2])).toBe(readdirSync(join(first.dist, 'articles')).length);
    expect(Number(line?.[1])).toBeGreaterThan(0);
    expect(Number(line?.[3])).toBeGreaterThan(0);
  });
});

describe('table of contents', () => {
  it('lists the h2 sections and their h3 subsections, linked to the heading ids, from three h2 headings on', () => {
    const document = documentOf(first, 'long-read');
    const toc = document.querySelector('nav.toc')!;
    expect(toc.getAttribute('aria-labelledby')).toBe('page-toc-heading');
    const links = [...toc.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['The first part', '#the-first-part'],
      ['A detail of the first part', '#a-detail-of-the-first-part'],
      ['The second part', '#the-second-part'],
      ['The third part', '#the-third-part'],
    ]);
    for (const [, href] of links)
      expect(document.querySelector(`.article-body ${href}`), href!).not.toBeNull();
  });

  it('comes before the body', () => {
    const document = documentOf(first, 'long-read');
    const toc = document.querySelector('nav.toc')!;
    expect(toc.compareDocumentPosition(document.querySelector('.article-body')!) & 4).toBeTruthy();
  });
});

describe('a migrated post', () => {
  it('keeps the explicit heading id its old site gave, without the {#…} text, and links to it', () => {
    const body = documentOf(first, 'migrated-post').querySelector('.article-body')!;
    const heading = body.querySelector('#old-vote')!;
    expect([heading.tagName, heading.textContent]).toEqual(['H2', 'The vote']);
    expect(body.querySelector('a[href="#old-vote"]')).not.toBeNull();
    expect(body.innerHTML).not.toContain('{#');
  });

  it('links to an <a name> anchor and with text fragments, which the link checks accepted', () => {
    const links = [...documentOf(first, 'migrated-post').querySelectorAll('.article-body a[href]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links.filter((href) => href!.includes('#'))).toEqual([
      '#old-vote',
      '#user-content-legacy',
      '#old-vote:~:text=Text',
      '#:~:text=Opening%20paragraph',
      '../long-read/#the-second-part:~:text=Text',
    ]);
    expect(
      documentOf(first, 'migrated-post').querySelector('.article-body a[name="user-content-legacy"]'),
    ).not.toBeNull();
  });

  it('shows its code block highlighted with classes only: no inline style, no script', () => {
    const document = documentOf(first, 'migrated-post');
    const code = document.querySelector('.article-body pre[tabindex="0"] > code.hljs.language-python')!;
    expect(
      [...code.querySelectorAll('span')].map((span) => `${span.className}: ${span.textContent}`),
    ).toEqual([
      'hljs-keyword: def',
      'hljs-title function_: lamps',
      'hljs-params: year',
      'hljs-keyword: return',
      'hljs-string: "lit"',
      'hljs-comment: # since 1986',
    ]);
    expect(document.querySelector('.article-body [style]')).toBeNull();
    expect(document.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
  });

  const publishesLinkedFiles =
    'publishes the files it links to at the addresses the links have, ' +
    'the ones a browser would render as downloads';
  it(publishesLinkedFiles, () => {
    const published = join(first.dist, 'articles', 'migrated-post');
    for (const [name, contents] of Object.entries(FOLDER_FILES['migrated-post']!))
      expect(readFileSync(join(published, name), 'utf8')).toBe(contents);
    const rules = parseHeadersFile(readFileSync(join(first.dist, '_headers'), 'utf8'));
    const headersOf = (path: string) =>
      Object.assign({}, ...rules.filter((rule) => ruleMatches(rule.path, path)).map((rule) => rule.headers));
    for (const name of ['data.csv', 'old-page.html', 'chart.svg', 'notes.txt']) {
      expect(headersOf(`/articles/migrated-post/${name}`), name).toMatchObject({
        'Content-Disposition': 'attachment',
        'X-Content-Type-Options': 'nosniff',
      });
    }
    expect(headersOf('/articles/migrated-post/report.pdf')).not.toHaveProperty('Content-Disposition');
    expect(first.output).toContain('Published 5 files linked from articles (4 as downloads)');
  });

  it('has one h1, the headline: the body’s h1 became an h2, with a warning naming its line', () => {
    const document = documentOf(first, 'migrated-post');
    expect([...document.querySelectorAll('h1')].map((h1) => h1.textContent?.trim())).toEqual([
      'A post moved in from an old site',
    ]);
    expect(document.querySelector('.article-body h2')?.textContent).toBe('A post moved in from an old site');
    expect(first.output).toContain(
      'content/articles/migrated-post/index.md:9:1  (body): the h1 "A post moved in from an old site" was made an h2',
    );
  });
});

describe('corrections', () => {
  it('lists every correction, oldest first, with its date in the site timezone, after the body', () => {
    const document = documentOf(first, 'long-read');
    const section = document.querySelector('section.corrections')!;
    expect(section.querySelector('h2')?.textContent).toBe('Corrections and updates');
    const entries = [...section.querySelectorAll('li')];
    expect(entries.map((entry) => entry.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2026-11-22T04:15:00-05:00',
      '2026-11-25T11:30:00-05:00',
    ]);
    expect(entries[1]!.textContent).toContain('wrong year for the restoration');
    expect(document.querySelector('.article-body')!.compareDocumentPosition(section) & 4).toBeTruthy();
  });

  it('makes the latest correction the dateModified and the shown update date', () => {
    const document = documentOf(first, 'long-read');
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld.datePublished).toBe('2026-11-20T05:00:00-05:00');
    expect(ld.dateModified).toBe('2026-11-25T11:30:00-05:00');
    const shown = [...document.querySelectorAll('header time')].map((time) => time.getAttribute('datetime'));
    expect(shown).toEqual(['2026-11-20T05:00:00-05:00', '2026-11-25T11:30:00-05:00']);
  });

  it('has no corrections section when there are none', () => {
    expect(documentOf(first, ARTICLE_WITH_IMAGES).querySelector('section.corrections')).toBeNull();
  });
});

describe('related articles', () => {
  it('shows the three most related: most shared first, then newest, then by slug', () => {
    const related = [...documentOf(first, ARTICLE_WITH_IMAGES).querySelectorAll('.related a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(related).toEqual([
      '/articles/tag-and-section-newer/',
      '/articles/two-tags-older/',
      '/articles/section-only-a/',
    ]);
  });

  it('shows no related section when nothing is shared', () => {
    expect(documentOf(first, 'long-read').querySelector('.related')).toBeNull();
  });
});
