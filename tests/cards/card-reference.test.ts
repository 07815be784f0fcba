/**
 * The card as readers see it: one card drawn from fixed input, compared pixel by pixel with a
 * reviewed reference (tests/cards/reference/card.png). The other card tests check sizes, bands
 * and determinism; this one fails when the layout, the type or the colours change. A small
 * tolerance absorbs anti-aliasing differences between sharp or font versions.
 *
 * On a mismatch the card drawn is written to test-artifacts/; if the change is intended, look at
 * it and copy it over the reference.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderCard, type CardInput } from '../../src/cards/og-image.ts';

const REFERENCE = new URL('./reference/card.png', import.meta.url);
const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');

/** Kerning pairs, Latin Extended, curly quotes, a headline long enough to wrap onto three lines. */
const REFERENCE_CARD: CardInput = {
  title: 'AVA’s “Łódź” ferry: Wavy tides test the harbour’s new lights at Ærøskøbing',
  kicker: 'local news',
  siteName: 'The Wirepress Review',
  byline: '28 November 2026',
};

/** A channel this far off is a different pixel, not a different anti-aliasing of the same edge. */
const CHANNEL_TOLERANCE = 32;
/**
 * At most this many pixels may differ by more than that. Measured against this reference: one
 * digit of the date changed makes 105 pixels differ, one letter of the headline 6,377.
 */
const PIXEL_TOLERANCE = 50;

const rgb = (png: Buffer | string) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });

/** How many pixels of two same-sized RGB images differ by more than the channel tolerance. */
function differingPixels(actual: Buffer, expected: Buffer): number {
  let differing = 0;
  for (let at = 0; at < actual.length; at += 3) {
    const off = (channel: number) =>
      Math.abs(actual[at + channel]! - expected[at + channel]!) > CHANNEL_TOLERANCE;
    if (off(0) || off(1) || off(2)) differing += 1;
  }
  return differing;
}

describe('the Open Graph card', () => {
  it('matches the reference image', async () => {
    const drawn = await renderCard(REFERENCE_CARD);
    const reference = fileURLToPath(REFERENCE);
    const actual = await rgb(drawn);
    const pixels = actual.info.width * actual.info.height;
    const found = existsSync(reference);
    let differing = pixels;
    if (found) {
      const expected = await rgb(reference);
      const { width, height } = expected.info;
      const sameSize = actual.info.width === width && actual.info.height === height;
      if (sameSize) differing = differingPixels(actual.data, expected.data);
    }
    const matches = differing <= PIXEL_TOLERANCE;
    if (!matches) {
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'card-reference-actual.png'), drawn);
    }
    const problem = found
      ? `differs from ${relative(process.cwd(), reference)} in ${differing} pixels ` +
        `(at most ${PIXEL_TOLERANCE} allowed)`
      : `has no reference: ${relative(process.cwd(), reference)} is missing`;
    const written = relative(process.cwd(), join(ARTIFACTS, 'card-reference-actual.png'));
    const size = `${actual.info.width}×${actual.info.height}`;
    expect(matches, `the card drawn (${size}) ${problem}; it is in ${written}`).toBe(true);
  });
});
