import { describe, expect, it } from 'vitest';
import { cardFaces } from '../../src/cards/og-image.ts';
import sharp from 'sharp';
import {
  canvas,
  drawLine,
  encodePng,
  fillRect,
  hexColour,
  releaseCanvas,
  setLine,
  wrapLines,
  type Canvas,
} from '../../src/cards/raster-text.ts';

const bold = { face: cardFaces().bold, size: 72 };
const paper = hexColour('#ffffff');
const ink = hexColour('#102030');

/** The colour of the pixel at x, y. */
const colourAt = ({ width, pixels, palette }: Canvas, x: number, y: number) => [
  ...palette[pixels[y * width + x]!]!,
];

/** The bounding box of the pixels that are not paper, or undefined. */
function inked(target: Canvas) {
  let box: { left: number; top: number; right: number; bottom: number } | undefined;
  for (let y = 0; y < target.height; y++) {
    for (let x = 0; x < target.width; x++) {
      if (colourAt(target, x, y).every((channel) => channel === 255)) continue;
      box = {
        left: Math.min(box?.left ?? x, x),
        top: Math.min(box?.top ?? y, y),
        right: Math.max(box?.right ?? x, x),
        bottom: Math.max(box?.bottom ?? y, y),
      };
    }
  }
  return box;
}

describe('setLine', () => {
  it('kerns: "AV" is narrower than "A" and "V" set apart', () => {
    expect(setLine('AV', bold).width).toBeLessThan(setLine('A', bold).width + setLine('V', bold).width - 2);
  });

  it('scales with the size and adds letter spacing between glyphs, not after the last', () => {
    expect(setLine('News', { ...bold, size: 36 }).width).toBeCloseTo(setLine('News', bold).width / 2, 5);
    expect(setLine('News', { ...bold, letterSpacing: 2 }).width).toBeCloseTo(
      setLine('News', bold).width + 3 * 2,
      5,
    );
  });

  it('sets Latin Extended letters from the fallback font and leaves out characters no font has', () => {
    const polish = setLine('Łódź', bold);
    expect(polish.glyphs).toHaveLength(4);
    expect(new Set(polish.glyphs.map((glyph) => glyph.font)).size).toBe(2);
    expect(setLine('Tide 🌊', bold).glyphs).toHaveLength(setLine('Tide ', bold).glyphs.length);
  });
});

describe('wrapLines', () => {
  const text = 'The harbour light returns to the old stone pier after forty years of darkness and debate';

  it('keeps every line within the width and every word, in order', () => {
    const lines = wrapLines(text, bold, 600, 10);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(600);
    const ids = (glyphs: { id: number }[]) => glyphs.map((glyph) => glyph.id);
    expect(lines.flatMap((line) => ids(line.glyphs))).toEqual(ids(setLine(text, bold).glyphs));
  });

  it('cuts at maxLines with an ellipsis that still fits', () => {
    const lines = wrapLines(text, bold, 600, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.width).toBeLessThanOrEqual(600);
    const ellipsis = setLine('…', bold).glyphs[0]!.id;
    expect(lines[1]!.glyphs.at(-1)!.id).toBe(ellipsis);
  });

  it('gives a word wider than the line a line of its own', () => {
    expect(wrapLines('a Volunteering b', bold, 100, 5)).toHaveLength(3);
  });
});

describe('drawLine', () => {
  it('inks the text from the pen position, above the baseline, in the colour asked for', async () => {
    const target = canvas(400, 120, paper);
    await drawLine(target, setLine('HH', bold), bold.size, 20, 90, ink);
    const box = inked(target)!;
    // Inter's H: a small side bearing, cap height ~0.73 em, nothing below the baseline.
    expect(box.left).toBeGreaterThanOrEqual(20);
    expect(box.left).toBeLessThan(30);
    expect(box.bottom).toBeLessThanOrEqual(90);
    expect(box.top).toBeGreaterThan(90 - 0.8 * 72);
    expect(box.top).toBeLessThan(90 - 0.65 * 72);
    // The middle of the H's stem is fully covered: exactly the ink colour.
    expect(colourAt(target, box.left + 4, box.top + 20)).toEqual([...ink]);
  });

  it('leaves the canvas alone outside it and clips at its edges', async () => {
    const target = canvas(40, 40, paper);
    await drawLine(target, setLine('WWWW', bold), bold.size, -30, 50, ink);
    expect(inked(target)).toBeDefined();
  });
});

describe('canvas', () => {
  it('anti-aliases in a few steps between paper and ink, so a card stays within a palette', async () => {
    const target = canvas(400, 120, paper);
    await drawLine(target, setLine('Harbour wall', bold), bold.size, 10, 90, ink);
    expect(target.palette.length).toBeGreaterThan(8);
    expect(target.palette.length).toBeLessThanOrEqual(33);
    for (const colour of target.palette) {
      // Every blend lies between paper and ink, channel by channel.
      colour.forEach((channel, at) => expect(channel).toBeGreaterThanOrEqual(Math.min(paper[at]!, ink[at]!)));
      colour.forEach((channel, at) => expect(channel).toBeLessThanOrEqual(Math.max(paper[at]!, ink[at]!)));
    }
  });

  it('keeps at most 256 colours, using the closest one it has once the palette is full', async () => {
    const target = canvas(600, 400, paper);
    const colours = [
      '#ff0000',
      '#00ff00',
      '#0000ff',
      '#ffff00',
      '#ff00ff',
      '#00ffff',
      '#800000',
      '#008000',
      '#000080',
      '#808000',
      '#102030',
    ];
    for (const [row, colour] of colours.entries())
      await drawLine(target, setLine('WAVE', bold), 36, 5, 30 + row * 34, hexColour(colour));
    expect(target.palette).toHaveLength(256);
    expect(target.pixels.every((index) => index < 256)).toBe(true);
    expect(() => encodePng(target)).not.toThrow();
  });

  it('encodes to a PNG that decodes to the same colours', async () => {
    const target = canvas(60, 40, paper);
    fillRect(target, 0, 0, 60, 4, hexColour('#0b57a4'));
    await drawLine(target, setLine('Hi', bold), 36, 5, 36, ink);
    const { data, info } = await sharp(encodePng(target))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([60, 40, 3]);
    for (const [x, y] of [
      [0, 0],
      [30, 2],
      [30, 30],
      [12, 20],
      [59, 39],
    ] as const) {
      expect([...data.subarray((y * 60 + x) * 3, (y * 60 + x) * 3 + 3)], `${x},${y}`).toEqual(
        colourAt(target, x, y),
      );
    }
  });

  it('reuses a released canvas of the same size, filled afresh, and allocates for other sizes', async () => {
    const first = canvas(30, 20, paper);
    await drawLine(first, setLine('H', bold), bold.size, 0, 18, ink);
    releaseCanvas(first);
    const second = canvas(30, 20, ink);
    expect(second.pixels).toBe(first.pixels);
    expect(second.palette).toEqual([ink]);
    expect(second.pixels.every((index) => index === 0)).toBe(true);
    expect(canvas(30, 20, paper).pixels).not.toBe(first.pixels);
    expect(canvas(31, 20, paper).pixels).not.toBe(first.pixels);
  });
});
