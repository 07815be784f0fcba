import { describe, expect, it } from 'vitest';
import { cropSize, JSON_LD_RATIOS } from '../../src/lib/image-crops.ts';

describe('cropSize', () => {
  it('gives 1200 px wide crops in each JSON-LD ratio from a large landscape source', () => {
    expect(JSON_LD_RATIOS.map((ratio) => cropSize({ width: 2400, height: 1600 }, ratio))).toEqual([
      { width: 1200, height: 675 },
      { width: 1200, height: 900 },
      { width: 1200, height: 1200 },
    ]);
  });

  it('never asks for more pixels than the source has', () => {
    const source = { width: 1600, height: 900 };
    for (const ratio of JSON_LD_RATIOS) {
      const size = cropSize(source, ratio, 4000);
      expect(size.width).toBeLessThanOrEqual(source.width);
      expect(size.height).toBeLessThanOrEqual(source.height);
    }
    expect(cropSize(source, [1, 1], 4000)).toEqual({ width: 900, height: 900 });
  });

  it('keeps the ratio of a portrait source crop', () => {
    expect(cropSize({ width: 800, height: 1200 }, [16, 9])).toEqual({ width: 800, height: 450 });
  });
});
