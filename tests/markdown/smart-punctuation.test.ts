/** Smart punctuation is on for articles written here and off, per article, for copy that must stay verbatim. */
import { describe, expect, it } from 'vitest';
import { render } from './astro-processor.ts';

const STRAIGHT = `"It's back," she said -- after 'forty years'... Really.`;

describe('smart punctuation', () => {
  it('curls quotes, apostrophes, dashes and ellipses by default', async () => {
    const { body } = await render(STRAIGHT);
    expect(body.textContent?.trim()).toBe('“It’s back,” she said — after ‘forty years’… Really.');
  });

  it('is off for an article with smartPunctuation: false, which keeps the text exactly as written', async () => {
    const { body } = await render(STRAIGHT, { frontmatter: { smartPunctuation: false } });
    expect(body.textContent?.trim()).toBe(STRAIGHT);
  });

  it('never touches code', async () => {
    const { body } = await render('Run `say "hi" -- now`');
    expect(body.querySelector('code')?.textContent).toBe('say "hi" -- now');
  });
});
