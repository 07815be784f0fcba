/**
 * `astro dev` for editors: drafts are previewed with a visible Draft banner and noindex (a build
 * leaves them out: editor-publication.test.ts), and a saved article with a mistake is reported
 * with file:line:col while the server keeps running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, projectRoot } from '../helpers/build-site.ts';
import { AUTHOR, article, writeTree } from '../editor/fixtures.ts';

let tree: ReturnType<typeof writeTree>;
/** The project copy the dev server runs in: the tests save articles into its content/. */
let root: string;
let dev: ChildProcess;
let output = '';
let origin = '';

/** Resolves once the dev server has printed something matching `pattern`. */
const printed = (pattern: RegExp) =>
  new Promise<RegExpMatchArray>((resolve) => {
    const look = () => {
      const match = pattern.exec(output);
      if (match) {
        dev.stdout!.off('data', look);
        dev.stderr!.off('data', look);
        resolve(match);
      }
    };
    dev.stdout!.on('data', look);
    dev.stderr!.on('data', look);
    look();
  });

/**
 * The environment an editor's shell has: without vitest's variables (with VITEST set, `astro dev` serves no
 * routes).
 */
const editorEnvironment = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'),
  );

beforeAll(async () => {
  tree = writeTree({
    'content/authors/amara-okafor.yaml': AUTHOR,
    'content/articles/a-draft/index.md': article({ title: 'A draft in progress', draft: 'true' }),
    'content/articles/published/index.md': article({ title: 'Published' }),
  });
  root = copyProject({ contentDir: join(tree.root, 'content') });
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
    {
      cwd: root,
      env: {
        ...editorEnvironment(),
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_CACHE_DIR: join(root, '.cache-dev'),
        PUBLISH_NOW: '2026-11-30T12:00:00Z',
      },
    },
  );
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  origin = (await printed(/(http:\/\/127\.0\.0\.1:\d+)\//))[1]!;
});
afterAll(() => {
  dev?.kill();
  if (root) rmSync(root, { recursive: true, force: true });
  tree?.cleanup();
});

describe('npm run dev', () => {
  it('previews a draft with a visible Draft banner and noindex', async () => {
    const response = await fetch(`${origin}/articles/a-draft/`);
    expect(response.status, output).toBe(200);
    const { document } = parseHTML(await response.text());
    expect(document.querySelector('h1')?.textContent).toBe('A draft in progress');
    expect(document.querySelector('[role="status"]')?.textContent).toBe(
      'Draft: not published; this preview is not indexed.',
    );
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
  });

  it("previews the draft's Open Graph card, drawn on request", async () => {
    const response = await fetch(`${origin}/og/a-draft.png`);
    expect(response.status, output).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    expect((await fetch(`${origin}/og/no-such-article.png`)).status).toBe(404);
  });

  // A new file, then one change to it: chokidar drops a second 'change' of one file within 50 ms.
  it('reports a mistake in a saved article with file:line:col and keeps serving: the problem panel', async () => {
    mkdirSync(join(root, 'content/articles/typo'));
    writeFileSync(join(root, 'content/articles/typo/index.md'), article({ title: 'Typo', titel: 'typo' }));
    await printed(/content\/articles\/typo\/index\.md:7:1 {2}titel: unknown field "titel"/);
    // Every page shows the open problems until they are fixed (tests/integration/editor-preview.test.ts).
    const response = await fetch(`${origin}/articles/a-draft/`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('content/articles/typo/index.md:7:1');
  });

  it('confirms once the saved article is fixed', async () => {
    writeFileSync(join(root, 'content/articles/typo/index.md'), article({ title: 'Typo fixed' }));
    await printed(/content\/articles\/typo\/index\.md: front matter OK/);
  });

  it('warns, on save, about what the sanitizer removed from the body, with the line and the fix', async () => {
    // A new file, not a third save of typo/: a 'change' soon after the last one can be dropped (see above).
    mkdirSync(join(root, 'content/articles/map'));
    writeFileSync(
      join(root, 'content/articles/map/index.md'),
      article({ title: 'A map' }, 'A map:\n\n<iframe src="https://maps.example.com/embed"></iframe>\n'),
    );
    await printed(
      new RegExp(
        /content\/articles\/map\/index\.md:\d+:1 {2}\(body\): /.source +
          /the sanitizer removed <iframe src="https:\/\/maps\.example\.com\/embed">\n/.source +
          /\s+fix: .*paste its URL on its own line/.source,
      ),
    );
  });
});
