import { describe, expect, it } from 'vitest';
import { cardJobs, distinctCards } from '../../src/cards/og-cards.ts';
import { cardInput, cardJob } from '../../src/cards/og-image.ts';
import { site } from '../../src/site.config.ts';

const now = new Date('2026-11-29T12:00:00Z');
const article = (id: string, parsed: ReturnType<typeof fields> | undefined) => ({
  id,
  file: `/content/articles/${id}.md`,
  data: {},
  parsed,
  sourceDigest: id,
});
const fields = (pubDate: string, extra: Record<string, unknown> = {}) => ({
  title: `Title ${pubDate}`,
  section: 'local-news',
  pubDate: new Date(pubDate),
  draft: false,
  ...extra,
});

describe('cardJobs', () => {
  const articles = [
    article('newest', fields('2026-11-28T09:00:00Z')),
    article('oldest', fields('2026-01-01T09:00:00Z')),
    article('same-time-a', fields('2026-06-01T09:00:00Z')),
    article('same-time-b', fields('2026-06-01T09:00:00Z')),
    article('with-hero', fields('2026-05-01T09:00:00Z', { heroImage: './hero.jpg' })),
    article('expired', fields('2026-05-01T09:00:00Z', { expires: new Date('2026-11-01T00:00:00Z') })),
    article('invalid', undefined),
  ];

  it('lists a card for each article with a page and no hero image, oldest first, then by slug', () => {
    expect(cardJobs(articles, now, 'fp').map((job) => job.slug)).toEqual([
      'oldest',
      'same-time-a',
      'same-time-b',
      'newest',
    ]);
  });

  it('keys each card by its input and the renderer fingerprint, as the dev preview route does', () => {
    const [oldest] = cardJobs(articles, now, 'fp');
    expect(oldest).toEqual(cardJob('oldest', cardInput(fields('2026-01-01T09:00:00Z'), site), 'fp'));
    expect(oldest!.card.kicker).toBe('local news');
    expect(cardJobs(articles, now, 'other')[0]!.key).not.toBe(oldest!.key);
  });
});

describe('distinctCards', () => {
  it('keeps one job per card key, so identical cards are drawn once', () => {
    const card = cardInput(fields('2026-06-01T09:00:00Z'), site);
    const jobs = [
      cardJob('a', card, 'fp'),
      cardJob('b', card, 'fp'),
      cardJob('c', { ...card, title: 'Other' }, 'fp'),
    ];
    expect(distinctCards(jobs).map((job) => job.slug)).toEqual(['a', 'c']);
  });
});
