/**
 * The hand-over of bodies rendered ahead (src/build-threads/rendered-ahead.ts): a page takes a
 * body only when one was offered for its file and rendered from the very text the page read;
 * otherwise it renders the body itself, exactly as it would without the second thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  offerRenderedAhead,
  renderArticleOrTake,
  type RenderedSource,
} from '../../src/build-threads/rendered-ahead.ts';
import { renderArticle, type RenderedArticle } from '../../src/markdown/render-article.ts';

const SOURCE = '---\ntitle: Tides\n---\n\nThe *tide* turned.\n';

let dir: string;
let path: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rendered-ahead-'));
  path = join(dir, 'index.md');
  writeFileSync(path, SOURCE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A body no renderer would produce, so a test can tell a taken body from one rendered here. */
const fromTheThread: RenderedArticle = {
  markdown: 'The *tide* turned.',
  html: '<p>rendered on the other thread</p>',
  headings: [],
  localImagePaths: [],
  facts: { frameOrigins: [], removed: [], notes: [] },
};

let withdraw: (() => void) | undefined;
afterEach(() => withdraw?.());

/** Offers `found` for every file, and records which paths the pages asked for. */
function offer(found: () => Promise<RenderedSource> | undefined) {
  const asked: string[] = [];
  withdraw = offerRenderedAhead({
    take: (file) => {
      asked.push(file);
      return found();
    },
  });
  return asked;
}

describe('renderArticleOrTake', () => {
  it('renders the body itself when nothing is offered', async () => {
    expect(await renderArticleOrTake(path, SOURCE)).toEqual(await renderArticle(path, SOURCE));
  });

  it("takes the offered body when it was rendered from the page's own text", async () => {
    const asked = offer(async () => ({ source: SOURCE, rendered: fromTheThread }));
    expect(await renderArticleOrTake(path, SOURCE)).toBe(fromTheThread);
    expect(asked).toEqual([path]);
  });

  it('renders the body itself when the offered one is stale, missing or failed there', async () => {
    const own = await renderArticle(path, SOURCE);
    offer(async () => ({ source: SOURCE.replace('turned', 'rose'), rendered: fromTheThread }));
    expect(await renderArticleOrTake(path, SOURCE)).toEqual(own);
    offer(() => undefined);
    expect(await renderArticleOrTake(path, SOURCE)).toEqual(own);
    offer(() => Promise.reject(new Error('the body thread exited with code 1')));
    expect(await renderArticleOrTake(path, SOURCE)).toEqual(own);
  });

  it('stops taking once the offer is withdrawn; an older offer withdrawn late leaves the newer', async () => {
    const withdrawOlder = offerRenderedAhead({
      take: async () => ({ source: SOURCE, rendered: fromTheThread }),
    });
    const newer = offer(async () => ({ source: SOURCE, rendered: fromTheThread }));
    withdrawOlder();
    expect(await renderArticleOrTake(path, SOURCE)).toBe(fromTheThread);
    expect(newer).toEqual([path]);
    withdraw!();
    expect(await renderArticleOrTake(path, SOURCE)).toEqual(await renderArticle(path, SOURCE));
    expect(newer).toEqual([path]);
  });
});
