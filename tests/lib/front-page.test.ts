import { describe, expect, it } from 'vitest';
import { frontPage, leadStory, type FrontPageStory } from '../../src/lib/front-page.ts';

const now = new Date('2026-12-03T12:00:00Z');
const story = (id: string, hoursAgo: number, section = 'news', featuredUntil?: string): FrontPageStory => ({
  id,
  pubDate: new Date(now.getTime() - hoursAgo * 3_600_000),
  section,
  featuredUntil: featuredUntil ? new Date(featuredUntil) : undefined,
});

describe('leadStory', () => {
  it('leads with the newest story when nothing is pinned', () => {
    expect(leadStory([story('a', 1), story('b', 2)], now)?.id).toBe('a');
  });

  it('leads with a pinned story until its pin expires, to the millisecond', () => {
    const stories = [story('new', 1), story('pinned', 30, 'news', '2026-12-03T12:00:00.001Z')];
    expect(leadStory(stories, now)?.id).toBe('pinned');
    expect(leadStory(stories, new Date('2026-12-03T12:00:00.001Z'))?.id).toBe('new');
  });

  it('takes the most recently published of several pinned stories', () => {
    const stories = [
      story('new', 1),
      story('pin-b', 5, 'news', '2026-12-05T00:00:00Z'),
      story('pin-a', 9, 'news', '2026-12-06T00:00:00Z'),
    ];
    expect(leadStory(stories, now)?.id).toBe('pin-b');
  });

  it('has no lead on an empty site', () => {
    expect(leadStory([], now)).toBeUndefined();
  });
});

describe('frontPage', () => {
  const sections = [
    { slug: 'news', name: 'News' },
    { slug: 'sport', name: 'Sport' },
    { slug: 'arts', name: 'Arts' },
  ];
  const stories = [
    story('n1', 1),
    story('s1', 2, 'sport'),
    story('n2', 3),
    story('n3', 4),
    story('s2', 5, 'sport'),
    story('n4', 6),
    story('n5', 7),
    story('n6', 8),
    story('n7', 9),
  ];

  it('shows the lead, then three secondary stories, then each section’s newest unshown stories', () => {
    const page = frontPage(stories, sections, now);
    expect(page.lead?.id).toBe('n1');
    expect(page.secondary.map((s) => s.id)).toEqual(['s1', 'n2', 'n3']);
    expect(page.sections.map((block) => [block.slug, block.items.map((s) => s.id)])).toEqual([
      ['news', ['n4', 'n5', 'n6']],
      ['sport', ['s2']],
    ]);
  });

  it('moves a pinned story to the lead without showing it twice', () => {
    const pinned = stories.map((s) =>
      s.id === 'n5' ? { ...s, featuredUntil: new Date('2026-12-04T00:00:00Z') } : s,
    );
    const page = frontPage(pinned, sections, now);
    expect(page.lead?.id).toBe('n5');
    expect(page.secondary.map((s) => s.id)).toEqual(['n1', 's1', 'n2']);
    const above = [page.lead, ...page.secondary, ...page.sections.flatMap((block) => block.items)].map(
      (s) => s!.id,
    );
    expect(new Set(above).size).toBe(above.length);
  });
});
