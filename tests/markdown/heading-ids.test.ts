/** Heading ids: stable GitHub-style slugs that never collide with the page chrome (`page-…`) or editors' ids (`user-content-…`). */
import { describe, expect, it } from 'vitest';
import { render } from './astro-processor.ts';

const ids = async (markdown: string) => [...(await render(markdown)).body.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => heading.id);

describe('heading ids', () => {
  it('are slugs of the heading text, the same on every build', async () => {
    const markdown = '## A lamp restored by hand\n\n### Why “forty” years?\n\n## Ça marche';
    expect(await ids(markdown)).toEqual(['a-lamp-restored-by-hand', 'why-forty-years', 'ça-marche']);
    expect(await ids(markdown)).toEqual(await ids(markdown));
  });

  it('are unique within an article', async () => {
    expect(await ids('## Update\n\n## Update\n\n## Update')).toEqual(['update', 'update-1', 'update-2']);
  });

  it.each([
    ['h2', '## Page main', 'section-page-main'],
    ['h1 (named by Astro otherwise)', '# Page header', 'section-page-header'],
    ['h3', '### Page-footer', 'section-page-footer'],
  ])('never start with the chrome prefix page- (%s)', async (_, markdown, id) => {
    expect(await ids(markdown)).toEqual([id]);
  });

  it('never take the prefix of editors’ ids', async () => {
    expect(await ids('## User content note')).toEqual(['section-user-content-note']);
  });

  it('keep an id the editor gave, prefixed like every editor id', async () => {
    expect(await ids('<h2 id="page-main">Mine</h2>')).toEqual(['user-content-page-main']);
  });

  it('fall back to "section" for a heading without text', async () => {
    expect(await ids('##\n\n## …')).toEqual(['section', 'section-1']);
  });
});
