/**
 * The WordPress importer (npm run import-archive -- export.xml): posts become articles that pass
 * the content check; authors, categories, tags, statuses and featured images are mapped; images are
 * fetched once through an injected fetcher (no test touches the network); the HTML body is kept as
 * raw HTML, with WordPress's paragraphs, captions and embeds made explicit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyImageProblems, checkProjectContent } from '../../src/integrations/content-check.ts';
import { formatSummary } from '../../src/lib/archive-import.ts';
import { wordpressBody } from '../../src/lib/wordpress-body.ts';
import { importWordPressExport, type Fetcher } from '../../src/lib/wordpress-import.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { AUTHOR, PIXEL_PNG, article, writeTree } from './fixtures.ts';

const SECTIONS =
  'sections:\n  - slug: news\n    name: News\n    description: What happened today.\n' +
  '  - slug: local-life\n    name: Local life\n    description: Life on the coast.\n';

const body = (html: string) =>
  wordpressBody(html)
    .lines.map(({ text }) => text)
    .join('\n');

describe('WordPress bodies', () => {
  it(
    'wrap text blocks in <p> as WordPress shows them, with ' +
      '<br> for single line breaks, so markdown leaves the text alone',
    () => {
      expect(body('First *not emphasis* line\nsecond line\n\n<h2>Heading</h2>\n\n1. not a list')).toBe(
        '<p>First *not emphasis* line<br>\nsecond line</p>\n\n<h2>Heading</h2>\n\n<p>1. not a list</p>',
      );
    },
  );

  it('keep <pre> blocks whole, blank lines included', () => {
    expect(body('<pre><code>a\n\nb</code></pre>\n\nAfter.')).toBe(
      '<pre><code>a\n\nb</code></pre>\n\n<p>After.</p>',
    );
  });

  it('drop block-editor comments and the more mark', () => {
    expect(body('<!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n<!--more-->\n\nTwo.')).toBe(
      '<p>One.</p>\n\n<p>Two.</p>',
    );
  });

  it('turn [caption] into <figure> with <figcaption>, and drop srcset and sizes', () => {
    const html =
      '[caption id="attachment_7" align="alignnone" width="300"]<img class="size-medium" ' +
      'src="https://old.example/wp-content/uploads/lamp-300x200.jpg" alt="The lamp" srcset="a.jpg ' +
      '300w, b.jpg 600w" sizes="(max-width: 300px) 100vw" /> The lamp, lit again[/caption]';
    expect(body(html)).toBe(
      '<figure><img src="https://old.example/wp-content/uploads/lamp-300x200.jpg" ' +
        'alt="The lamp" /><figcaption>The lamp, lit again</figcaption></figure>',
    );
  });

  it('put embeds (block editor, [embed], a URL on its own line) as the URL alone on its line', () => {
    const html =
      '<figure class="wp-block-embed is-type-video wp-block-embed-youtube"><div ' +
      'class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=aBcDeFgHiJk\n' +
      '</div></figure>\n\n[embed]https://vimeo.com/123456789[/embed]\n\nhttps://youtu.be/aBcDeFgHiJk';
    expect(body(html)).toBe(
      'https://www.youtube.com/watch?v=aBcDeFgHiJk\n\nhttps://vimeo.com/123456789\n\nhttps://youtu.be/aBcDeFgHiJk',
    );
  });

  it("turn [gallery] into its images, named by ids or attached to the post, and drop WordPress's classes", () => {
    const library = (ids: string[]) =>
      ids.length
        ? ids.map((id) => ({
            url: `https://old.example/${id}.jpg`,
            alt: id === '1' ? 'The "first"' : undefined,
          }))
        : [{ url: 'https://old.example/attached.jpg' }];
    expect(
      wordpressBody('[gallery ids="1,2"]\n\n[gallery]', library)
        .lines.map(({ text }) => text)
        .join('\n'),
    ).toBe(
      '<p><img src="https://old.example/1.jpg" alt="The &quot;first&quot;"></p>\n' +
        '\n<p><img src="https://old.example/2.jpg" alt=""></p>\n' +
        '\n<p><img src="https://old.example/attached.jpg" alt=""></p>',
    );
    expect(body('<div class="wp-block-group alignwide" id="x"><p class=\'has-text\'>A</p></div>')).toBe(
      '<div id="x"><p>A</p></div>',
    );
  });

  it('list other shortcodes with their line, and leave ordinary brackets alone', () => {
    expect(wordpressBody('Intro [sic].\n\n[gallery ids="1,2,3"]\n\n[contact-form-7 id="9"]').notes).toEqual([
      { line: 3, message: 'shortcode not converted, left as text: [gallery ids="1,2,3"]' },
      { line: 5, message: 'shortcode not converted, left as text: [contact-form-7 id="9"]' },
    ]);
  });
});

/** A WordPress export (WXR): two posts (one a draft), a post in the trash, a page and the featured image. */
const EXPORT = readFileSync(join(projectRoot, 'tests/fixtures/wordpress/export.xml'), 'utf8');

