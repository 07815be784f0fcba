/**
 * The images in content/ as a module, `virtual:wirepress/content-images` (a map from path to a
 * loader of its ImageMetadata), for article bodies (src/components/ArticleBody.astro).
 *
 * Why a module of its own: `import.meta.glob` writes every matching file into the importing
 * module's code, and experimental.incrementalBuild hashes each route's code. With the glob inside
 * ArticleBody, adding any image to content/ (a new article's hero) changed the article route's
 * hash, and every article page was rendered again: 10,001 pages for one new story at 10,000.
 * This module is marked as content data, as Astro marks its own content modules (the data store,
 * the content's image imports), so its list of files is left out of the route's hash. That is
 * safe because an article page's cacheKey already covers what it shows: a page whose body may
 * show an image has no key and is rendered on every build (src/data/page-keys.ts).
 */
import type { AstroIntegration } from 'astro';

const ID = 'virtual:wirepress/content-images';
const RESOLVED_ID = `\0${ID}`;

/** The extensions Astro's image service reads, in both cases (editors' cameras write JPG). */
const EXTENSIONS = 'avif,gif,jpeg,jpg,png,tif,tiff,webp';
const PATTERN = `/content/**/*.{${EXTENSIONS},${EXTENSIONS.toUpperCase()}}`;

/**
 * The module metadata Astro's incremental build reads to leave a module out of a route's code hash
 * (astro/dist/core/build/incremental-metadata.js, `createContentDataIncrementalMetadata`).
 * tests/integration/incremental-build.test.ts fails if Astro stops honouring it.
 */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

export default function contentImages(): AstroIntegration {
  return {
    name: 'wirepress:content-images',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'wirepress:content-images',
                resolveId: (id) => (id === ID ? RESOLVED_ID : undefined),
                load: (id) =>
                  id === RESOLVED_ID
                    ? {
                        code: `export default import.meta.glob(${JSON.stringify(PATTERN)}, { import: 'default' });`,
                        meta: CONTENT_DATA_META,
                      }
                    : undefined,
              },
            ],
          },
        });
      },
    },
  };
}
