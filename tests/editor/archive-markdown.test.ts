/**
 * The markdown archive importer (npm run import-archive): Jekyll, Hugo and Eleventy posts become
 * articles that pass the content check, front matter mapped field by field, images copied next to
 * the article, drafts unless --publish, nothing overwritten, and a summary saying what needs a look.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyImageProblems, checkProjectContent } from '../../src/integrations/content-check.ts';
import type { ArchiveContext } from '../../src/lib/archive-article.ts';
import { formatSummary, importMarkdownFolder } from '../../src/lib/archive-import.ts';
import { planMarkdownPost, type PlannedArticle } from '../../src/lib/archive-markdown.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { AUTHOR, PIXEL_PNG, article, writeTree } from './fixtures.ts';

const SECTIONS =
  'sections:\n  - slug: news\n    name: News\n    description: What happened today.\n' +
  '  - slug: local-life\n    name: Local life\n    description: Life on the coast.\n';

const CONTEXT: ArchiveContext = {
  sections: [
    { slug: 'news', name: 'News' },
    { slug: 'local-life', name: 'Local life' },
  ],
  defaultSection: 'news',
  authorIds: new Set(['amara-okafor']),
  relationship: 'original',
  publish: false,
  timeZone: 'Europe/London',
  now: '2026-07-01T09:30:00+01:00',
};

const plan = (path: string, text: string, context: Partial<ArchiveContext> = {}) =>
  planMarkdownPost({ path, text }, { ...CONTEXT, ...context }) as PlannedArticle;
const messages = (planned: PlannedArticle) => planned.notes.map(({ line, message }) => `${line}: ${message}`);

describe('markdown post front matter', () => {
  it('maps title, date, dek, categories, tags, authors, aliases and slug', () => {
    const planned = plan(
      '_posts/2019-03-04-harbour-light.md',
      '---\ntitle: The harbour light\ndate: 2019-03-04 10:00:00 +0100\n' +
        'last_modified_at: 2019-03-05T08:00:00Z\nexcerpt: The lamp is lit again.\n' +
        'categories: [Local Life]\ntags: harbour lights\nauthor: Amara Okafor\n' +
        'redirect_from:\n  - /2019/03/old-light.html\n---\nBody.\n',
    );
    expect(planned).toMatchObject({
      slug: 'harbour-light',
      fields: {
        title: 'The harbour light',
        description: 'The lamp is lit again.',
        pubDate: '2019-03-04T10:00:00+01:00',
        updatedDate: '2019-03-05T08:00:00+00:00',
        section: 'local-life',
        tags: ['harbour', 'lights'],
        authors: ['amara-okafor'],
        aliases: ['old-light'],
        sourceDraft: false,
      },
      notes: [],
    });
  });

  it(
    'takes date and slug from a Jekyll file name, the slug from ' +
      'slug: or a permalink, a Hugo bundle from its folder',
    () => {
      expect(plan('_posts/2019-03-04-lamp-lit.md', '---\ntitle: Lamp\n---\nBody.').fields.pubDate).toBe(
        '2019-03-04T00:00:00+00:00',
      );
      expect(plan('_posts/2019-03-04-lamp-lit.md', '---\ntitle: Lamp\n---\nBody.').slug).toBe('lamp-lit');
      expect(plan('posts/x.md', '---\ntitle: Lamp\nslug: The Lamp\ndate: 2020-01-01\n---\nBody.').slug).toBe(
        'the-lamp',
      );
      expect(
        plan('posts/x.md', '---\ntitle: Lamp\npermalink: /blog/lamp-again/\ndate: 2020-01-01\n---\nBody.')
          .slug,
      ).toBe('lamp-again');
      expect(
        plan('posts/x.md', '---\ntitle: Lamp\npermalink: /blog/:title/\ndate: 2020-01-01\n---\nBody.').slug,
      ).toBe('x');
      expect(
        plan('content/posts/lamp-bundle/index.md', '---\ntitle: Lamp\ndate: 2020-01-01\n---\nBody.').slug,
      ).toBe('lamp-bundle');
    },
  );

  it('dates a Zola post by a dated file or folder name (- or _), or an old /YYYY/MM/DD/ address', () => {
    const toml = (fields = '') => `+++\ntitle = "Lamp"\ncategories = ["News"]\n${fields}+++\nBody.`;
    const midnight = { pubDate: '2019-03-04T00:00:00+00:00' };
    const lamp = { slug: 'lamp-lit', fields: midnight, notes: [] };
    expect(plan('content/2019-03-04_lamp-lit.md', toml())).toMatchObject(lamp);
    expect(plan('content/2019-03-04-lamp-lit/index.md', toml())).toMatchObject(lamp);
    // The Rust blog's way: Zola's `path` gives the address and its date; the slug stays the file name's.
    const path = 'path = "2014/12/12/trains"\naliases = ["2014/12/12/1.0-Timeline.html"]\n';
    expect(plan('content/1.0-Timeline.md', toml(path))).toMatchObject({
      slug: '1-0-timeline',
      fields: { pubDate: '2014-12-12T00:00:00+00:00', aliases: ['trains'] },
      notes: [],
    });
    const aliased = plan('content/lamp.md', toml('aliases = ["/2015/05/15/lamp.html"]\n'));
    expect(aliased.fields.pubDate).toBe('2015-05-15T00:00:00+01:00');
    // A date in the front matter wins.
    const dated = plan('content/2019-03-04_lamp.md', toml('date = 2020-01-02\n'));
    expect(dated.fields.pubDate).toBe('2020-01-02T00:00:00+00:00');
  });

  it('names a Middleman-style post.html.md for its page, not with -html', () => {
    expect(plan('content/lamp-lit.html.md', '---\ntitle: Lamp\ndate: 2020-01-01\n---\nBody.').slug).toBe(
      'lamp-lit',
    );
  });

  it('reads Hugo TOML front matter, with description, summary, authors list and aliases', () => {
    const planned = plan(
      'content/posts/lamp.md',
      '+++\ntitle = "Lamp"\ndate = 2020-05-01T12:00:00\nsummary = "Lit."\n' +
        'authors = ["amara-okafor"]\naliases = ["/old/lamp-story/"]\ndraft = true\n+++\nBody.',
    );
    expect(planned.fields).toMatchObject({
      title: 'Lamp',
      pubDate: '2020-05-01T12:00:00+01:00',
      description: 'Lit.',
      authors: ['amara-okafor'],
      aliases: ['lamp-story'],
      sourceDraft: true,
    });
  });

  it(
    'reports categories that are no section, authors without a file, ' +
      'unusable tags and unknown fields, each with its line',
    () => {
      const planned = plan(
        'posts/lamp.md',
        '---\ntitle: Lamp\ndate: 2020-01-01\ncategories:\n  - Weather\n' +
          'author: Jo Bell\ntags: ["東京", "Lamp"]\nmood: calm\n---\nBody.',
      );
      expect(planned.fields).toMatchObject({ section: 'news', authors: [], tags: ['Lamp'] });
      expect(messages(planned)).toEqual([
        '4: category "Weather" is not a section in content/sections.yaml; not kept (section set to news)',
        '6: author "Jo Bell" has no file content/authors/jo-bell.yaml; not credited',
        '7: tag "東京" has no Latin letters or digits for its URL; not kept',
        '8: front-matter fields not imported: mood',
      ]);
    },
  );

  it('takes the first category as the section when the site declares none', () => {
    expect(
      plan('p.md', '---\ntitle: A\ndate: 2020-01-01\ncategory: Weather Watch\n---\nB', {
        sections: undefined,
      }).fields.section,
    ).toBe('weather-watch');
  });

  it('marks drafts the source marks (draft: true, published: false, _drafts/)', () => {
    expect(plan('p.md', '---\ntitle: A\ndate: 2020-01-01\npublished: false\n---\nB').fields.sourceDraft).toBe(
      true,
    );
    expect(
      planMarkdownPost(
        { path: '_drafts/p.md', text: '---\ntitle: A\ndate: 2020-01-01\n---\nB', inDrafts: true },
        CONTEXT,
      ),
    ).toMatchObject({ fields: { sourceDraft: true } });
  });

  it("falls back to a Jekyll file name's date when the front matter's is not a date", () => {
    const planned = plan(
      '_posts/2023-01-29-lamp.md',
      '---\ntitle: Lamp\ndate: 2023-01-29 18:30:22 2023 -0800\ncategories: news\n---\nBody.',
    );
    expect(planned.fields.pubDate).toBe('2023-01-29T00:00:00+00:00');
    expect(messages(planned)).toEqual([
      '3: date "2023-01-29 18:30:22 2023 -0800" is not a date; pubDate set to the file name\'s date',
    ]);
  });

  it('fills a missing title and date, and says so', () => {
    const planned = plan('posts/lamp-night.md', '---\nlayout: post\n---\nBody.');
    expect(planned.fields).toMatchObject({ title: 'Lamp night', pubDate: CONTEXT.now });
    expect(messages(planned)).toEqual([
      '1: no title; "Lamp night" made from the file name',
      "1: no date; pubDate set to the import's time",
      '1: no category; section set to news',
    ]);
  });

  it('skips files that are not posts', () => {
    expect(planMarkdownPost({ path: 'README.md', text: '# Read me' }, CONTEXT)).toEqual({
      kind: 'skipped',
      reason: 'no front matter (--- lines at the top): not a post',
    });
    expect(
      planMarkdownPost({ path: 'content/posts/_index.md', text: '---\ntitle: Posts\n---\n' }, CONTEXT),
    ).toMatchObject({ kind: 'skipped', reason: 'a Hugo list page (_index.md), not a post' });
    expect(planMarkdownPost({ path: 'p.md', text: '---\ntitle: [unclosed\n---\n' }, CONTEXT)).toMatchObject({
      kind: 'skipped',
      reason: expect.stringContaining('not valid YAML'),
    });
  });
});

let trees: ReturnType<typeof writeTree>[] = [];
afterEach(() => {
  trees.forEach((tree) => tree.cleanup());
  trees = [];
});

/** A project (sections, one author) and an old site beside it. */
function fixture(site: Record<string, string | Buffer>, project: Record<string, string | Buffer> = {}) {
  const tree = writeTree({
    'project/content/sections.yaml': SECTIONS,
    'project/content/authors/amara-okafor.yaml': AUTHOR,
    ...Object.fromEntries(Object.entries(project).map(([path, text]) => [`project/${path}`, text])),
    ...Object.fromEntries(Object.entries(site).map(([path, text]) => [`site/${path}`, text])),
  });
  trees.push(tree);
  return {
    project: join(tree.root, 'project'),
    site: join(tree.root, 'site'),
    articles: join(tree.root, 'project/content/articles'),
  };
}

