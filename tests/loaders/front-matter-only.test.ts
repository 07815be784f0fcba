/**
 * The articles loader keeps front matter, digest and file path, never the body or its HTML
 * (src/loaders/front-matter-only.ts). Exercised against Astro's real glob loader and markdown
 * entry type, so a change in how Astro hands them over fails here rather than in a 100,000-article
 * build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { frontMatterOnly } from '../../src/loaders/front-matter-only.ts';
import { markdownProcessor } from '../../src/markdown/pipeline.ts';

// Astro's own markdown entry type (not exported, hence the file path): the one a build hands the loader.
const { markdownContentEntryType } = await import(
  new URL('../../node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js', import.meta.url).href
);

const root = mkdtempSync(join(tmpdir(), 'wirepress-loader-'));
mkdirSync(join(root, 'content/articles/with-folder'), { recursive: true });
writeFileSync(
  join(root, 'content/articles/flat.md'),
  '---\ntitle: Flat\n---\n\n## A heading\n\nBody text.\n',
);
writeFileSync(
  join(root, 'content/articles/with-folder/index.md'),
  '---\ntitle: Folder\n---\n\nMore body text.\n',
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Stored = Record<string, unknown> & { id: string };

/** Runs `loader` with the context Astro gives it in a build, and returns what it stored. */
async function load(loader: Loader): Promise<Map<string, Stored>> {
  const stored = new Map<string, Stored>();
  const context = {
    collection: 'articles',
    config: {
      root: pathToFileURL(`${root}/`),
      srcDir: pathToFileURL(`${root}/src/`),
      markdown: { processor: markdownProcessor, syntaxHighlight: false },
      image: {},
    },
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (text: string) => `digest:${text.length}`,
    store: {
      get: (id: string) => stored.get(id),
      set: (entry: Stored) => void stored.set(entry.id, entry),
      keys: () => [...stored.keys()],
      delete: (id: string) => void stored.delete(id),
      addAssetImports() {},
      addModuleImport() {},
    },
    entryTypes: new Map([['.md', markdownContentEntryType]]),
  };
  await loader.load(context as unknown as LoaderContext);
  return stored;
}

const articlesGlob = () =>
  glob({ base: './content/articles', pattern: ['*.md', '*/index.md'], retainBody: false });

describe('frontMatterOnly(glob(…))', () => {
  it('stores every article with its front matter, digest and file path', async () => {
    const stored = await load(frontMatterOnly(articlesGlob()));
    expect([...stored.keys()].sort()).toEqual(['flat', 'with-folder']);
    expect(stored.get('flat')).toMatchObject({
      data: { title: 'Flat' },
      filePath: 'content/articles/flat.md',
      digest: expect.stringMatching(/^digest:/),
    });
  });

  it('stores neither the body nor rendered HTML', async () => {
    for (const entry of (await load(frontMatterOnly(articlesGlob()))).values()) {
      // Astro's store drops fields that are undefined.
      expect(entry.body).toBeUndefined();
      expect(entry.rendered).toBeUndefined();
      expect(entry.deferredRender).toBeUndefined();
    }
  });

  it('is what keeps the HTML out: the plain glob loader stores it', async () => {
    const stored = await load(articlesGlob());
    expect((stored.get('flat')?.rendered as { html: string }).html).toContain('<h2');
  });

  it('says so when Astro stops handing loaders their entry types', async () => {
    const loader = frontMatterOnly(articlesGlob());
    await expect(loader.load({} as LoaderContext)).rejects.toThrow(/no longer passes entryTypes/);
  });
});