let trees: ReturnType<typeof writeTree>[] = [];
afterEach(() => {
  trees.forEach((tree) => tree.cleanup());
  trees = [];
});

function project(files: Record<string, string | Buffer> = {}) {
  const tree = writeTree({
    'content/sections.yaml': SECTIONS,
    'content/authors/amara-okafor.yaml': AUTHOR,
    'export.xml': EXPORT,
    ...files,
  });
  trees.push(tree);
  return { root: tree.root, articles: join(tree.root, 'content/articles') };
}

/** Answers from memory, counting requests: the images of old.example exist, others do not. */
function memoryFetcher() {
  const requests: string[] = [];
  const fetcher: Fetcher = async (url) => {
    requests.push(url);
    return url.startsWith('https://old.example/')
      ? { bytes: PIXEL_PNG }
      : { error: 'the server answered 404' };
  };
  return { fetcher, requests };
}

const importExport = (root: string, fetcher?: Fetcher, publish = false, xml = EXPORT) =>
  importWordPressExport(xml, {
    projectRoot: root,
    articlesDir: join(root, 'content/articles'),
    sourceName: 'export.xml',
    fetcher,
    context: {
      defaultSection: 'news',
      relationship: 'original',
      publish,
      timeZone: 'Europe/London',
      now: '2026-07-01T09:30:00+01:00',
    },
  });

