/**
 * Text set into palette pixels, for the generated images (Open Graph cards, the publisher logo).
 * fontkit shapes it (kerning from the font's GPOS tables); each glyph is rasterised once per size
 * and quarter-pixel offset by sharp and cached, so an image costs a few thousand pixel blends
 * instead of rasterising every outline of every headline again (docs/performance.md: a card went
 * from ~16 ms of CPU with satori and librsvg to ~1.5 ms, PNG encoding included).
 */
import { create, type Font } from 'fontkit';
import sharp from 'sharp';
import { encodePalettePng } from './png.ts';

/** One weight of a typeface: its font files in fallback order (e.g. Latin, then Latin Extended). */
export type Face = readonly Font[];

export const loadFace = (files: readonly Buffer[]): Face => files.map((file) => create(file) as Font);

/** A glyph placed on a line: `x` in pixels from the line's start. */
interface PlacedGlyph {
  font: Font;
  id: number;
  x: number;
}

export interface Line {
  glyphs: PlacedGlyph[];
  width: number;
}

export interface TextStyle {
  face: Face;
  /** Font size in pixels. */
  size: number;
  /** Extra pixels after every glyph (CSS letter-spacing). */
  letterSpacing?: number;
}

const fontFor = (face: Face, codePoint: number) => face.find((font) => font.hasGlyphForCodePoint(codePoint));

/**
 * Splits text into runs set in one font each: the first font of the face that has the
 * character. Characters no font has are left out (as browsers without a fallback font would
 * show a box, which helps nobody on a card).
 */
function runs(text: string, face: Face): { font: Font; text: string }[] {
  const found: { font: Font; text: string }[] = [];
  for (const character of text) {
    const font = fontFor(face, character.codePointAt(0)!);
    if (!font) continue;
    const last = found.at(-1);
    if (last?.font === font) last.text += character;
    else found.push({ font, text: character });
  }
  return found;
}

/** Shapes a word: run by run, with the font's kerning. */
function shapeWord(word: string, { face, size, letterSpacing = 0 }: TextStyle): Line {
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  for (const run of runs(word, face)) {
    const scale = size / run.font.unitsPerEm;
    const { glyphs: shaped, positions } = run.font.layout(run.text);
    shaped.forEach((glyph, index) => {
      const position = positions[index]!;
      glyphs.push({ font: run.font, id: glyph.id, x: x + position.xOffset * scale });
      x += position.xAdvance * scale + letterSpacing;
    });
  }
  return { glyphs, width: Math.max(0, x - letterSpacing) };
}

// Shaping is most of the cost of setting a headline, and headlines share most of their words.
const shapedWords = new WeakMap<Face, Map<string, Line>>();
const MAX_SHAPED_WORDS = 20_000;

function cachedWord(word: string, style: TextStyle): Line {
  let words = shapedWords.get(style.face);
  if (!words) shapedWords.set(style.face, (words = new Map()));
  const key = `${style.size}/${style.letterSpacing ?? 0}/${word}`;
  let line = words.get(key);
  if (!line) {
    if (words.size >= MAX_SHAPED_WORDS) words.clear();
    words.set(key, (line = shapeWord(word, style)));
  }
  return line;
}

/** The advance from one word's last glyph to the next word's first: a space and its letter spacing. */
const wordGap = (style: TextStyle) => cachedWord(' ', style).width + 2 * (style.letterSpacing ?? 0);

/** Sets one line of text, word by word (kerning across a space is nil in text faces). */
export function setLine(text: string, style: TextStyle): Line {
  const gap = wordGap(style);
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  text.split(' ').forEach((word, index) => {
    if (index > 0) x += gap;
    const set = cachedWord(word, style);
    for (const glyph of set.glyphs) glyphs.push({ ...glyph, x: glyph.x + x });
    x += set.width;
  });
  return { glyphs, width: x };
}

/**
 * Breaks text into lines no wider than `maxWidth`, word by word (a word wider than the line gets
 * a line of its own). Past `maxLines`, the last line ends in an ellipsis: a card never overflows.
 */