const importInto = (paths: ReturnType<typeof fixture>, folder: string, publish = false) =>
  importMarkdownFolder(join(paths.site, folder), {
    projectRoot: paths.project,
    articlesDir: paths.articles,
    context: {
      defaultSection: 'news',
      relationship: 'original',
      publish,
      timeZone: 'Europe/London',
      now: '2026-07-01T09:30:00+01:00',
    },
  });

const JEKYLL_POST = `---
layout: post
title: "Harbour light: lit again"
date: 2019-03-04 10:00:00 +0100
categories: news
author: amara-okafor
---

The lamp ![The lamp at dusk]({{ site.baseurl }}/assets/img/Lamp%20Dusk.png) shone.

<img src="/assets/img/Lamp%20Dusk.png" alt="Again"> and <img src="../assets/img/keeper.png" alt="The keeper">

![Gone](/assets/img/missing.png)

![Remote](https://cdn.example.com/a.png)
`;

describe('importing a folder of markdown posts', () => {
  it('writes Jekyll posts as drafts that pass the content check, images copied and rewritten to ./name', async () => {
    const paths = fixture({
      '_config.yml': 'title: Old site\n',
      '_posts/2019-03-04-harbour-light.md': JEKYLL_POST,
      'assets/img/Lamp Dusk.png': PIXEL_PNG,
      'assets/img/keeper.png': PIXEL_PNG,
    });
    const summary = importInto(paths, '_posts');
    const target = join(paths.articles, 'harbour-light/index.md');
    expect(summary.imported.map(({ target }) => target)).toEqual([target]);
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('# Imported from _posts/2019-03-04-harbour-light.md.\n');
    expect(text).toContain(
      'title: "Harbour light: lit again"\npubDate: 2019-03-04T10:00:00+01:00\n' +
        'authors:\n  - amara-okafor\nsection: news\n',
    );
    expect(text).toContain('source:\n  relationship: original\ndraft: true\n---');
    expect(text).toContain('The lamp ![The lamp at dusk](./lamp-dusk.png) shone.');
    expect(text).toContain(
      '<img src="./lamp-dusk.png" alt="Again"> and <img src="./keeper.png" alt="The keeper">',
    );
    expect(existsSync(join(paths.articles, 'harbour-light/lamp-dusk.png'))).toBe(true);
    expect(existsSync(join(paths.articles, 'harbour-light/keeper.png'))).toBe(true);
    expect(summary.imported[0]!.notes).toEqual([
      {
        line: 13,
        message: "image /assets/img/missing.png was not found in the post's folder or the site; not copied",
      },
      {
        line: 15,
        message:
          'image https://cdn.example.com/a.png is on another site; download it next to the article and write ./name',
      },
    ]);

    // Once the editor deals with the two images listed, the article passes the whole check.
    writeFileSync(target, text.replace(/\n!\[Gone\].*\n/, '\n').replace(/\n!\[Remote\].*\n/, '\n'));
    const result = checkProjectContent(pathToFileURL(`${paths.project}/`));
    expect(result.problems).toEqual([]);
    expect(await bodyImageProblems(result, paths.project)).toEqual([]);
  });

  it('copies a Hugo page bundle image and passes the check as published with --publish', async () => {
    const paths = fixture({
      'hugo.toml': 'title = "Old"\n',
      'content/posts/lamp/index.md':
        '+++\ntitle = "Lamp"\ndate = 2020-05-01T12:00:00Z\ncategories = ["News"]\n' +
        'tags = ["Harbour"]\n+++\n\n{{< figure src="lamp.png" alt="The ' +
        'lamp" caption="Lit again" >}}\n\n{{< youtube aBcDeFgHiJk >}}\n',
      'content/posts/lamp/lamp.png': PIXEL_PNG,
    });
    const summary = importInto(paths, 'content/posts', true);
    const text = readFileSync(join(paths.articles, 'lamp/index.md'), 'utf8');
    expect(text).not.toContain('draft');
    expect(text).toContain(
      '---\n\n![The lamp](./lamp.png)\n\n*Lit again*\n\nhttps://www.youtube.com/watch?v=aBcDeFgHiJk\n',
    );
    expect(summary.imported[0]!.notes).toEqual([]);
    const result = checkProjectContent(pathToFileURL(`${paths.project}/`));
    expect(result.problems).toEqual([]);
    expect(await bodyImageProblems(result, paths.project)).toEqual([]);
  });

  it(
    'points links between imported posts at their new addresses, ' +
      'lists old-site links it cannot, and leaves code alone',
    () => {
      const paths = fixture({
        '_config.yml': 'title: Old\n',
        '_posts/2019-03-04-lamp.md': '---\ntitle: Lamp\ncategories: news\n---\n\n## At dusk\n\nLit.\n',
        '_posts/2019-03-05-keeper.md':
          '---\ntitle: Keeper\ncategories: news\n---\n\n' +
          'See [the lamp]({% post_url 2019-03-04-lamp %}), [at dusk](/2019/03/04/lamp.html#at-dusk), ' +
          '<a href="/2019/03/04/lamp/">again</a> and [tags](/tags/lamp/).\n' +
          '\n```md\n[old](/2019/03/04/lamp.html) ![x](/assets/x.png)\n```\n',
      });
      const summary = importInto(paths, '_posts');
      const text = readFileSync(join(paths.articles, 'keeper/index.md'), 'utf8');
      expect(text).toContain(
        'See [the lamp](../lamp/), [at dusk](../lamp/#at-dusk), <a href="../lamp/">again</a> and ' +
          '[tags](/tags/lamp/).\n\n```md\n[old](/2019/03/04/lamp.html) ![x](/assets/x.png)\n```\n',
      );
      expect(summary.imported[1]!.notes).toEqual([
        {
          line: 6,
          message:
            'link /tags/lamp/ is an address on the old site and matches ' +
            "no imported post; the build's link check will refuse it",
        },
      ]);
      // The content check reads links between articles: these name an article and a heading that exist.
      const keeper = join(paths.articles, 'keeper/index.md');
      writeFileSync(keeper, text.replace(' and [tags](/tags/lamp/)', ''));
      expect(checkProjectContent(pathToFileURL(`${paths.project}/`)).problems).toEqual([]);
    },
  );

  it('keeps an old address two posts share for the first only, so no redirect goes two ways', () => {
    const paths = fixture({
      'posts/2019-meeting.md':
        '---\ntitle: Meeting 2019\ndate: 2019-01-01\ncategories: news\n' +
        'aliases: [/2019/01/01/meeting.html]\n---\nOne.\n',
      'posts/2020-meeting.md':
        '---\ntitle: Meeting 2020\ndate: 2020-01-01\ncategories: news\n' +
        'aliases: [/2020/01/01/meeting.html, /2019-meeting/]\n---\nTwo.\n',
    });
    const summary = importInto(paths, 'posts');
    expect(readFileSync(join(paths.articles, '2019-meeting/index.md'), 'utf8')).toContain(
      'aliases:\n  - meeting\n',
    );
    expect(readFileSync(join(paths.articles, '2020-meeting/index.md'), 'utf8')).not.toContain('aliases');
    expect(summary.imported[1]!.notes).toEqual([
      { line: 1, message: 'old address "meeting" is another post\'s too; no redirect from it here' },
      { line: 1, message: 'old address "2019-meeting" is another post\'s too; no redirect from it here' },
    ]);
    expect(checkProjectContent(pathToFileURL(`${paths.project}/`)).problems).toEqual([]);
  });

  it("finds site-absolute images in public/ and links to a post.html.md by its page's address", () => {
    const paths = fixture({
      'content/lamp.html.md':
        '---\ntitle: Lamp\ndate: 2020-01-01\ncategory: News\n---\n\n![The lamp](/images/lamp.png)\n',
      'content/harbour.md':
        '---\ntitle: Harbour\ndate: 2020-01-02\ncategory: News\n---\n\nSee [the lamp](/blog/lamp/).\n',
      'public/images/lamp.png': PIXEL_PNG,
    });
    const summary = importInto(paths, 'content');
    expect(summary.imported.flatMap(({ notes }) => notes)).toEqual([]);
    expect(readFileSync(join(paths.articles, 'lamp/index.md'), 'utf8')).toContain('![The lamp](./lamp.png)');
    expect(existsSync(join(paths.articles, 'lamp/lamp.png'))).toBe(true);
    expect(readFileSync(join(paths.articles, 'harbour/index.md'), 'utf8')).toContain(
      'See [the lamp](../lamp/).',
    );
  });

  it('copies files a post links to (a text file, a page kept beside it), links pointed at them', async () => {
    const links = '[text](application.txt), [timing](2022-04-07-timing.html#top)';
    const body = `${links}, ![C](chart.png) [big](chart.png)`;
    const paths = fixture({
      'content/reach/index.md': `---\ntitle: Reach\ndate: 2020-01-01\ncategory: News\n---\n\n${body}\n`,
      'content/reach/application.txt': 'Questions.\n',
      'content/reach/2022-04-07-timing.html': '<p>Timing</p>\n',
      'content/reach/chart.png': PIXEL_PNG,
    });
    const summary = importInto(paths, 'content');
    expect(summary.imported[0]!.notes).toEqual([]);
    const folder = join(paths.articles, 'reach');
    const text = readFileSync(join(folder, 'index.md'), 'utf8');
    expect(text).toContain('[text](./application.txt), [timing](./2022-04-07-timing.html#top), ');
    expect(text).toContain('![C](./chart.png) [big](./chart.png)');
    const files = ['2022-04-07-timing.html', 'application.txt', 'chart.png', 'index.md'];
    expect(readdirSync(folder).sort()).toEqual(files);
    const result = checkProjectContent(pathToFileURL(`${paths.project}/`));
    expect(result.problems).toEqual([]);
    expect(await bodyImageProblems(result, paths.project)).toEqual([]);
  });

  it("points Zola's @/ links, bare name.html links and links wrapping lines at the imported posts", () => {
    const links = '[Q3](@/inside/q3-plan.md#plans), [Q4](@/inside/q4-plan/index.md), [3](q3-plan.html#plans)';
    // Reference-style: the definitions hold the addresses (q3 is Q3's old address, an alias).
    const wrapped = '[the\nplan](/2020/q3-plan.html) [plan][q3] [team][]\n\n[q3]: /q3.html\n[team]: /team';
    const paths = fixture({
      'config.toml': 'base_url = "https://old.example"\n',
      'content/inside/q3-plan.md': '+++\ntitle = "Q3"\ndate = 2020-01-01\naliases = ["/q3.html"]\n+++\n\nQ3.',
      'content/inside/q4-plan/index.md': '+++\ntitle = "Q4"\ndate = 2020-01-02\n+++\n\nBody.\n',
      'content/recap.md': `+++\ntitle = "Recap"\ndate = 2020-01-03\n+++\n\n${links}\n${wrapped}\n`,
    });
    const summary = importInto(paths, 'content');
    const text = readFileSync(join(paths.articles, 'recap/index.md'), 'utf8');
    expect(text).toContain('[Q3](../q3-plan/#plans), [Q4](../q4-plan/), [3](../q3-plan/#plans)\n');
    expect(text).toContain('[the\nplan](../q3-plan/) [plan][q3] [team][]\n\n');
    expect(text).toContain('[q3]: ../q3-plan/\n[team]: /team');
    const recap = summary.imported.find(({ source }) => source === 'content/recap.md')!;
    expect(recap.notes.filter(({ message }) => message.includes('/team'))).toEqual([
      { line: 11, message: expect.stringMatching(/^link \/team is an address on the old site/) },
    ]);
  });

  it('copies images whose markdown or <img> tag wraps onto the next line, each noted at its address', () => {
    const shown = '![A diagram of\nthe server](/img/a.png)\n\n<img\nsrc="/img/b.png"> [a\nfile](/img/a.png)';
    const body = `${shown}\n\n![Gone\nnow](/img/c.png)`;
    const paths = fixture({
      'content/lamp.md': `---\ntitle: Lamp\ndate: 2020-01-01\ncategory: News\n---\n\n${body}\n`,
      'public/img/a.png': PIXEL_PNG,
      'public/img/b.png': PIXEL_PNG,
    });
    const summary = importInto(paths, 'content');
    const text = readFileSync(join(paths.articles, 'lamp/index.md'), 'utf8');
    expect(text).toContain('![A diagram of\nthe server](./a.png)\n\n<img\nsrc="./b.png">');
    expect(text).toContain(' [a\nfile](./a.png)\n');
    expect(text).toContain('![Gone\nnow](/img/c.png)');
    expect(summary.imported[0]!.notes).toEqual([
      { line: 15, message: "image /img/c.png was not found in the post's folder or the site; not copied" },
    ]);
  });

  it('copies reference-style images and rewrites their definitions', () => {
    const paths = fixture({
      'posts/a/index.md':
        '---\ntitle: A\ndate: 2020-01-01\ncategories: news\n---\n\n[![Chart][chart-thumb]][chart]\n' +
        '\n[chart-thumb]: chart%20thumb.png\n[chart]: https://example.com/chart\n',
      'posts/a/chart thumb.png': PIXEL_PNG,
    });
    expect(importInto(paths, 'posts').imported[0]!.notes).toEqual([]);
    expect(readFileSync(join(paths.articles, 'a/index.md'), 'utf8')).toContain(
      '[![Chart][chart-thumb]][chart]\n\n[chart-thumb]: ./chart-thumb.png\n[chart]: https://example.com/chart\n',
    );
    expect(existsSync(join(paths.articles, 'a/chart-thumb.png'))).toBe(true);
  });

  it(
    "takes a theme's lead image (featureImage, cover, header.image…) " +
      'as heroImage with its alt text and caption',
    async () => {
      const paths = fixture({
        'hugo.toml': '',
        'content/posts/lamp/index.md':
          '---\ntitle: Lamp\ndate: 2020-01-01\ncategories: news\n' +
          'featureImage: sunset.jpg\nfeatureImageAlt: The sun sets behind the lamp\n' +
          'featureImageCap: Dusk on Friday.\n---\nBody.\n',
        'content/posts/lamp/sunset.jpg': PIXEL_PNG,
        'content/posts/keeper/index.md':
          '---\ntitle: Keeper\ndate: 2020-01-01\ncategories: news\ncover:\n  image: /images/keeper.png\n---\nBody.\n',
        'static/images/keeper.png': PIXEL_PNG,
        'content/posts/nets/index.md':
          '---\ntitle: Nets\ndate: 2020-01-01\ncategories: news\nheader: Nets of the harbour\n---\nBody.\n',
      });
      const summary = importInto(paths, 'content/posts');
      expect(readFileSync(join(paths.articles, 'lamp/index.md'), 'utf8')).toContain(
        'heroImage:\n  src: ./sunset.jpg\n  alt: The sun sets behind the lamp\n  caption: Dusk on Friday.\n',
      );
      expect(readFileSync(join(paths.articles, 'keeper/index.md'), 'utf8')).toContain(
        'heroImage:\n  src: ./keeper.png\nsource:',
      );
      expect(readFileSync(join(paths.articles, 'nets/index.md'), 'utf8')).not.toContain('heroImage');
      expect(summary.imported.map(({ notes }) => notes)).toEqual([
        [
          {
            line: 5,
            message:
              'the lead image has no alt text; write heroImage.alt (or decorative: true) before the article can build',
          },
        ],
        [],
        [],
      ]);
      writeFileSync(
        join(paths.articles, 'keeper/index.md'),
        readFileSync(join(paths.articles, 'keeper/index.md'), 'utf8').replace(
          'src: ./keeper.png',
          'src: ./keeper.png\n  alt: The keeper',
        ),
      );
      const result = checkProjectContent(pathToFileURL(`${paths.project}/`));
      expect(result.problems).toEqual([]);
      expect(await bodyImageProblems(result, paths.project)).toEqual([]);
    },
  );

  it("keeps the old site's heading ids where they differ from this site's; it passes the check", () => {
    const body = "## Rust 1.0: ready\n\nSee [below](#the-lamp-s-light).\n\n## The lamp's light\n\n## Plain\n";
    const paths = fixture({
      'config.toml': 'base_url = "https://old.example"\n',
      'content/lamp.md': `+++\ntitle = "Lamp"\ndate = 2020-05-01\ncategories = ["News"]\n+++\n\n${body}`,
    });
    const summary = importInto(paths, 'content');
    const text = readFileSync(join(paths.articles, 'lamp/index.md'), 'utf8');
    expect(text).toContain('## Rust 1.0: ready {#rust-1-0-ready}\n\nSee [below](#the-lamp-s-light).\n\n');
    expect(text).toContain("## The lamp's light {#the-lamp-s-light}\n\n## Plain\n");
    expect(summary.imported[0]!.notes).toEqual([]);
    expect(checkProjectContent(pathToFileURL(`${paths.project}/`)).problems).toEqual([]);
  });

  it('keeps a draft the source marks as one even with --publish', () => {
    const paths = fixture({ 'posts/a.md': '---\ntitle: A\ndate: 2020-01-01\ndraft: true\n---\nBody.\n' });
    importInto(paths, 'posts', true);
    expect(readFileSync(join(paths.articles, 'a/index.md'), 'utf8')).toContain('draft: true\n');
  });

  it(
    'never overwrites: an existing article is skipped and left as ' +
      'it was; a second post with the same slug gets its own',
    () => {
      const paths = fixture(
        {
          'posts/taken.md': '---\ntitle: New\ndate: 2020-01-01\n---\nNew.\n',
          'posts/2020-01-01-twin.md': '---\ntitle: One\n---\nOne.\n',
          'posts/twin.md': '---\ntitle: Two\ndate: 2020-01-02\n---\nTwo.\n',
          'posts/notes.txt': 'not markdown',
          'posts/README.md': '# About',
        },
        { 'content/articles/taken/index.md': article({ title: 'Old' }) },
      );
      const summary = importInto(paths, 'posts');
      expect(readFileSync(join(paths.articles, 'taken/index.md'), 'utf8')).toContain('title: Old');
      expect(readFileSync(join(paths.articles, 'twin/index.md'), 'utf8')).toContain('title: One');
      expect(readFileSync(join(paths.articles, 'twin-2/index.md'), 'utf8')).toContain('title: Two');
      expect(summary.imported.find(({ source }) => source === 'posts/twin.md')?.notes).toContainEqual({
        line: 1,
        message: 'another post of this import has the slug "twin"; imported as "twin-2"',
      });
      expect(summary.skipped).toEqual([
        { source: 'posts/README.md', reason: 'no front matter (--- lines at the top): not a post' },
        {
          source: 'posts/taken.md',
          reason: `${join(paths.articles, 'taken')} already exists; not overwriting. Rename or remove it first.`,
        },
      ]);
      // Run again: everything is there, so everything is skipped and nothing changes.
      const again = importInto(paths, 'posts');
      expect(again.imported).toEqual([]);
      expect(again.skipped.map(({ source }) => source)).toEqual([
        'posts/2020-01-01-twin.md',
        'posts/README.md',
        'posts/taken.md',
        'posts/twin.md',
      ]);
    },
  );

  it('prints a summary: imported, needs attention with file:line and reason, skipped and why', () => {
    const paths = fixture({
      'posts/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n\n{% include x.html %}\n',
      'posts/b.md': 'no front matter',
    });
    const text = formatSummary(importInto(paths, 'posts'), paths.project);
    expect(text).toBe(
      [
        'Imported 1 (1 need attention), skipped 1.',
        '',
        'Imported:',
        '  content/articles/a/index.md  (from posts/a.md)',
        '',
        'Needs attention:',
        '  content/articles/a/index.md',
        '    posts/a.md:1  no category; section set to news',
        '    posts/a.md:6  template tag not converted, left as text: {% include x.html %}',
        '',
        'Skipped:',
        '  posts/b.md: no front matter (--- lines at the top): not a post',
        '',
        'Needs attention, by kind (fix these in bulk first):',
        '      1  no category; section set to news',
        '      1  template tag not converted, left as text',
      ].join('\n'),
    );
  });
});