describe('importing a WordPress export', () => {
  it(
    'maps a post: title, dates, dek, section, tags, author, ' +
      'featured image, images fetched into the folder',
    async () => {
      const { root, articles } = project();
      const { fetcher, requests } = memoryFetcher();
      const summary = await importExport(root, fetcher, true);
      const text = readFileSync(join(articles, 'harbour-light/index.md'), 'utf8');
      expect(text).toContain('# Imported from export.xml, post 10 "Harbour light & the keeper".\n');
      expect(text).toContain(
        [
          'title: Harbour light & the keeper',
          'description: The lamp is lit & shining.',
          'pubDate: 2019-03-04T10:00:00+00:00',
          'authors:\n  - jbell',
          'section: local-life',
          'tags:\n  - Harbour',
          'heroImage:\n  src: ./lamp-hero.png\n  alt: The harbour lamp\n  caption: The lamp at dusk.',
          'source:\n  relationship: original',
          'aliases:\n  - harbour-light-keeper',
          '---',
        ].join('\n'),
      );
      expect(text).not.toContain('draft: true');
      expect(text).toContain(
        '<p>The lamp *shone* again.</p>\n\n<p><img src="./keeper.png" alt="The keeper" /></p>',
      );
      expect(existsSync(join(articles, 'harbour-light/keeper.png'))).toBe(true);
      expect(existsSync(join(articles, 'harbour-light/lamp-hero.png'))).toBe(true);
      expect(requests.sort()).toEqual([
        'https://gone.example/net.jpg',
        'https://old.example/wp-content/uploads/2019/03/Lamp-Hero.png',
        'https://old.example/wp-content/uploads/2019/03/keeper.png',
      ]);

      // The author of the export without a file gets one; the one with a file keeps it.
      expect(readFileSync(join(root, 'content/authors/jbell.yaml'), 'utf8')).toBe(
        '# Imported from the WordPress export, which has no biography: replace the bio.\n' +
          'name: Jo Bell\nbio: Jo Bell writes for Kelmouth & Coast Gazette.\n',
      );
      expect(readFileSync(join(root, 'content/authors/amara-okafor.yaml'), 'utf8')).toBe(AUTHOR);
      expect(summary.authorsCreated).toEqual([join(root, 'content/authors/jbell.yaml')]);

      expect(formatSummary(summary, root)).toBe(
        [
          'Imported 2 (2 need attention), skipped 2.',
          '',
          'Imported:',
          '  content/articles/harbour-light/index.md  (from export.xml, post 10 "Harbour light & the keeper")',
          '  content/articles/a-draft-about-nets/index.md  (from export.xml, post 11 "A draft about nets")',
          '',
          'Needs attention:',
          '  content/articles/harbour-light/index.md',
          '    export.xml, post 10 "Harbour light & the keeper"  category ' +
            '"Weather" is not a section in content/sections.yaml; not kept',
          '    content/articles/harbour-light/index.md:25  shortcode not converted, left as text: [gallery ids="1,2"]',
          '  content/articles/a-draft-about-nets/index.md',
          '    content/articles/a-draft-about-nets/index.md:15  image https://gone.example/net.jpg could ' +
            'not be fetched (the server answered 404); download it next to the article and write ./name',
          '',
          'Authors created (the export has no biography: write each bio):',
          '  content/authors/jbell.yaml',
          '',
          'Skipped:',
          '  export.xml, post 12 "Binned": in the trash on the old site',
          '  export.xml: 1 page, 1 attachment: only posts are imported',
          '',
          'Needs attention, by kind (fix these in bulk first):',
          '      1  category "…" is not a section in …; not kept',
          '      1  shortcode not converted, left as text',
          '      1  image … could not be fetched (the server ' +
            'answered N); download it next to the article and write …',
        ].join('\n'),
      );
      expect(readFileSync(join(articles, 'harbour-light/index.md'), 'utf8').split('\n')[24]).toBe(
        '<p>[gallery ids="1,2"]</p>',
      );
      expect(readFileSync(join(articles, 'a-draft-about-nets/index.md'), 'utf8').split('\n')[14]).toContain(
        'https://gone.example/net.jpg',
      );
    },
  );

  it('keeps a WordPress draft a draft even with --publish, dated from its local time', async () => {
    const { root, articles } = project();
    await importExport(root, memoryFetcher().fetcher, true);
    const text = readFileSync(join(articles, 'a-draft-about-nets/index.md'), 'utf8');
    expect(text).toContain('pubDate: 2020-01-02T09:00:00+00:00\nauthors:\n  - amara-okafor\nsection: news\n');
    expect(text).toContain('draft: true\n');
    // A link to another post of the export points at its article; other links to the old site stay.
    expect(text).toContain(
      '<p>Nets: <a href="../harbour-light/#top">the lamp</a>, <a href="https://old.example/about/">about</a>.</p>',
    );
  });

  it(
    'imports drafts without --publish, and the result passes the ' +
      'content check once the missing image is dealt with',
    async () => {
      const { root, articles } = project();
      await importExport(root, memoryFetcher().fetcher);
      expect(readFileSync(join(articles, 'harbour-light/index.md'), 'utf8')).toContain('draft: true\n');
      const { writeFileSync } = await import('node:fs');
      const nets = join(articles, 'a-draft-about-nets/index.md');
      writeFileSync(
        nets,
        readFileSync(nets, 'utf8').replace('<img src="https://gone.example/net.jpg" alt="A net">', ''),
      );
      const result = checkProjectContent(pathToFileURL(`${root}/`));
      expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(
        (await bodyImageProblems(result, root)).filter((problem) => problem.severity === 'error'),
      ).toEqual([]);
    },
  );

  it('fetches nothing with --no-fetch (no fetcher) and lists every image left remote', async () => {
    const { root } = project();
    const summary = await importExport(root);
    const notes = summary.imported.flatMap(({ notes }) => notes.map(({ message }) => message));
    expect(notes).toContain(
      'image https://old.example/wp-content/uploads/2019/03/keeper.png not ' +
        'fetched (--no-fetch); download it next to the article and write ./name',
    );
    expect(notes).toContain(
      'featured image https://old.example/wp-content/uploads/2019/03/Lamp-Hero.png ' +
        'not fetched (--no-fetch); download it next to the article and write ./name',
    );
  });

  it(
    "shows a [gallery]'s images from the media library, fetching " +
      'an image used twice once, into one file',
    async () => {
      const { root, articles } = project();
      const { fetcher, requests } = memoryFetcher();
      const summary = await importExport(
        root,
        fetcher,
        false,
        EXPORT.replace('[gallery ids="1,2"]', '[gallery ids="20"]'),
      );
      const text = readFileSync(join(articles, 'harbour-light/index.md'), 'utf8');
      expect(text).toContain('heroImage:\n  src: ./lamp-hero.png\n');
      expect(text).toContain('<p><img src="./lamp-hero.png" alt="The harbour lamp"></p>');
      expect(requests.filter((url) => url.endsWith('Lamp-Hero.png'))).toHaveLength(1);
      expect(summary.imported[0]!.notes).toEqual([
        { line: 0, message: 'category "Weather" is not a section in content/sections.yaml; not kept' },
      ]);
    },
  );

  it('says when a featured image has no alt text, which the article needs before it builds', async () => {
    const { root, articles } = project();
    const summary = await importExport(
      root,
      memoryFetcher().fetcher,
      false,
      EXPORT.replace('<![CDATA[The harbour lamp]]>', '<![CDATA[]]>'),
    );
    expect(readFileSync(join(articles, 'harbour-light/index.md'), 'utf8')).toContain(
      'heroImage:\n  src: ./lamp-hero.png\n  caption: The lamp at dusk.\n',
    );
    expect(summary.imported[0]!.notes.map(({ message }) => message)).toContain(
      'the featured image has no alt text in the export; write ' +
        'heroImage.alt (or decorative: true) before the article can build',
    );
  });

  it('never overwrites an article, and fetches nothing for it', async () => {
    const { root, articles } = project({
      'content/articles/harbour-light/index.md': article({ title: 'Kept' }),
    });
    const { fetcher, requests } = memoryFetcher();
    const summary = await importExport(root, fetcher);
    expect(readFileSync(join(articles, 'harbour-light/index.md'), 'utf8')).toContain('title: Kept');
    expect(summary.skipped[0]).toEqual({
      source: 'export.xml, post 10 "Harbour light & the keeper"',
      reason: `${join(articles, 'harbour-light')} already exists; not overwriting. Rename or remove it first.`,
    });
    expect(requests).toEqual(['https://gone.example/net.jpg']);
  });
});

describe('npm run import-archive with a WordPress export', () => {
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [join(projectRoot, 'scripts/import-archive.ts'), ...args], {
      cwd,
      env: { ...process.env, PUBLISH_NOW: '2026-07-01T08:30:00Z', SITE_TIMEZONE: 'Europe/London' },
      encoding: 'utf8',
    });

  it('reads an .xml file as a WordPress export; --no-fetch keeps it off the network', () => {
    const { root, articles } = project();
    const result = run([join(root, 'export.xml'), '--no-fetch'], root);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Imported 2 \(2 need attention\), skipped 2\./);
    expect(existsSync(join(articles, 'harbour-light/index.md'))).toBe(true);
  });

  it('refuses a file that is not a WordPress export', () => {
    const { root } = project({
      'feed.xml': '<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>',
    });
    const result = run([join(root, 'feed.xml')], root);
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
      status: 1,
      stderr:
        `import-archive: ${join(root, 'feed.xml')}: not a WordPress export ` +
        `(WXR): expected <rss> with a <channel> in the wp: namespace`,
    });
  });
});
