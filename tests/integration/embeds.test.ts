/**
 * Embeds on a real build: every provider, as embed code and as a URL on its own line, in an
 * article of its own; an article with an iframe of an unknown provider; one without embeds.
 * Asserts the figure, the link to the original, the kept text, frame-src only on the pages that
 * embed a video (meta CSP and _headers), the warning for the unknown iframe, feeds, search, and
 * that no page ships JavaScript for it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePolicy, metaPolicyOf } from '../../src/lib/security-headers.ts';
import { providerOf } from '../../src/markdown/embed-providers.ts';
import { EMBED_SAMPLES } from '../helpers/embed-samples.ts';
import { parseHeadersFile, ruleMatches } from '../helpers/headers-file.ts';
import { searchBuiltSite } from '../helpers/pagefind-search.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { EMBED_FORMS, embedSlug, type EmbedForm } from '../helpers/shared-fixtures.ts';
import { checkHtml, describeMessages } from '../../scripts/verify/nu-html-checker.ts';

/** The embeds site, built once for this file and the browser tests of embeds and code blocks. */
let build: { dist: string; output: string };

beforeAll(async () => {
  build = await sharedBuild('embeds');
});

const pageHtml = (slug: string) => readFileSync(join(build.dist, 'articles', slug, 'index.html'), 'utf8');
const documentOf = (slug: string) => parseHTML(pageHtml(slug)).document;
const frameSrc = (slug: string) => parsePolicy(metaPolicyOf(pageHtml(slug))!).get('frame-src');

describe.each(EMBED_SAMPLES)('a $provider embed', (sample) => {
  const provider = providerOf(sample);
  it.each(Object.keys(EMBED_FORMS) as EmbedForm[])(
    'as %s: a figure with the provider, the link to the original and the text around it',
    (form) => {
      const document = documentOf(embedSlug(sample.provider, form));
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

  it.each(Object.keys(EMBED_FORMS) as EmbedForm[])(
    'as %s: frame-src allows the player only if it is a video, in the meta CSP and in _headers',
    (form) => {
      const slug = embedSlug(sample.provider, form);
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
      (Object.keys(EMBED_FORMS) as EmbedForm[]).map((form) =>
        join(build.dist, 'articles', embedSlug(sample.provider, form), 'index.html'),
      ),
    );
    const messages = checkHtml(files);
    expect(messages, describeMessages(messages, build.dist)).toEqual([]);
  });
});

describe('pages without video embeds', () => {
  it("keep frame-src 'none' in their meta CSP and in the site-wide header", () => {
    for (const slug of ['no-embeds', 'unknown-iframe']) expect(frameSrc(slug)).toEqual(["'none'"]);
    expect(frameSrc(embedSlug('x', 'code'))).toEqual(["'none'"]);
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
      ...EMBED_SAMPLES.flatMap((sample) => [
        embedSlug(sample.provider, 'code'),
        embedSlug(sample.provider, 'url'),
      ]),
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
    const html = itemOf(embedSlug('youtube', 'code')).content_html;
    expect(html).not.toMatch(/<iframe|<details/);
    expect(html).toContain('Video: The Kelmouth harbour light is lit again (YouTube)');
    expect(html).toContain('href="https://www.youtube.com/watch?v=aBcDeFgHiJk"');
  });

  it('carry a post as its text, its provider and a link to it', () => {
    const html = itemOf(embedSlug('x', 'code')).content_html;
    expect(html).toContain('shines again tonight after forty years');
    expect(html).toContain('Post on X by Kelmouth Harbour Trust (@kelmouthtrust)');
    expect(html).toContain('href="https://x.com/kelmouthtrust/status/1864000000000000001"');
    expect(readFileSync(join(build.dist, 'rss.xml'), 'utf8')).toContain('View the original on X');
  });
});

describe('search', () => {
  it("indexes an embed's text, not its markup", async () => {
    const hits = await searchBuiltSite(build.dist, 'chowder');
    const hit = hits.find((candidate) => candidate.url.includes(`/articles/${embedSlug('tiktok', 'code')}/`));
    expect(hit?.excerpt).toMatch(/chowder/i);
    // Pagefind matches loosely, so the check is on what it stored: text, never the embed code's markup.
    for (const query of ['chowder', 'nocookie', 'instgrm', 'widgets']) {
      for (const { excerpt } of await searchBuiltSite(build.dist, query))
        expect(excerpt).not.toMatch(/nocookie|instgrm|widgets\.js|tiktok-embed|&lt;|<(?!\/?mark>)/);
    }
  });
});
