/**
 * Every content mistake an editor can make, shown where the editor looks: one `astro dev` server
 * takes the mistakes in sequence. For each, the terminal names file, line and field without a
 * stack trace, Chromium shows the problem panel naming file and field instead of a page built
 * from invalid data, and after the fix the page renders again without a restart. Then
 * `astro build` on all the mistakes at once exits 1 with the same list and no "unhandled error".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { astroBuild, buildEnvironment, copyProject, projectRoot } from '../helpers/build-site.ts';
import { AUTHOR, article, PIXEL_PNG, writeTree } from '../editor/fixtures.ts';

const HARBOUR = 'content/articles/harbour/index.md';
const OTHER = 'content/articles/other/index.md';
const SECTIONS = 'sections:\n  - slug: news\n    name: News\n    description: What happened today.\n';
const harbour = (fields: Record<string, string> = {}, body?: string) =>
  article({ title: 'Harbour', authors: '[amara-okafor]', ...fields }, body);

interface Mistake {
  name: string;
  /** The broken file(s): path -> contents. */
  broken: Record<string, string>;
  /** What the terminal prints after `file:line:col  ` of the first broken file. */
  reported: string;
  /** The field the browser panel names. */
  field: string;
  /** Files written to fix it (path -> contents); a path mapped to null is deleted. */
  fix: Record<string, string | Buffer | null>;
}

const MISTAKES: Mistake[] = [
  {
    name: 'a missing title',
    broken: { [HARBOUR]: harbour({ title: '' }) },
    reported: 'title: required field is missing',
    field: 'title',
    fix: { [HARBOUR]: harbour() },
  },
  {
    name: 'a date without timezone',
    broken: { [HARBOUR]: harbour({ pubDate: '2026-11-29 09:00:00' }) },
    reported: 'pubDate: ',
    field: 'pubDate',
    fix: { [HARBOUR]: harbour() },
  },
  {
    name: 'February 30',
    broken: { [HARBOUR]: harbour({ pubDate: '2026-02-30T09:00:00+00:00' }) },
    reported: 'pubDate: "2026-02-30T09:00:00+00:00" is not a real calendar date',
    field: 'pubDate',
    fix: { [HARBOUR]: harbour() },
  },
  {
    name: 'author: for authors:',
    broken: { [HARBOUR]: article({ title: 'Harbour', author: '[amara-okafor]' }) },
    reported: 'author: unknown field "author"',
    field: 'author',
    fix: { [HARBOUR]: harbour() },
  },
  {
    name: 'tags as a string',
    broken: { [HARBOUR]: harbour({ tags: 'Coast' }) },
    reported: 'tags: wrong type',
    field: 'tags',
    fix: { [HARBOUR]: harbour() },
  },
  {
    name: 'a tab in YAML',
    broken: { [HARBOUR]: harbour({ source: '\n\trelationship: original' }) },
    reported: '(YAML syntax): YAML syntax error: this line contains a tab',
    field: '(YAML syntax)',
    fix: { [HARBOUR]: harbour() },
  },
  {
    name: 'a mistake in a file with a BOM and CRLF line ends',
    broken: { [HARBOUR]: `\uFEFF${harbour({ titel: 'Harbour' }).replace(/\n/g, '\r\n')}` },
    reported: 'titel: unknown field "titel"',
    field: 'titel',
    fix: { [HARBOUR]: `\uFEFF${harbour().replace(/\n/g, '\r\n')}` },
  },
  {
    name: 'an unknown author id',
    broken: { [HARBOUR]: harbour({ authors: '[amara-okafr]' }) },
    reported: 'authors[0]: unknown author "amara-okafr"',
    field: 'authors[0]',
    fix: { [HARBOUR]: harbour() },
  },
  {
    name: 'a missing author file',
    broken: { [HARBOUR]: harbour({ authors: '[jo-bell]' }) },
    reported: 'authors[0]: unknown author "jo-bell"',
    field: 'authors[0]',
    fix: { 'content/authors/jo-bell.yaml': 'name: Jo Bell\nbio: Jo Bell writes about the harbour.\n' },
  },
  {
    name: 'a hero image missing on disk',
    broken: { [HARBOUR]: harbour({ heroImage: '\n  src: ./lighthouse.png\n  alt: The lighthouse' }) },
    reported: 'heroImage.src: the image "./lighthouse.png" does not exist',
    field: 'heroImage.src',
    fix: { 'content/articles/harbour/lighthouse.png': PIXEL_PNG },
  },
  {
    name: 'an unknown section',
    broken: { [HARBOUR]: harbour({ section: 'nwes' }) },
    reported: 'section: unknown section "nwes"',
    field: 'section',
    fix: { [HARBOUR]: harbour() },
  },
  {
    name: 'a link to a missing article',
    broken: { [HARBOUR]: harbour({}, 'See [the other story](../othre/).\n') },
    reported: '(body link): the link "../othre/" points to /articles/othre/, but no article has that slug',
    field: '(body link)',
    fix: { [HARBOUR]: harbour() },
  },
  {
    name: 'a duplicate slug',
    broken: { [OTHER]: article({ title: 'Other', slug: 'harbour' }) },
    reported: 'slug: the URL /articles/harbour/ is also claimed by content/articles/harbour/index.md',
    field: 'slug',
    fix: { [OTHER]: article({ title: 'Other' }) },
  },
];

