import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { factsOf, keepPageFacts, pageFacts } from '../../src/build-output/page-facts.ts';

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

describe('keepPageFacts', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'page-facts-kept-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
  const site = join(cacheDir, 'dist-staging');
  const copies = join(cacheDir, 'dist');
  const PAGE = 'articles/a/index.html';
  let moment = 1_780_000_000;

  /**
   * What Astro leaves: its manifest's head (whose keyDigest changes every build, and is not what it
   * checks before trusting the manifest), the page's cached copy and the page in the output.
   */
  const astroBuild = ({ configHash = 'c1', render }: { configHash?: string; render?: string }) => {
    writeFileSync(
      join(cacheDir, 'incremental-build.json'),
      JSON.stringify(
        { version: 1, configHash, lockfileHash: '', keyDigest: `k${moment}`, routes: {} },
        null,
        '\t',
      ),
    );
    for (const folder of [join(site, 'articles/a'), join(copies, 'articles/a')])
      mkdirSync(folder, { recursive: true });
    if (render !== undefined) {
      writeFileSync(join(copies, PAGE), render);
      utimesSync(join(copies, PAGE), moment, moment);
    }
    rmSync(join(site, PAGE), { force: true });
    copyFileSync(join(copies, PAGE), join(site, PAGE));
    utimesSync(join(site, PAGE), ++moment, moment);
  };
  /** A pass over the page, as unindexed-pages makes it: its facts and how many came from the store. */
  const pass = () => {
    const kept = keepPageFacts(site, cacheDir);
    const facts = pageFacts(join(site, PAGE));
    kept.save();
    return { facts, kept: kept.keptCount() };
  };
  /** Bytes of the same length as the page, which a pass that trusts the store does not read. */
  const sameLengthOther = (page: string) => page.replace('Story', 'Other');
  const story = articlePage('<article data-pagefind-body><h1>Story</h1></article>');

  it('reads a page Astro rendered, then trusts the facts while Astro copies it from its cache', () => {
    astroBuild({ render: story });
    expect(pass()).toEqual({ facts: factsOf(Buffer.from(story)), kept: 0 });

    astroBuild({});
    writeFileSync(join(site, PAGE), sameLengthOther(story));
    expect(pass()).toEqual({ facts: factsOf(Buffer.from(story)), kept: 1 });
  });

  it('reads the page again once Astro rendered it anew', () => {
    const corrected = story.replace('Story', 'Story, corrected');
    astroBuild({ render: corrected });
    expect(pass()).toEqual({ facts: factsOf(Buffer.from(corrected)), kept: 0 });
  });

  it('drops what it kept when Astro did not trust its last manifest', () => {
    astroBuild({});
    expect(pass().kept).toBe(1);
    astroBuild({ configHash: 'c2' });
    const page = readFileSync(join(site, PAGE), 'utf8');
    writeFileSync(join(site, PAGE), sameLengthOther(page));
    expect(pass()).toEqual({ facts: factsOf(Buffer.from(sameLengthOther(page))), kept: 0 });
  });

  it('reads a page of another size than its copy, and one with no copy', () => {
    astroBuild({});
    writeFileSync(join(site, PAGE), `${story}\n`);
    expect(pass()).toEqual({ facts: factsOf(Buffer.from(`${story}\n`)), kept: 0 });
    rmSync(join(copies, PAGE));
    utimesSync(join(site, PAGE), ++moment, moment);
    expect(pass().kept).toBe(0);
  });
});
