/**
 * The body thread's script (src/build-threads/body-worker.ts), started as bodies-ahead.ts starts
 * it: the body it hands over is the one the page would have rendered on the main thread.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHelperThread } from '../../src/build-threads/helper-thread.ts';
import type { RenderedSource } from '../../src/build-threads/rendered-ahead.ts';
import { renderArticle } from '../../src/markdown/render-article.ts';

const SOURCES = {
  'tides/index.md': [
    '---',
    'title: Tides',
    '---',
    '',
    '# Tides {#the-tides}',
    '',
    'The "spring" tide -- said the harbour master -- came in at [dawn](https://example.org/dawn).',
    '',
    '![The pier at dawn](./pier.png)',
    '',
    '```js',
    'const high = 4.2;',
    '```',
    '',
    '<kbd>Ctrl</kbd> <iframe src="https://maps.example/x"></iframe>',
  ].join('\n'),
  'plain/index.md': '---\ntitle: Plain\nsmartPunctuation: false\n---\n\nSaid "quietly".\n',
};

let dir: string;
let paths: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'body-worker-'));
  paths = Object.entries(SOURCES).map(([file, source]) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), source);
    return join(dir, file);
  });
  const pier = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#345' } })
    .png()
    .toBuffer();
  writeFileSync(join(dir, 'tides', 'pier.png'), pier);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the body thread', () => {
  it('renders each body exactly as the main thread does, with the source it rendered', async () => {
    let received = 0;
    let allArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (allArrived = resolve));
    const thread = startHelperThread<RenderedSource>(
      new URL('../../src/build-threads/body-worker.ts', import.meta.url),
      paths.length,
      { paths, lead: 4096 },
      'body',
      () => {
        received += 1;
        if (received === paths.length) allArrived();
      },
    );
    try {
      await arrived;
      for (const [index, path] of paths.entries()) {
        const source = Object.values(SOURCES)[index]!;
        const taken = await thread.ahead.take(index);
        expect(taken).toEqual({ source, rendered: await renderArticle(path, source) });
      }
    } finally {
      await thread.stop();
    }
  });
});
