/**
 * Open Graph cards (1200×630 PNG) for articles without a hero image: headline, section and
 * publication name set in Inter (raster-text.ts). Colours match the site's light scheme.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire, findPackageJSON } from 'node:module';
import {
  canvas,
  drawLine,
  encodePng,
  fillRect,
  hexColour,
  loadFace,
  releaseCanvas,
  setLine,
  verticalMetrics,
  wrapLines,
  type Canvas,
  type Face,
} from './raster-text.ts';
import { formatDate } from '../lib/dates.ts';
import { cacheKey } from './og-cache.ts';

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

/** The build log's line for a card drawn (not found in the cache); the benchmark counts them. */
export const ogCardRendered = (slug: string) => `og-image: rendered /${ogCardPath(slug)}`;

/** Articles with a hero image share that; expired ones are no longer shown, so get no card. */
export const hasGeneratedCard = (article: { heroImage?: unknown }, state: string) =>
  !article.heroImage && state !== 'expired';

const FONT_FILES = {
  regular: ['inter-latin-400-normal.woff', 'inter-latin-ext-400-normal.woff'],
  bold: ['inter-latin-700-normal.woff', 'inter-latin-ext-700-normal.woff'],
} as const;

let fonts: { regular: Buffer[]; bold: Buffer[] } | undefined;
let faces: { regular: Face; bold: Face } | undefined;

/**
 * Inter (SIL OFL 1.1, from @fontsource/inter), read once per process: Latin, then Latin Extended
 * for the other languages the newsroom publishes in.
 */
export function cardFonts() {
  const require = createRequire(import.meta.url);
  const read = (files: readonly string[]) =>
    files.map((file) => readFileSync(require.resolve(`@fontsource/inter/files/${file}`)));
  fonts ??= { regular: read(FONT_FILES.regular), bold: read(FONT_FILES.bold) };
  return fonts;
}

/** The card's two weights, parsed once per process. */
export function cardFaces() {
  faces ??= { regular: loadFace(cardFonts().regular), bold: loadFace(cardFonts().bold) };
  return faces;
}

/** What an article's card shows. */
export function cardInput(
  article: { title: string; section: string; pubDate: Date },
  site: { name: string; lang: string; timezone: string },
): CardInput {
  return {
    title: article.title,
    kicker: article.section.replace(/-/g, ' '),
    siteName: site.name,
    byline: formatDate(article.pubDate, site.lang, site.timezone),
  };
}

/** A card to draw at the default size, and its key in the card cache (og-cache.ts). */
export interface CardJob {
  slug: string;
  key: string;
  card: CardInput;
}

export const cardJob = (slug: string, card: CardInput, fingerprint: string): CardJob => ({
  slug,
  key: cacheKey({ card, size: { width: OG_WIDTH, height: OG_HEIGHT }, fingerprint }),
  card,
});

/** Headline size that keeps long headlines inside the card: fewer characters, bigger type. */
function headlineSize(title: string, size: CardSize): number {
  const base = size.height >= size.width ? 84 : 72;
  if (title.length <= 50) return base;
  if (title.length <= 90) return Math.round(base * 0.8);
  return Math.round(base * 0.64);
}

const COLOURS = {
  paper: hexColour('#fdfcf9'),
  ink: hexColour('#1b1b1b'),
  accent: hexColour('#0b57a4'),
  muted: hexColour('#595959'),
  rule: hexColour('#d9d6cf'),
};

/**
 * The card: a rule in the accent colour across the top; the kicker (upper case) at the top of the
 * padded box; the publication name and the byline in a foot row under a thin rule at its bottom;
 * the headline centred in the space between, in as many lines as fit.
 */
export async function drawCard(input: CardInput, size: CardSize): Promise<Canvas> {
  const { regular, bold } = cardFaces();
  const card = canvas(size.width, size.height, COLOURS.paper);
  const topRule = 16;
  const padding = Math.round(size.width * 0.06);
  const left = padding;
  const width = size.width - 2 * padding;
  const top = topRule + padding;
  const bottom = size.height - padding;
  fillRect(card, 0, 0, size.width, topRule, COLOURS.accent);

  const kicker = { face: bold, size: 30, letterSpacing: 2 };
  const kickerMetrics = verticalMetrics(bold[0]!, kicker.size);
  await drawLine(
    card,
    setLine(input.kicker.toUpperCase(), kicker),
    kicker.size,
    left,
    top + kickerMetrics.ascent,
    COLOURS.accent,
  );

  const foot = { size: 28, ruleWidth: 2, gap: 20 };
  const footMetrics = verticalMetrics(bold[0]!, foot.size);
  const footTop = bottom - footMetrics.normalLineHeight - foot.gap - foot.ruleWidth;
  fillRect(card, left, Math.round(footTop), width, foot.ruleWidth, COLOURS.rule);
  const footBaseline = footTop + foot.ruleWidth + foot.gap + footMetrics.ascent;
  await drawLine(
    card,
    setLine(input.siteName, { face: bold, size: foot.size }),
    foot.size,
    left,
    footBaseline,
    COLOURS.ink,
  );
  const byline = setLine(input.byline, { face: regular, size: foot.size });
  await drawLine(card, byline, foot.size, left + width - byline.width, footBaseline, COLOURS.muted);

  const headline = { face: bold, size: headlineSize(input.title, size) };
  const lineHeight = headline.size * 1.15;
  const space = footTop - (top + kickerMetrics.normalLineHeight);
  const lines = wrapLines(input.title, headline, width, Math.max(1, Math.floor(space / lineHeight)));
  // CSS puts the glyphs in the middle of each line box: half the leading above the ascent.
  const headlineMetrics = verticalMetrics(bold[0]!, headline.size);
  const firstBaseline =
    top +
    kickerMetrics.normalLineHeight +
    (space - lines.length * lineHeight) / 2 +
    (lineHeight - headlineMetrics.normalLineHeight) / 2 +
    headlineMetrics.ascent;
  await Promise.all(
    lines.map((line, index) =>
      drawLine(card, line, headline.size, left, firstBaseline + index * lineHeight, COLOURS.ink),
    ),
  );
  return card;
}

/** Renders the card to PNG bytes. */
export async function renderCard(
  input: CardInput,
  size: CardSize = { width: OG_WIDTH, height: OG_HEIGHT },
): Promise<Buffer> {
  const card = await drawCard(input, size);
  const png = encodePng(card);
  releaseCanvas(card);
  return png;
}

/**
 * Everything besides the card's own input that decides its pixels: the drawing code, the fonts
 * and the versions of fontkit and sharp. Part of the cache key, so a new layout or font re-renders
 * every card. Reads this module's sources, so call it where they are files (astro.config.ts).
 */
export function rendererFingerprint(): string {
  const hash = createHash('sha256');
  for (const name of ['fontkit', 'sharp']) hash.update(readFileSync(findPackageJSON(name, import.meta.url)!));
  for (const module of ['./og-image.ts', './raster-text.ts', './png.ts'])
    hash.update(readFileSync(new URL(module, import.meta.url)));
  for (const file of [...cardFonts().regular, ...cardFonts().bold]) hash.update(file);
  return hash.digest('hex');
}