describe('npm run import-archive', () => {
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [join(projectRoot, 'scripts/import-archive.ts'), ...args], {
      cwd,
      env: { ...process.env, PUBLISH_NOW: '2026-07-01T08:30:00Z', SITE_TIMEZONE: 'Europe/London' },
      encoding: 'utf8',
    });

  it('imports a folder into the project it runs in and prints the summary', () => {
    const paths = fixture({ 'posts/2019-03-04-a.md': '---\ntitle: A\ncategories: news\n---\nBody.\n' });
    const result = run([join(paths.site, 'posts'), '--relationship', 'adapted'], paths.project);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      'Imported 1 (0 need attention), skipped 0.\n\nImported:\n' +
        '  content/articles/a/index.md  (from posts/2019-03-04-a.md)',
    );
    expect(readFileSync(join(paths.articles, 'a/index.md'), 'utf8')).toContain(
      'source:\n  relationship: adapted\ndraft: true\n',
    );
    expect(checkProjectContent(pathToFileURL(`${paths.project}/`)).problems).toEqual([]);
  });

  it('explains its usage and refuses what it cannot read', () => {
    const paths = fixture({ 'posts/a.md': '---\ntitle: A\n---\n' });
    expect(run([], paths.project)).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('usage: npm run import-archive -- <folder | export.xml>'),
    });
    expect(run([join(paths.site, 'nope')], paths.project).stderr).toContain('nope: no such file or folder.');
    expect(run([join(paths.site, 'posts/a.md'), '--from', 'markdown'], paths.project).stderr).toContain(
      'a.md: not a folder of markdown posts.',
    );
    expect(run([join(paths.site, 'posts'), '--from', 'blogger'], paths.project).stderr).toContain(
      '--from "blogger" must be markdown',
    );
    expect(run([join(paths.site, 'posts'), '--relationship', 'stolen'], paths.project).stderr).toContain(
      '--relationship "stolen" must be one of original, syndicated, adapted, excerpt.',
    );
  });
});
