import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodePalettePng } from '../../src/cards/png.ts';

describe('encodePalettePng', () => {
  it('writes a palette PNG that decodes to the palette colours, pixel by pixel', async () => {
    const palette = [
      [253, 252, 249],
      [11, 87, 164],
      [27, 27, 27],
    ] as const;
    const indices = Buffer.from([0, 1, 2, 0, 2, 2, 1, 0]);
    const png = encodePalettePng(4, 2, indices, palette);
    const metadata = await sharp(png).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.isPalette]).toEqual([
      'png',
      4,
      2,
      true,
    ]);
    const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([...data]).toEqual([...indices].flatMap((index) => palette[index]!));
  });

  it('refuses a palette PNG cannot hold', () => {
    expect(() => encodePalettePng(1, 1, Buffer.from([0]), [])).toThrow(RangeError);
    expect(() =>
      encodePalettePng(
        1,
        1,
        Buffer.from([0]),
        Array.from({ length: 257 }, () => [0, 0, 0] as const),
      ),
    ).toThrow('not 257');
  });
});
