/**
 * Files next to articles (src/lib/article-files.ts, src/integrations/article-files.ts): a link to an
 * allowed file in an article's folder publishes it at the same address; another type, a missing
 * file or one over its limit is a problem at the link's line naming the file and what is published.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devResponse, filesToPublish } from '../../src/integrations/article-files.ts';
import { articleFiles, fileTypeOf, PUBLISHED_FILES_SUMMARY } from '../../src/lib/article-files.ts';
import { articleLinks } from '../../src/lib/article-links.ts';

const root = mkdtempSync(join(tmpdir(), 'article-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, contents = 'x') => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), contents);
};
write('vote/index.md');
write('vote/report.pdf', '%PDF-1.4');
write('vote/data/results 2026.csv', 'a,b\n1,2\n');
write('vote/tool.exe');
write('vote/huge.csv');
truncateSync(join(root, 'vote/huge.csv'), 10 * 1024 * 1024 + 1);
write('other.md');

const articles = [
  { id: 'vote', aliases: ['old-vote'], body: '' },
  { id: 'other', aliases: [], body: '' },
];
const folders = [
  { id: 'vote', file: join(root, 'vote/index.md') },
  { id: 'other', file: join(root, 'other.md') },
];

function check(voteBody: string, otherBody = '') {
  const linked = [
    { ...articles[0]!, body: voteBody },
    { ...articles[1]!, body: otherBody },
  ];
  return articleFiles(folders, articleLinks(linked).files);
}

describe('links to files in an article folder', () => {
  it('publish allowed files at the address the link has, the browser-rendered types as downloads', () => {
    const { problems, files } = check(
      '[report](./report.pdf) and [data](data/results%202026.csv)\n',
      '[their report](../vote/report.pdf) [via alias](../old-vote/report.pdf)\n',
    );
    expect(problems).toEqual([[], []]);
    expect(files.map(({ from, owner, output, download }) => [from, owner, output, download])).toEqual([
      ['vote', 'vote', 'articles/vote/report.pdf', false],
      ['vote', 'vote', 'articles/vote/data/results 2026.csv', true],
      ['other', 'vote', 'articles/vote/report.pdf', false],
      ['other', 'vote', 'articles/vote/report.pdf', false],
    ]);
    expect(files[0]!.source).toBe(join(root, 'vote/report.pdf'));
  });

  it('leave scheme look-alikes alone: the sanitizer drops their href, so they are not files', () => {
    // From the security corpus: the browser would read these as relative paths, the sanitizer as
    // unknown protocols (a colon before any "/", "?" or "#").
    const body =
      '[a](java&#x09;script:alert(1))\n\n[c](&#x01;javascript:alert(1))\n' +
      '\n[d](<java script:alert(1)>)\n\n[e](mailto:desk@example.org)\n';
    expect(check(body)).toEqual({ problems: [[], []], files: [] });
    // A colon after the first slash is part of a path.
    expect(check('[f](./data/a:b.csv)\n').problems).toEqual([
      [expect.objectContaining({ message: expect.stringContaining('a:b.csv') })],
      [],
    ]);
  });

  it('report a type that is not published, naming the file and what is', () => {
    const [[problem]] = check('Text.\n\nGet [the tool](./tool.exe).\n').problems as [
      [{ line: number; column: number; message: string; hint: string }],
    ];
    expect(problem).toEqual({
      line: 3,
      column: 5,
      message: 'the link "./tool.exe" points to tool.exe, a file of a type that is not published',
      hint:
        `files next to an article are published when a body links to them and they ` +
        `are: ${PUBLISHED_FILES_SUMMARY}. Convert it to one of those, or link to where it is hosted`,
    });
    expect(PUBLISHED_FILES_SUMMARY).toContain('pdf up to 25 MB');
  });

  it('report a file over the limit of its type, with its size', () => {
    expect(check('[all of it](./huge.csv)\n').problems[0]).toEqual([
      expect.objectContaining({
        line: 1,
        message:
          'the link "./huge.csv" points to huge.csv, 10.0 MB, more than the 10 MB published for a CSV file',
      }),
    ]);
  });

  it('report a missing file', () => {
    expect(check('[gone](./gone.pdf)\n').problems[0]![0]!.message).toBe(
      'the link "./gone.pdf" points to gone.pdf, which does not exist',
    );
  });

  it('never reach outside the folder, even through an encoded slash', () => {
    write('secret.pdf');
    expect(check('[x](./..%2Fsecret.pdf)\n')).toEqual({
      problems: [
        [
          expect.objectContaining({
            message: 'the link "./..%2Fsecret.pdf" points outside the article\'s folder',
          }),
        ],
        [],
      ],
      files: [],
    });
  });

  it('publish nothing next to a single-file article, which shares its folder with others', () => {
    expect(check('', '[x](./vote/report.pdf)\n')).toEqual({
      problems: [
        [],
        [
          expect.objectContaining({
            message:
              'the link "./vote/report.pdf" points to a file next to /articles/other/, which has no folder of its own',
          }),
        ],
      ],
      files: [],
    });
  });

  it('publish files linked from raw HTML like markdown links: <a href> inline and in an HTML block', () => {
    const body = [
      'See <a href="./report.pdf">the report</a>.',
      '',
      '<div>',
      '  <a title="data" href="data/results%202026.csv">data</a>',
      '</div>',
      '',
    ].join('\n');
    const { problems, files } = check(body, '<p><a href="../vote/report.pdf">their report</a></p>\n');
    expect(problems).toEqual([[], []]);
    expect(files.map(({ from, output }) => [from, output])).toEqual([
      ['vote', 'articles/vote/report.pdf'],
      ['vote', 'articles/vote/data/results 2026.csv'],
      ['other', 'articles/vote/report.pdf'],
    ]);
  });

  it("report a raw HTML link to a missing or unpublished file at its attribute's line and column", () => {
    const html = ['<div>', '  <a href="gone.pdf">x</a>', '</div>'];
    const body = ['Text.', '', '<p>Get <a href="./tool.exe">the tool</a>.</p>', '', ...html, ''].join('\n');
    expect(check(body).problems[0]).toEqual([
      expect.objectContaining({
        line: 3,
        column: 11,
        message: 'the link "./tool.exe" points to tool.exe, a file of a type that is not published',
      }),
      expect.objectContaining({
        line: 6,
        column: 6,
        message: 'the link "gone.pdf" points to gone.pdf, which does not exist',
      }),
    ]);
  });

  it('leave raw HTML links the sanitizer drops, and URLs in elements that are no links, alone', () => {
    const body = '<a href="java&#x09;script:alert(1)">a</a> <a name="x.pdf">b</a> <q cite="./x.pdf">c</q>\n';
    expect(check(body)).toEqual({ problems: [[], []], files: [] });
  });

  it('leave pages, other sites and files outside article folders alone', () => {
    expect(check('[page](../other/) [site](https://example.org/x.exe) [feed](/rss.xml)\n')).toEqual({
      problems: [[], []],
      files: [],
    });
  });
});

describe('types', () => {
  it('serve what a browser would render in the site as downloads, and open PDFs and images in place', () => {
    expect(
      ['page.html', 'x.SVG', 'a.txt', 'b.csv', 'c.json', 'd.xml'].map((name) => fileTypeOf(name)?.download),
    ).toEqual([true, true, true, true, true, true]);
    expect(['a.pdf', 'b.JPG', 'c.png'].map((name) => fileTypeOf(name)?.download)).toEqual([
      false,
      false,
      false,
    ]);
    expect(fileTypeOf('run.sh')).toBeUndefined();
  });
});

describe('what a build publishes', () => {
  it('only files of articles with pages, linked from one, each once', () => {
    const file = (from: string, owner: string, name: string) => ({
      from,
      owner,
      source: `/c/${owner}/${name}`,
      output: `articles/${owner}/${name}`,
      download: false,
    });
    const published = filesToPublish(
      [
        file('a', 'a', 'x.pdf'),
        file('b', 'a', 'x.pdf'),
        file('draft', 'draft', 'y.pdf'),
        file('a', 'draft', 'y.pdf'),
      ],
      new Set(['a', 'b']),
    );
    expect(published.map((entry) => entry.output)).toEqual(['articles/a/x.pdf']);
  });
});

describe('the dev preview', () => {
  const files = [
    { from: 'a', owner: 'a', source: '/c/a/report.pdf', output: 'articles/a/report.pdf', download: false },
    { from: 'a', owner: 'a', source: '/c/a/old.html', output: 'articles/a/old.html', download: true },
  ];

  it('serves a linked file at its published address, a browser-rendered type as a download', () => {
    expect(devResponse(files, '/articles/a/report.pdf')).toEqual({
      source: '/c/a/report.pdf',
      headers: expect.objectContaining({
        'Content-Type': 'application/pdf',
        'X-Content-Type-Options': 'nosniff',
      }),
    });
    expect(devResponse(files, '/articles/a/report.pdf')!.headers).not.toHaveProperty('Content-Disposition');
    expect(devResponse(files, '/articles/a/old.html')!.headers).toMatchObject({
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': 'attachment',
    });
  });

  it('serves nothing else', () => {
    expect(devResponse(files, '/articles/a/other.pdf')).toBeUndefined();
  });
});
