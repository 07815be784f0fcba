/**
 * The card thread's script (src/cards/og-card-worker.ts), started as og-cards.ts starts it: it
 * draws each card into the cache, the same PNG the main thread draws, and finds it there next time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHelperThread } from '../../src/build-threads/helper-thread.ts';
import type { Outcome } from '../../src/build-threads/work-ahead.ts';
import { cardJob, OG_HEIGHT, OG_WIDTH, renderCard } from '../../src/cards/og-image.ts';

const job = cardJob(
  'harbour-light',
  {
    title: 'The harbour light returns',
    kicker: 'news',
    siteName: 'The Wirepress Review',
    byline: '28 November 2026',
  },
  'test-fingerprint',
);

let cacheDir: string;
beforeAll(() => (cacheDir = mkdtempSync(join(tmpdir(), 'og-card-worker-'))));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Runs the card thread on `job` and returns its one outcome: whether the card was cached already. */
async function drawOnTheThread(): Promise<Outcome<boolean>> {
  let first!: (outcome: Outcome<boolean>) => void;
  const outcome = new Promise<Outcome<boolean>>((resolve) => (first = resolve));
  const thread = startHelperThread<boolean>(
    new URL('../../src/cards/og-card-worker.ts', import.meta.url),
    1,
    { cacheDir, jobs: [job] },
    'card',
    first,
  );
  try {
    return await outcome;
  } finally {
    await thread.stop();
  }
}

describe('the card thread', () => {
  it('draws the card into the cache: a PNG, byte for byte the one this thread draws', async () => {
    expect(await drawOnTheThread()).toEqual({ index: 0, value: false });
    const png = readFileSync(join(cacheDir, `${job.key}.png`));
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', OG_WIDTH, OG_HEIGHT]);
    expect(png.equals(await renderCard(job.card))).toBe(true);
  });

  it('finds a card it drew before in the cache', async () => {
    expect(await drawOnTheThread()).toEqual({ index: 0, value: true });
  });
});
