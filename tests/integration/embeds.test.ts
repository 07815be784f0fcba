/**
 * Embeds on a real build: every provider, as embed code and as a URL on its own line, in an
 * article of its own; an article with an iframe of an unknown provider; one without embeds.
 * Asserts the figure, the link to the original, the kept text, frame-src only on the pages that
 * embed a video (meta CSP and _headers), the warning for the unknown iframe, feeds, search, and
 * that no page ships JavaScript for it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parsePolicy, metaPolicyOf } from '../../src/lib/security-headers.ts';
import { providerOf } from '../../src/markdown/embed-providers.ts';
import { buildSite, projectRoot, type BuildResult } from '../helpers/build-site.ts';
import { EMBED_SAMPLES } from '../helpers/embed-samples.ts';
import { parseHeadersFile, ruleMatches } from '../helpers/headers-file.ts';
import { searchBuiltSite } from '../helpers/pagefind-search.ts';
import { checkHtml, describeMessages } from '../../scripts/verify/nu-html-checker.ts';

const article = (title: string, day: number, body: string) =>
  `---\ntitle: ${title}\npubDate: 2026-11-${String(day).padStart(2, '0')}T10:00:00+00:00\n` +
  `section: news\nsource:\n  relationship: original\n---\n\n` +
  `The Kelmouth harbour light was relit this week.\n\n${body}\n\nThe trust thanked its volunteers.\n`;

const FORMS = { code: 'embed code', url: 'URL' } as const;
const slugOf = (provider: string, form: keyof typeof FORMS) => `embed-${provider}-${form}`;

const UNKNOWN_IFRAME =
  '<iframe src="https://maps.example.com/embed?q=kelmouth" title="Map of Kelmouth"></iframe>';

let work: string;
let build: BuildResult;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'embeds-'));
  const contentDir = join(work, 'content');
  // Authors, sections and standing pages, but not the sample articles: the feeds test needs every
  // embed article among the newest FEED_LIMIT, and newer samples would push some out.
  const sampleArticles = join(projectRoot, 'content', 'articles', '');
  cpSync(join(projectRoot, 'content'), contentDir, {
    recursive: true,
    filter: (source) => !source.startsWith(sampleArticles),
  });
  const write = (slug: string, text: string) => {
    mkdirSync(join(contentDir, 'articles', slug), { recursive: true });
    writeFileSync(join(contentDir, 'articles', slug, 'index.md'), text);
  };
  EMBED_SAMPLES.forEach((sample, index) => {
    write(
      slugOf(sample.provider, 'code'),
      article(`Embed code from ${sample.provider}`, 10 + index, sample.code),
    );
    write(slugOf(sample.provider, 'url'), article(`URL from ${sample.provider}`, 10 + index, sample.url));
  });
  write(
    'unknown-iframe',
    article(
      'A map that cannot be embedded',
      25,
      `A map the council published shows the route:\n\n${UNKNOWN_IFRAME}`,
    ),
  );
  write('no-embeds', article('No embeds here', 26, 'Just text.'));
  build = await buildSite({ contentDir, imageCache: inject('siteImageCache') });
  expect(build.exitCode, build.output).toBe(0);
});

afterAll(() => {
  build?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const pageHtml = (slug: string) => readFileSync(join(build.dist, 'articles', slug, 'index.html'), 'utf8');
const documentOf = (slug: string) => parseHTML(pageHtml(slug)).document;
const frameSrc = (slug: string) => parsePolicy(metaPolicyOf(pageHtml(slug))!).get('frame-src');

describe.each(EMBED_SAMPLES)('a $provider embed', (sample) => {
  const provider = providerOf(sample);
  it.each(Object.keys(FORMS) as (keyof typeof FORMS)[])(
    'as %s: a figure with the provider, the link to the original and the text around it',
    (form) => {
      const document = documentOf(slugOf(sample.provider, form));
      const figure = document.querySelector(`.article-body figure.embed[data-embed="${sample.provider}"]`)!;
      expect(figure, `no ${sample.provider} figure`).toBeTruthy();
      expect(figure.textContent).toContain(provider.name);
      const links = [...figure.querySelectorAll('a')].map((link) => link.getAttribute('href'));
      expect(links).toContain(sample.original);
      const text = document.querySelector('.article-body')!.textContent;
      expect(text).toContain('The Kelmouth harbour light was relit this week.');
      expect(text).toContain('The trust thanked its volunteers.');
      if (form === 'code') for (const kept of sample.kept) expect(figure.textContent).toContain(kept);
    },
  );

  it.each(Object.keys(FORMS) as (keyof typeof FORMS)[])(
    'as %s: frame-src allows the player only if it is a video, in the meta CSP and in _headers',
    (form) => {
      const slug = slugOf(sample.provider, form);
      const rules = parseHeadersFile(readFileSync(join(build.dist, '_headers'), 'utf8'));
      const own = rules.find((rule) => rule.path === `/articles/${slug}/`);
      if (provider.kind === 'video') {
        expect(frameSrc(slug)).toEqual([provider.frameOrigin]);
        expect(own?.headers['! Content-Security-Policy']).toBeUndefined();
        expect(parsePolicy(own!.headers['Content-Security-Policy']!).get('frame-src')).toEqual([
          provider.frameOrigin,
        ]);
        expect(documentOf(slug).querySelector(`iframe[src^="${provider.frameOrigin}/"]`)).toBeTruthy();
      } else {
        expect(frameSrc(slug)).toEqual(["'none'"]);
        expect(own).toBeUndefined();
        expect(documentOf(slug).querySelector('iframe')).toBeNull();
      }
    },
  );
});

describe('the pages with embeds', () => {
  it('pass the Nu HTML Checker', () => {
    const files = EMBED_SAMPLES.flatMap((sample) =>
      (Object.keys(FORMS) as (keyof typeof FORMS)[]).map((form) =>
        join(build.dist, 'articles', slugOf(sample.provider, form), 'index.html'),
      ),
    );
    const messages = checkHtml(files);
    expect(messages, describeMessages(messages, build.dist)).toEqual([]);
  });
});

describe('pages without video embeds', () => {
  it("keep frame-src 'none' in their meta CSP and in the site-wide header", () => {
    for (const slug of ['no-embeds', 'unknown-iframe']) expect(frameSrc(slug)).toEqual(["'none'"]);
    expect(frameSrc(slugOf('x', 'code'))).toEqual(["'none'"]);
    expect(
      parsePolicy(metaPolicyOf(readFileSync(join(build.dist, 'index.html'), 'utf8'))!).get('frame-src'),
    ).toEqual(["'none'"]);
    const rules = parseHeadersFile(readFileSync(join(build.dist, '_headers'), 'utf8'));
    const siteWide = rules.find((rule) => rule.path === '/*')!;
    expect(parsePolicy(siteWide.headers['Content-Security-Policy']!).get('frame-src')).toEqual(["'none'"]);
    // Only the four video pages have a CSP rule of their own.
    const own = rules.filter((rule) => rule.path !== '/*' && rule.headers['Content-Security-Policy']);
    expect(own.map((rule) => rule.path).sort()).toEqual(
      ['youtube', 'vimeo'].flatMap((p) => [`/articles/embed-${p}-code/`, `/articles/embed-${p}-url/`]).sort(),
    );
    expect(own.every((rule) => !ruleMatches(rule.path, '/articles/no-embeds/'))).toBe(true);
  });

  it('ship no JavaScript, and neither do the pages with embeds', () => {
    for (const slug of [
      'no-embeds',
      ...EMBED_SAMPLES.flatMap((sample) => [slugOf(sample.provider, 'code'), slugOf(sample.provider, 'url')]),
    ]) {
      expect(pageHtml(slug), slug).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
    }
  });
});

describe('an iframe of an unknown provider', () => {
  it('is removed, with a warning naming the file, the line, what was removed and the fix', () => {
    const warning = new RegExp(
      /content\/articles\/unknown-iframe\/index\.md:13:1 {2}\(body\): /.source +
        /the sanitizer removed <iframe src="https:\/\/maps\.example\.com\/embed\?q=kelmouth">\n/.source +
        /\s+fix: .*paste its URL on its own line/.source,
    );
    expect(build.output).toMatch(warning);
    expect(documentOf('unknown-iframe').querySelector('iframe')).toBeNull();
  });
});

describe('feeds', () => {
  const feed = () =>
    JSON.parse(readFileSync(join(build.dist, 'feed.json'), 'utf8')) as {
      items: { url: string; content_html: string }[];
    };
  const itemOf = (slug: string) => feed().items.find((item) => item.url.endsWith(`/articles/${slug}/`))!;

  it('carry a video as its name and a link to it, without the player', () => {
    const html = itemOf(slugOf('youtube', 'code')).content_html;
    expect(html).not.toMatch(/<iframe|<details/);
    expect(html).toContain('Video: The Kelmouth harbour light is lit again (YouTube)');
    expect(html).toContain('href="https://www.youtube.com/watch?v=aBcDeFgHiJk"');
  });

  it('carry a post as its text, its provider and a link to it', () => {
    const html = itemOf(slugOf('x', 'code')).content_html;
    expect(html).toContain('shines again tonight after forty years');
    expect(html).toContain('Post on X by Kelmouth Harbour Trust (@kelmouthtrust)');
    expect(html).toContain('href="https://x.com/kelmouthtrust/status/1864000000000000001"');
    expect(readFileSync(join(build.dist, 'rss.xml'), 'utf8')).toContain('View the original on X');
  });
});

describe('search', () => {
  it("indexes an embed's text, not its markup", async () => {
    const hits = await searchBuiltSite(build.dist, 'chowder');
    const hit = hits.find((candidate) => candidate.url.includes(`/articles/${slugOf('tiktok', 'code')}/`));
    expect(hit?.excerpt).toMatch(/chowder/i);
    // Pagefind matches loosely, so the check is on what it stored: text, never the embed code's markup.
    for (const query of ['chowder', 'nocookie', 'instgrm', 'widgets']) {
      for (const { excerpt } of await searchBuiltSite(build.dist, query))
        expect(excerpt).not.toMatch(/nocookie|instgrm|widgets\.js|tiktok-embed|&lt;|<(?!\/?mark>)/);
    }
  });
});