export function wrapLines(text: string, style: TextStyle, maxWidth: number, maxLines: number): Line[] {
  const words = text.split(/\s+/).filter(Boolean);
  const gap = wordGap(style);
  const lines: { text: string; width: number }[] = [];
  for (const word of words) {
    const { width } = cachedWord(word, style);
    const current = lines.at(-1);
    if (current && current.width + gap + width <= maxWidth) {
      current.text += ` ${word}`;
      current.width += gap + width;
    } else {
      lines.push({ text: word, width });
    }
  }
  const set = lines.map((line) => line.text);
  if (set.length > maxLines) {
    let last = `${set[maxLines - 1]}…`;
    while (last.includes(' ') && setLine(last, style).width > maxWidth)
      last = `${last.slice(0, last.lastIndexOf(' '))}…`;
    set.splice(maxLines - 1, Infinity, last);
  }
  return set.map((line) => setLine(line, style));
}

/** A font's ascent and line height in pixels at `size`, as CSS `line-height: normal` gives them. */
export function verticalMetrics(font: Font, size: number) {
  const scale = size / font.unitsPerEm;
  return {
    ascent: font.ascent * scale,
    normalLineHeight: (font.ascent - font.descent + font.lineGap) * scale,
  };
}

/** Text is anti-aliased in this many steps of coverage, 0 (none) to COVERAGE_LEVELS - 1 (full). */
const COVERAGE_LEVELS = 32;

interface GlyphMask {
  /** Offset of the mask's top-left pixel from the pen position on the baseline. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Each pixel's coverage step, worked out once per glyph rather than once per pixel drawn. */
  coverage: Uint8Array;
}

const SUBPIXEL_STEPS = 4;
/**
 * Glyph masks by font, glyph, size and phase: the mask once rasterised (undefined for a glyph
 * with no outline, such as a space), a promise of it until then. A line of glyphs all seen
 * before is drawn without waiting.
 */
const masks = new Map<string, GlyphMask | undefined | Promise<GlyphMask | undefined>>();
const fontIds = new WeakMap<Font, number>();
let fontCount = 0;

