/**
 * The ~20 distinct 2400×1600 hero JPEGs the corpus draws from, drawn once with sharp (a scene
 * over film-grain noise, so they weigh and encode like photographs rather than flat vector art)
 * and cached between runs.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { seededRandom } from './random.ts';

export const HERO_COUNT = 20;
export const HERO_WIDTH = 2400;
export const HERO_HEIGHT = 1600;

function sceneSvg(variant: number): string {
  const random = seededRandom(1000 + variant);
  const hue = () => `hsl(${random.int(0, 359)} ${random.int(30, 80)}% ${random.int(25, 75)}%)`;
  const shapes = Array.from({ length: 12 }, () => {
    const x = random.int(0, HERO_WIDTH);
    const y = random.int(0, HERO_HEIGHT);
    return random.next() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${random.int(60, 400)}" fill="${hue()}" fill-opacity="0.7"/>`
      : `<rect x="${x}" y="${y}" width="${random.int(100, 900)}" ` +
          `height="${random.int(80, 700)}" fill="${hue()}" fill-opacity="0.7"/>`;
  }).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${HERO_WIDTH}" height="${HERO_HEIGHT}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hue()}"/>` +
    `<stop offset="1" stop-color="${hue()}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)" fill-opacity="0.6"/>${shapes}</svg>`
  );
}

async function drawHero(variant: number, file: string): Promise<void> {
  const grain = sharp({
    create: {
      width: HERO_WIDTH,
      height: HERO_HEIGHT,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 24 },
    },
  });
  const partial = `${file}.partial`;
  await grain
    .composite([{ input: Buffer.from(sceneSvg(variant)) }])
    .jpeg({ quality: 82 })
    .toFile(partial);
  renameSync(partial, file); // a killed run never leaves a truncated JPEG in the cache
}

/** Paths of the hero JPEGs in `cacheDir`, drawing the ones that are missing. */
export async function heroJpegs(cacheDir: string): Promise<string[]> {
  mkdirSync(cacheDir, { recursive: true });
  const files: string[] = [];
  for (let variant = 0; variant < HERO_COUNT; variant++) {
    const file = join(cacheDir, `hero-${String(variant).padStart(2, '0')}.jpg`);
    if (!existsSync(file)) await drawHero(variant, file);
    files.push(file);
  }
  return files;
}
