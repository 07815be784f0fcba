/**
 * `npm run verify` on copies of the real built site: it passes the site as built, and fails on a
 * broken link, an unparseable feed, unparseable JSON-LD and a Nu HTML Checker error, each named
 * with its file. The publish record decides which pages the Nu checker reads.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readSiteConfig } from '../../src/lib/site-config.ts';
import { pageDigests, type PublishRecord } from '../../scripts/publish/record.ts';
import { verifySite } from '../../scripts/verify/site.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { SEED_ARTICLE } from '../helpers/page-templates.ts';

const site = readSiteConfig(process.env);
const SEED_PAGE = `articles/${SEED_ARTICLE}/index.html`;
const copies: string[] = [];

/** A throw-away copy of the built site, changed by `edit`. */
function copyOfSite(edit: (dist: string) => void = () => {}): string {
  const dist = join(mkdtempSync(join(tmpdir(), 'wirepress-verify-')), 'dist');
  copies.push(dist);
  cpSync(inject('siteDist'), dist, { recursive: true });
  edit(dist);
  return dist;
}
const recordOf = (dist: string): PublishRecord => ({
  commit: 'c0ffee',
  clock: '2026-11-30T12:00:00.000Z',
  pages: pageDigests(dist),
});
const editFile = (dist: string, file: string, change: (text: string) => string) =>
  writeFileSync(join(dist, file), change(readFileSync(join(dist, file), 'utf8')));

/** Problems by check, with the Nu checker reading no page (the record is of this very copy). */
function problemsOf(dist: string, previous: PublishRecord | undefined = recordOf(dist)) {
  const results = verifySite(dist, { site, previous, weighPage: SEED_PAGE });
  return Object.fromEntries(results.map((result) => [result.name, result.problems]));
}

afterAll(() => {
  for (const dist of copies) rmSync(join(dist, '..'), { recursive: true, force: true });
});

describe('verifySite', () => {
  it('passes the site as built, every page through Nu when there is no publish record', () => {
    const results = verifySite(copyOfSite(), { site, weighPage: SEED_PAGE });
    expect(results.map((result) => result.name)).toEqual([
      'internal links and fragments',
      'feeds and sitemaps',
      'JSON-LD',
      'Nu HTML Checker',
      'page weight',
    ]);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
    expect(results.find((result) => result.name === 'Nu HTML Checker')!.scope).toMatch(
      /^all \d+ pages \(no publish record\)$/,
    );
    expect(results.find((result) => result.name === 'page weight')!.scope).toMatch(/bytes gzipped$/);
  });

  it('fails on a broken internal link, naming the page and the target', () => {
    const dist = copyOfSite((dist) =>
      editFile(dist, 'index.html', (html) =>
        html.replace('</main>', `<a href="${site.basePath}articles/no-such-article/">gone</a></main>`),
      ),
    );
    expect(problemsOf(dist)['internal links and fragments']).toEqual([
      expect.stringMatching(/^dist\/index\.html: a\[href\] ".*articles\/no-such-article\/" /),
    ]);
  });

  it('fails on a feed that does not parse', () => {
    const dist = copyOfSite((dist) =>
      writeFileSync(
        join(dist, 'rss.xml'),
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title',
      ),
    );
    expect(problemsOf(dist)['feeds and sitemaps']).toEqual([
      expect.stringMatching(/^dist\/rss\.xml: not an RSS feed/),
    ]);
  });

  it('fails on a sitemap that does not parse', () => {
    const dist = copyOfSite((dist) => editFile(dist, 'sitemap-0.xml', (xml) => xml.replace('</urlset>', '')));
    expect(problemsOf(dist)['feeds and sitemaps']).toEqual([
      expect.stringMatching(/^dist\/sitemap-0\.xml: not well-formed XML/),
    ]);
  });

  it('fails on JSON-LD that does not parse', () => {
    const dist = copyOfSite((dist) =>
      editFile(dist, SEED_PAGE, (html) =>
        html.replace('<script type="application/ld+json">', '<script type="application/ld+json">{,'),
      ),
    );
    expect(problemsOf(dist)['JSON-LD']).toEqual([
      expect.stringMatching(new RegExp(`^dist/${SEED_PAGE}: JSON-LD block 1 does not parse`)),
    ]);
  });

  it('runs the Nu checker over the changed pages only, and fails on an error there', () => {
    const pristine = copyOfSite();
    const deployed = recordOf(pristine);
    const dist = copyOfSite((dist) =>
      editFile(dist, SEED_PAGE, (html) =>
        html.replace('</main>', '<p><div>a block inside a paragraph</div></p></main>'),
      ),
    );
    const results = verifySite(dist, { site, previous: deployed, weighPage: SEED_PAGE });
    const nu = results.find((result) => result.name === 'Nu HTML Checker')!;
    expect(nu.scope).toBe('1 page changed since c0ffee');
    expect(nu.problems.length).toBeGreaterThan(0);
    expect(nu.problems.every((problem) => problem.startsWith(`dist/${SEED_PAGE}:`))).toBe(true);
    expect(
      verifySite(pristine, { site, previous: deployed }).find((result) => result.name === 'Nu HTML Checker')!
        .scope,
    ).toBe('0 pages changed since c0ffee');
  });

  it('fails when the text page outgrows its page-weight budget', () => {
    const dist = copyOfSite((dist) =>
      editFile(dist, SEED_PAGE, (html) =>
        html.replace(
          '</main>',
          `<p>${Array.from({ length: 1000 }, () => crypto.randomUUID()).join(' ')}</p></main>`,
        ),
      ),
    );
    expect(problemsOf(dist)['page weight']).toEqual([expect.stringMatching(/over the 14336-byte budget/)]);
  });
});

describe('npm run verify', () => {
  it('exits 1 and names the failed check and the file, with no stack trace', () => {
    const dist = copyOfSite((dist) => writeFileSync(join(dist, 'feed.json'), '{"version":'));
    const record = join(dist, '..', 'record.json');
    writeFileSync(record, JSON.stringify(recordOf(dist)));
    const run = spawnSync(
      process.execPath,
      [join(projectRoot, 'scripts/verify.ts'), '--dist', dist, '--previous', record],
      { encoding: 'utf8', env: process.env },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ feeds and sitemaps');
    expect(run.stdout).toContain('dist/feed.json: not a JSON Feed');
    expect(run.stderr).toMatch(/^verify: feeds and sitemaps failed/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a folder with no site in it', () => {
    const run = spawnSync(
      process.execPath,
      [join(projectRoot, 'scripts/verify.ts'), '--dist', join(tmpdir(), 'wirepress-no-such-dist')],
      { encoding: 'utf8', env: process.env },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('holds no built site (no index.html): run npm run build first');
  });
});
