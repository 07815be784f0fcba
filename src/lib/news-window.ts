/**
 * How long an article stays in the Google News sitemap after its pubDate. Its own module, free of
 * dependencies, because the scheduled workflow's "is anything due" check (scripts/publish/due.ts)
 * reads it before `npm ci`: an article leaving the news sitemap changes the site by the clock alone.
 */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