async function rasterise(
  font: Font,
  id: number,
  size: number,
  phase: number,
): Promise<GlyphMask | undefined> {
  const glyph = font.getGlyph(id);
  const box = glyph.bbox;
  if (!(box.maxX > box.minX && box.maxY > box.minY)) return undefined;
  const scale = size / font.unitsPerEm;
  const left = Math.floor(box.minX * scale + phase);
  const top = Math.floor(-box.maxY * scale);
  const width = Math.ceil(box.maxX * scale + phase) - left;
  const height = Math.ceil(-box.minY * scale) - top;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<path transform="translate(${phase - left} ${-top}) scale(${scale} ${-scale})" d="${glyph.path.toSVG()}"/></svg>`;
  const alpha = await sharp(Buffer.from(svg)).extractChannel(3).raw().toBuffer();
  const coverage = Uint8Array.from(alpha, (value) => Math.round((value * (COVERAGE_LEVELS - 1)) / 255));
  return { left, top, width, height, coverage };
}

function maskOf(font: Font, id: number, size: number, phase: number) {
  if (!fontIds.has(font)) fontIds.set(font, ++fontCount);
  const key = `${fontIds.get(font)}:${id}:${size}:${phase}`;
  if (masks.has(key)) return masks.get(key);
  const rasterised = rasterise(font, id, size, phase);
  masks.set(key, rasterised);
  // A failed rasterisation stays a rejected promise: every line that needs the glyph fails alike.
  rasterised.then(
    (mask) => masks.set(key, mask),
    () => {},
  );
  return rasterised;
}

export type Rgb = readonly [number, number, number];

export const hexColour = (hex: string): Rgb =>
  [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as unknown as Rgb;

/**
 * Pixels as indices into a palette, row by row, one byte each (a palette PNG: png.ts).
 * Text is anti-aliased in COVERAGE_LEVELS steps, so a card's flat colours and their blends stay
 * well under the 256 colours a palette holds.
 */
export interface Canvas {
  width: number;
  height: number;
  pixels: Buffer;
  palette: Rgb[];
}

/** Per canvas: where each colour sits in its palette, and the blends worked out so far. */
const paletteIndexes = new WeakMap<Canvas, Map<string, number>>();
const blendTables = new WeakMap<Canvas, Map<number, Int16Array[]>>();

/** The palette index of `colour`, added if new; the closest colour there once the palette is full. */
function indexOf(target: Canvas, colour: Rgb): number {
  const indexes = paletteIndexes.get(target)!;
  const key = colour.join(',');
  let index = indexes.get(key);
  if (index !== undefined) return index;
  if (target.palette.length < 256) {
    index = target.palette.push(colour) - 1;
  } else {
    const distance = (other: Rgb) =>
      (other[0] - colour[0]) ** 2 + (other[1] - colour[1]) ** 2 + (other[2] - colour[2]) ** 2;
    index = target.palette.reduce(
      (best, other, at) => (distance(other) < distance(target.palette[best]!) ? at : best),
      0,
    );
  }
  indexes.set(key, index);
  return index;
}

/** Canvases given back with releaseCanvas, kept for the next ones of their size. */
const spareCanvases: Canvas[] = [];
const MAX_SPARE_CANVASES = 4;

/**
 * A canvas filled with one colour; a released one's pixels when one of the same size is free
 * (allocating a card's pixels afresh each time cost more than drawing it: GC, zero-filling).
 */
export function canvas(width: number, height: number, colour: Rgb): Canvas {
  const spare = spareCanvases.findIndex(
    (candidate) => candidate.width === width && candidate.height === height,
  );
  const pixels = spare >= 0 ? spareCanvases.splice(spare, 1)[0]!.pixels : Buffer.allocUnsafe(width * height);
  const made: Canvas = { width, height, pixels: pixels.fill(0), palette: [colour] };
  paletteIndexes.set(made, new Map([[colour.join(','), 0]]));
  blendTables.set(made, new Map());
  return made;
}

/** Gives a canvas back for reuse: call it only once nothing reads its pixels any more. */
export function releaseCanvas(done: Canvas): void {
  if (spareCanvases.length < MAX_SPARE_CANVASES) spareCanvases.push(done);
}

export function fillRect(target: Canvas, x: number, y: number, w: number, h: number, colour: Rgb) {
  const { width, height, pixels } = target;
  const from = Math.max(0, x);
  const to = Math.min(width, x + w);
  if (to <= from) return;
  const index = indexOf(target, colour);
  for (let row = Math.max(0, y); row < Math.min(height, y + h); row++)
    pixels.fill(index, row * width + from, row * width + to);
}

/** Draws a line with its start at `x` and its baseline at `baseline`. */
export async function drawLine(
  target: Canvas,
  line: Line,
  size: number,
  x: number,
  baseline: number,
  colour: Rgb,
) {
  const placed = line.glyphs.map((glyph) => {
    const penX = x + glyph.x;
    const whole = Math.floor(penX);
    const phase = Math.round((penX - whole) * SUBPIXEL_STEPS) / SUBPIXEL_STEPS;
    return { mask: maskOf(glyph.font, glyph.id, size, phase), x: whole };
  });
  const top = Math.round(baseline);
  for (const { mask, x: penX } of placed) {
    const ready = mask instanceof Promise ? await mask : mask;
    if (ready) blend(target, ready, penX + ready.left, top + ready.top, colour);
  }
}

/** `colour` over `under` at `coverage` (0–255): source-over, as an RGB canvas would blend it. */
const over = (under: Rgb, colour: Rgb, coverage: number): Rgb =>
  under.map((channel, at) =>
    Math.trunc(channel + ((colour[at]! - channel) * coverage) / 255),
  ) as unknown as Rgb;

/** Source-over of `colour` through the mask's coverage, in COVERAGE_LEVELS steps. */
function blend(target: Canvas, mask: GlyphMask, x: number, y: number, colour: Rgb) {
  const { width, height, pixels, palette } = target;
  // For this colour: the blended palette index by the index underneath, then by coverage step.
  const tables = blendTables.get(target)!;
  const colourIndex = indexOf(target, colour);
  let byUnder = tables.get(colourIndex);
  if (!byUnder) tables.set(colourIndex, (byUnder = []));
  const firstRow = Math.max(0, -y);
  const lastRow = Math.min(mask.height, height - y);
  const firstColumn = Math.max(0, -x);
  const lastColumn = Math.min(mask.width, width - x);
  for (let row = firstRow; row < lastRow; row++) {
    let from = row * mask.width + firstColumn;
    let at = (y + row) * width + x + firstColumn;
    for (let column = firstColumn; column < lastColumn; column++, from++, at++) {
      const step = mask.coverage[from]!;
      if (step === 0) continue;
      const under = pixels[at]!;
      const table = (byUnder[under] ??= new Int16Array(COVERAGE_LEVELS).fill(-1));
      if (table[step]! < 0)
        table[step] = indexOf(target, over(palette[under]!, colour, (step * 255) / (COVERAGE_LEVELS - 1)));
      pixels[at] = table[step]!;
    }
  }
}

/** PNG bytes of a canvas (png.ts). */
export const encodePng = ({ width, height, pixels, palette }: Canvas): Buffer =>
  encodePalettePng(width, height, pixels, palette);