let root: string;
let tree: ReturnType<typeof writeTree>;
let dev: ChildProcess;
let browser: Browser;
let output = '';
let origin = '';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const problemLine = (file: string, reported: string) =>
  new RegExp(`${escape(file)}:\\d+:\\d+ {2}${escape(reported)}`);
const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n|Stack trace|TypeError|An unhandled error/;

/**
 * A hang backstop that explains itself: vitest's own timeout would say only "timed out". Generous,
 * since it is not a speed check.
 */
const STUCK_AFTER_MS = 150_000;
const stuck = (what: string, from: number) =>
  new Error(`${what}; the dev server printed since:\n${output.slice(from)}`);

/**
 * `promise`, or an error naming `what` once STUCK_AFTER_MS passed (fetch and Playwright calls can otherwise
 * wait for minutes).
 */
function within<T>(what: string, promise: Promise<T>): Promise<T> {
  const from = output.length;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(stuck(`${what} did not finish`, from)), STUCK_AFTER_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves once the dev server has printed, after `from` characters of its output, something matching `pattern`. */
const printed = (pattern: RegExp, from = 0, limit = STUCK_AFTER_MS) =>
  new Promise<void>((resolve, reject) => {
    const look = () => {
      if (!pattern.test(output.slice(from))) return;
      stop();
      resolve();
    };
    const timer = setTimeout(() => {
      stop();
      reject(stuck(`nothing matched ${pattern}`, from));
    }, limit);
    const stop = () => {
      clearTimeout(timer);
      dev.stdout!.off('data', look);
      dev.stderr!.off('data', look);
    };
    dev.stdout!.on('data', look);
    dev.stderr!.on('data', look);
    look();
  });

/** Waits until `path` renders as a page with the heading `h1` (the content layer reloads the file after the check). */
async function renders(path: string, h1: string): Promise<void> {
  const from = output.length;
  const since = Date.now();
  let last = '';
  while (Date.now() - since < STUCK_AFTER_MS) {
    const response = await within(`GET ${path}`, fetch(`${origin}${path}`));
    const html = await within(`reading ${path}`, response.text());
    const heading = parseHTML(html).document.querySelector('h1')?.textContent;
    if (response.status === 200 && heading === h1) return;
    last = `${response.status} with h1 ${JSON.stringify(heading)}`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw stuck(`${path} never rendered with h1 "${h1}" (last: ${last})`, from);
}

/**
 * The text of `selector` on `path`, as Chromium shows it, in a fresh tab: the dev server reloads
 * open tabs when content changes, which could cut into a navigation of a reused one.
 */
async function shownText(path: string, selector: string): Promise<string> {
  const tab = await within(`opening a tab for ${path}`, browser.newPage());
  try {
    await within(`loading ${path} in Chromium`, tab.goto(`${origin}${path}`, { waitUntil: 'commit' }));
    return await within(`reading ${selector} on ${path} in Chromium`, tab.locator(selector).innerText());
  } finally {
    // Not awaited: on a loaded machine Chromium has been seen to take minutes to confirm a closed
    // tab of the dev server, which says nothing about the preview; the browser closes them all.
    void tab.close().catch(() => undefined);
  }
}

/**
 * Saves `files` and waits until the dev server prints `pattern`. A save the server has not reacted
 * to after 20 s is made once more, as an editor would, and said on the test's output: on a loaded
 * 2-core machine the file watcher has been seen to miss one (the check never ran), which is the
 * watcher's loss, not the preview's. The second save must get its answer.
 */
async function save(files: Record<string, string | Buffer | null>, pattern: RegExp): Promise<void> {
  const from = output.length;
  write(files);
  try {
    await printed(pattern, from, 20_000);
  } catch {
    console.warn(
      `editor-preview: no reaction to saving ${Object.keys(files).join(', ')} within 20 s; saving again`,
    );
    write(files);
    await printed(pattern, from);
  }
}

/**
 * Saves as many editors do, atomically (a whole new file renamed over the old one): a watcher event
 * fired between writeFileSync's truncate and its write, which a busy machine can stretch, would let
 * the check read an empty file and miss the real save.
 */
function write(files: Record<string, string | Buffer | null>) {
  for (const [path, contents] of Object.entries(files)) {
    if (contents === null) unlinkSync(join(root, path));
    else {
      writeFileSync(join(root, '.saving'), contents);
      renameSync(join(root, '.saving'), join(root, path));
    }
  }
}

beforeAll(async () => {
  tree = writeTree({
    'content/authors/amara-okafor.yaml': AUTHOR,
    'content/sections.yaml': SECTIONS,
    [HARBOUR]: harbour(),
    [OTHER]: article({ title: 'Other' }),
  });
  root = copyProject({ contentDir: join(tree.root, 'content') });
  // Without vitest's variables: with VITEST set, `astro dev` serves no routes.
  const env = Object.fromEntries(
    Object.entries(buildEnvironment(root, { ASTRO_CACHE_DIR: join(root, '.cache-dev') })).filter(
      ([name]) => !name.startsWith('VITEST'),
    ),
  );
  dev = spawn(
    process.execPath,
    [
      join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--root',
      root,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    { cwd: root, env },
  );
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  await printed(/http:\/\/127\.0\.0\.1:\d+\//);
  origin = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)![1]!;
  browser = await launchChromium();
  await renders('/articles/harbour/', 'Harbour');
});
afterAll(async () => {
  await browser?.close();
  dev?.kill();
  if (root) rmSync(root, { recursive: true, force: true });
  tree?.cleanup();
});

describe('npm run dev, one mistake after another', () => {
  it.each(MISTAKES)(
    '$name: terminal and browser name it; the fix shows without a restart',
    async ({ broken, reported, field, fix }) => {
      const [file] = Object.keys(broken);
      const before = output.length;
      await save(broken, problemLine(file!, reported));
      // No page is rendered from the broken data: every page answers with the whole site's
      // problems, and Chromium shows them (one page in the browser: the panel is the same page).
      for (const path of ['/articles/harbour/', '/articles/other/', '/']) {
        const response = await within(`GET ${path}`, fetch(`${origin}${path}`));
        expect(response.status).toBe(500);
        const html = await within(`reading ${path}`, response.text());
        const panel = parseHTML(html).document.querySelector('#content-problems')?.textContent;
        expect(panel).toContain(file);
        expect(panel).toContain(field);
      }
      const shown = await shownText('/articles/harbour/', '#content-problems');
      expect(shown).toContain(file);
      expect(shown).toContain(field);
      // A browser also asks for /favicon.ico, which no file answers: the dev server must not render
      // its 404 page (the site's layout, from the broken content) for it.
      expect((await within('GET /favicon.ico', fetch(`${origin}/favicon.ico`))).status).toBe(404);
      expect(output.slice(before)).not.toMatch(STACK_TRACE);

      await save(fix, /(front matter|content) OK/);
      await renders('/articles/harbour/', 'Harbour');
      await renders('/articles/other/', 'Other');
      expect(output.slice(before)).not.toMatch(STACK_TRACE);
    },
  );
});

describe('npm run build on the same mistakes, all at once', () => {
  let build: { exitCode: number; output: string };
  beforeAll(async () => {
    dev.kill();
    rmSync(join(root, 'content/authors/jo-bell.yaml'));
    // Each mistake in its own article, so one build lists them all.
    MISTAKES.forEach(({ broken }, index) => {
      for (const contents of Object.values(broken))
        write({ [`content/articles/mistake-${index}.md`]: contents });
    });
    build = await astroBuild(root, buildEnvironment(root));
  });

  it('exits 1', () => {
    expect(build.exitCode).toBe(1);
  });

  it('lists every mistake with file, line and field', () => {
    MISTAKES.forEach(({ reported }, index) =>
      expect(build.output).toMatch(problemLine(`content/articles/mistake-${index}.md`, reported)),
    );
  });

  it('prints no stack trace and no "unhandled error" line', () => {
    expect(build.output).not.toMatch(STACK_TRACE);
    expect(build.output).toMatch(/Content check failed: \d+ problems in \d+ files\./);
  });
});
