import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { OG_HEIGHT, OG_WIDTH, renderCard, rendererFingerprint } from '../../src/cards/og-image.ts';

const input = {
  title: 'The harbour light returns',
  kicker: 'News',
  siteName: 'The Wirepress Review',
  byline: '28 November 2026',
};

describe('renderCard', () => {
  it('renders a 1200×630 PNG by default', async () => {
    const meta = await sharp(await renderCard(input)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', OG_WIDTH, OG_HEIGHT]);
  });

  it('renders other sizes on request', async () => {
    const meta = await sharp(await renderCard(input, { width: 800, height: 800 })).metadata();
    expect([meta.width, meta.height]).toEqual([800, 800]);
  });

  it('draws the headline: a different title gives different pixels', async () => {
    const [a, b] = await Promise.all([
      renderCard(input),
      renderCard({ ...input, title: 'Another headline' }),
    ]);
    const [pa, pb] = await Promise.all([a, b].map((png) => sharp(png).raw().toBuffer()));
    expect(pa.equals(pb!)).toBe(false);
  });

  it('keeps a 200-character headline clear of the foot row', async () => {
    // The foot (rule, publication name, date) must come out pixel for pixel as under a short headline.
    const footBand = async (title: string) => {
      const { data, info } = await sharp(await renderCard({ ...input, title }))
        .raw()
        .toBuffer({ resolveWithObject: true });
      return data.subarray((OG_HEIGHT - 140) * info.width * info.channels);
    };
    const [short, long] = await Promise.all([footBand('Short'), footBand('Volunteers '.repeat(18).trim())]);
    expect(long.equals(short)).toBe(true);
  });
});

describe('rendererFingerprint', () => {
  it('is stable within a process', () => {
    expect(rendererFingerprint()).toBe(rendererFingerprint());
  });
});
