import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { factsOf, pageFacts } from '../../src/build-output/page-facts.ts';

const POLICY = "default-src 'none'; img-src 'self'";

const articlePage = (body: string) =>
  '<!DOCTYPE html><html lang="en"><head><title>A headline</title>' +
  `<meta http-equiv="content-security-policy" content="${POLICY}">` +
  '<link rel="canonical" href="https://example.org/articles/a/">' +
  '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-11-27T14:00:00+01:00"}</script>' +
  `</head><body><header>The masthead</header>${body}</body></html>`;

describe('factsOf', () => {
  it('reads what the post-build passes need from an article page', () => {
    const bytes = Buffer.from(articlePage('<article data-pagefind-body><h1>A headline</h1></article>'));
    expect(factsOf(bytes)).toEqual({
      digest: createHash('sha256').update(bytes).digest('hex'),
      signals: { robots: undefined, canonical: 'https://example.org/articles/a/' },
      metaPolicy: POLICY,
      redirect: false,
      searchable: true,
      datePublished: '2026-11-27T14:00:00+01:00',
    });
  });

  it('reads the head alone: a body that shows markup as text marks nothing', () => {
    const facts = factsOf(
      Buffer.from(
        articlePage(
          '<p>&lt;article data-pagefind-body&gt;</p><p>"datePublished":"1999-01-01"</p>' +
            '<p><meta name="robots" content="noindex"></p>',
        ).replace('"datePublished":"2026-11-27T14:00:00+01:00"', '"headline":"A"'),
      ),
    );
    expect(facts).toMatchObject({
      searchable: false,
      datePublished: undefined,
      signals: { robots: undefined },
    });
  });

  it('finds the end of the head in any case and with spaces, and not at a </header>', () => {
    const page = '<head><meta name="robots" content="noindex"></HEAD ><body><header></header></body>';
    expect(factsOf(Buffer.from(page)).signals.robots).toBe('noindex');
    const late = '<head><title>t</title><header></header><meta name="robots" content="none"></head>';
    expect(factsOf(Buffer.from(late)).signals.robots).toBe('none');
  });

  it("knows Astro's redirect pages, which have no head and no policy", () => {
    const redirect =
      '<!doctype html><title>Redirecting to: /b/</title><meta http-equiv="refresh" content="0;url=/b/">';
    expect(factsOf(Buffer.from(redirect))).toMatchObject({ redirect: true, metaPolicy: undefined });
  });
});

describe('pageFacts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-facts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a page once while it is unchanged, and again once it changed', () => {
    const file = join(dir, 'index.html');
    writeFileSync(file, articlePage('<article data-pagefind-body></article>'));
    const first = pageFacts(file);
    expect(pageFacts(file)).toBe(first);

    writeFileSync(file, articlePage('<article></article>'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const second = pageFacts(file);
    expect(second.searchable).toBe(false);
    expect(second.digest).not.toBe(first.digest);
  });
});
