/**
 * Open Graph cards (1200×630 PNG) for articles without a hero image: headline, section and
 * publication name set in Inter (SIL OFL 1.1, shipped in @fontsource/inter) by satori, then
 * rasterised by sharp. Colours match the site's light scheme.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp from 'sharp';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface CardInput {
  title: string;
  /** Shown above the headline, e.g. the section name. */
  kicker: string;
  /** Publication name, shown at the foot. */
  siteName: string;
  /** Shown beside the publication name, e.g. the publication date. */
  byline: string;
}

export interface CardSize {
  width: number;
  height: number;
}

/** Where an article's generated card is published, relative to the site base. */
export const ogCardPath = (slug: string) => `og/${slug}.png`;

/** Articles with a hero image share that; expired ones are no longer shown, so get no card. */
export const hasGeneratedCard = (article: { heroImage?: unknown }, state: string) => !article.heroImage && state !== 'expired';

// satori reads TTF, OTF and WOFF, not WOFF2. Latin plus Latin Extended covers the site languages
// the newsroom publishes in; a glyph outside them is drawn from the next font or left out.
const FONT_FILES = [
  ['inter-latin-400-normal.woff', 400],
  ['inter-latin-ext-400-normal.woff', 400],
  ['inter-latin-700-normal.woff', 700],
  ['inter-latin-ext-700-normal.woff', 700],
] as const;

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

/** The font files, read once per process. */
export function cardFonts() {
  const require = createRequire(import.meta.url);
  fonts ??= FONT_FILES.map(([file, weight]) => ({
    name: 'Inter',
    data: readFileSync(require.resolve(`@fontsource/inter/files/${file}`)),
    weight,
    style: 'normal' as const,
  }));
  return fonts;
}

/** Headline size that keeps long headlines inside the card: fewer characters, bigger type. */
function headlineSize(title: string, size: CardSize): number {
  const base = size.height >= size.width ? 84 : 72;
  if (title.length <= 50) return base;
  if (title.length <= 90) return Math.round(base * 0.8);
  return Math.round(base * 0.64);
}

export const element = (type: string, style: Record<string, unknown>, children: unknown) => ({ type, props: { style, children } });

/** The card as the element tree satori lays out (flexbox only). */
export function cardTree(input: CardInput, size: CardSize) {
  const padding = Math.round(size.width * 0.06);
  const rule = 16;
  // satori sizes boxes like CSS content-box: padding and border come on top of width and height.
  return element(
    'div',
    {
      width: size.width - 2 * padding,
      height: size.height - 2 * padding - rule,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding,
      backgroundColor: '#fdfcf9',
      color: '#1b1b1b',
      fontFamily: 'Inter',
      borderTop: `${rule}px solid #0b57a4`,
    },
    [
      element('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: '#0b57a4', textTransform: 'uppercase', letterSpacing: 2 }, input.kicker),
      element(
        'div',
        { display: 'flex', width: size.width - 2 * padding, fontSize: headlineSize(input.title, size), fontWeight: 700, lineHeight: 1.15 },
        input.title,
      ),
      element('div', { display: 'flex', width: size.width - 2 * padding, justifyContent: 'space-between', fontSize: 28, color: '#595959', borderTop: '2px solid #d9d6cf', paddingTop: 20 }, [
        element('div', { display: 'flex', fontWeight: 700, color: '#1b1b1b' }, input.siteName),
        element('div', { display: 'flex' }, input.byline),
      ]),
    ],
  );
}

/**
 * Renders a satori element tree to PNG bytes (also used by scripts/make-logo.ts).
 * zlib level 6, not 9: a 1200×630 card encodes in ~5 ms instead of ~22 ms for a file ~30% larger
 * (57 KB against 44 KB), which is most of a card's cost on a cold build (docs/performance.md).
 */
export async function renderPng(tree: ReturnType<typeof element>, size: CardSize): Promise<Buffer> {
  const svg = await satori(tree as Parameters<typeof satori>[0], { ...size, fonts: cardFonts() });
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
}

/** Renders the card to PNG bytes. */
export function renderCard(input: CardInput, size: CardSize = { width: OG_WIDTH, height: OG_HEIGHT }): Promise<Buffer> {
  return renderPng(cardTree(input, size), size);
}

/**
 * Everything besides the card's own input that decides its pixels: the layout code, the fonts
 * and the satori version. Part of the cache key, so a new layout or font re-renders every card.
 */
export function rendererFingerprint(): string {
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256');
  hash.update(String(require('satori/package.json').version));
  hash.update(cardTree.toString()).update(headlineSize.toString()).update(renderPng.toString());
  for (const font of cardFonts()) hash.update(font.data);
  return hash.digest('hex');
}
