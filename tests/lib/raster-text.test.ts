import { describe, expect, it } from 'vitest';
import { cardFaces } from '../../src/lib/og-image.ts';
import { canvas, drawLine, hexColour, releaseCanvas, setLine, wrapLines } from '../../src/lib/raster-text.ts';

const bold = { face: cardFaces().bold, size: 72 };
const paper = hexColour('#ffffff');
const ink = hexColour('#102030');

/** The bounding box of the pixels that are not paper, or undefined. */
function inked({ width, height, pixels }: ReturnType<typeof canvas>) {
  let box: { left: number; top: number; right: number; bottom: number } | undefined;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      if (pixels[at] === 255 && pixels[at + 1] === 255 && pixels[at + 2] === 255) continue;
      box = { left: Math.min(box?.left ?? x, x), top: Math.min(box?.top ?? y, y), right: Math.max(box?.right ?? x, x), bottom: Math.max(box?.bottom ?? y, y) };
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
    expect(setLine('News', { ...bold, letterSpacing: 2 }).width).toBeCloseTo(setLine('News', bold).width + 3 * 2, 5);
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
    const at = ((box.top + 20) * 400 + box.left + 4) * 3;
    expect([...target.pixels.subarray(at, at + 3)]).toEqual([...ink]);
  });

  it('leaves the canvas alone outside it and clips at its edges', async () => {
    const target = canvas(40, 40, paper);
    await drawLine(target, setLine('WWWW', bold), bold.size, -30, 50, ink);
    expect(inked(target)).toBeDefined();
  });
});

describe('canvas', () => {
  it('reuses a released canvas of the same size, filled afresh, and allocates for other sizes', async () => {
    const first = canvas(30, 20, paper);
    await drawLine(first, setLine('H', bold), bold.size, 0, 18, ink);
    releaseCanvas(first);
    const second = canvas(30, 20, ink);
    expect(second.pixels).toBe(first.pixels);
    expect(second.pixels.equals(Buffer.alloc(30 * 20 * 3, Buffer.from(ink)))).toBe(true);
    expect(canvas(30, 20, paper).pixels).not.toBe(first.pixels);
    expect(canvas(31, 20, paper).pixels).not.toBe(first.pixels);
  });
});
