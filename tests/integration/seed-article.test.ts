/**
 * The seed wire article, built by the real site build, compared with the seed file paragraph
 * by paragraph: the publisher must show exactly the words that arrived and invent nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';

/** A byte-identical copy of ../shared/seed-articles/000_8f9d78f08d0ec58e.txt, kept in the repo so CI has it. */
const SEED = join(projectRoot, 'tests/fixtures/seed-articles/000_8f9d78f08d0ec58e.txt');
const SHARED_SEED = join(projectRoot, '../shared/seed-articles/000_8f9d78f08d0ec58e.txt');
const SLUG = 'chrissy-teigen-breaks-down-in-tears-during-therapy-three';

function seedBlocks(): string[] {
  // Split on blank lines only: two paragraphs end in a no-break space, which must survive too.
  return readFileSync(SEED, 'utf8').replace(/\n+$/, '').split('\n\n');
}

describe('the seed article page', () => {
  let document: Document;
  let html: string;

  beforeAll(() => {
    html = readFileSync(join(inject('siteDist'), 'articles', SLUG, 'index.html'), 'utf8');
    document = parseHTML(html).document;
  });

  it.runIf(existsSync(SHARED_SEED))('keeps its fixture identical to the shared seed file', () => {
    expect(readFileSync(SEED)).toEqual(readFileSync(SHARED_SEED));
  });

  it('is published at /articles/<slug>/ with the headline verbatim', () => {
    const [headline] = seedBlocks();
    expect(document.querySelector('h1')?.textContent).toBe(headline);
  });

  it('shows every body paragraph verbatim and in order, and nothing else in the body', () => {
    const blocks = seedBlocks();
    const expected = blocks.slice(1, -1);
    expect(expected).toHaveLength(19);
    const rendered = [...document.querySelectorAll('.article-body p')].map((p) => p.textContent);
    expect(rendered).toEqual(expected);
  });

  it('turns the Source line into attribution, not body text', () => {
    expect(document.querySelector('.article-body')?.textContent).not.toContain('Read Full Article');
    const attribution = document.querySelector('.attribution')?.textContent ?? '';
    expect(attribution).toContain('This is wire copy republished by');
    expect(attribution).toContain('The copy did not name its original publisher or link to it.');
    expect(attribution).not.toMatch(/not recorded/i);
    // The copy's own line stays visible, quoted, and is not made into a link.
    expect(document.querySelector('.attribution q')?.textContent).toBe('Read Full Article');
    expect(document.querySelector('.attribution a')).toBeNull();
  });

  it('invents no source facts in JSON-LD', () => {
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.isBasedOn).toEqual({ '@type': 'CreativeWork' });
    expect(ld.author).toBeUndefined();
    // No photo came with the wire copy: the only image is the generated headline card.
    expect(ld.image).toEqual([`https://example.org/og/${SLUG}.png`]);
  });

  it('shows the content note before the body', () => {
    const note = document.querySelector('[role="note"]');
    expect(note?.textContent).toContain('pregnancy loss');
    expect(note!.compareDocumentPosition(document.querySelector('.article-body')!) & 4).toBeTruthy();
  });
});
