/**
 * What the front page shows above the river of latest stories: the lead story, a row of
 * secondary stories, and a block of each section's newest stories. No story appears twice above
 * the river. Pure: the build clock and the stories are passed in, so pins are testable.
 */

/** How long an editor may pin a lead story for, counted from its publication. */
export const MAX_PIN_DAYS = 7;

export interface FrontPageStory {
  id: string;
  pubDate: Date;
  section: string;
  /** Pinned as the lead story until this moment (front matter `featured.until`). */
  featuredUntil?: Date | undefined;
}

export interface SectionBlock<T> {
  slug: string;
  name: string;
  items: T[];
}

export interface FrontPage<T> {
  lead: T | undefined;
  secondary: T[];
  sections: SectionBlock<T>[];
}

export const SECONDARY_STORIES = 3;
export const STORIES_PER_SECTION = 3;

/**
 * The lead story: the most recently published of the stories pinned at `now`, else the newest.
 * `stories` must be newest first, as listings are.
 */
export function leadStory<T extends FrontPageStory>(stories: readonly T[], now: Date): T | undefined {
  return (
    stories.find(
      (story) => story.featuredUntil !== undefined && story.featuredUntil.getTime() > now.getTime(),
    ) ?? stories[0]
  );
}

/** `stories` newest first; `sections` in the order the site lists them (navigation order). */
export function frontPage<T extends FrontPageStory>(
  stories: readonly T[],
  sections: readonly { slug: string; name: string }[],
  now: Date,
): FrontPage<T> {
  const lead = leadStory(stories, now);
  const secondary = stories.filter((story) => story !== lead).slice(0, SECONDARY_STORIES);
  const shown = new Set<T>([...(lead ? [lead] : []), ...secondary]);
  const blocks = sections
    .map((section) => ({
      ...section,
      items: stories
        .filter((story) => story.section === section.slug && !shown.has(story))
        .slice(0, STORIES_PER_SECTION),
    }))
    .filter((block) => block.items.length > 0);
  return { lead, secondary, sections: blocks };
}
