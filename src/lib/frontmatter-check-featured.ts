/**
 * A lead-story pin (front matter `featured.until`) must end after the story is published and
 * within MAX_PIN_DAYS of it: a pin without a near end would keep one story on top for good.
 */
import { MAX_PIN_DAYS } from './front-page.ts';

const DAY_MS = 86_400_000;

/** What is wrong with the pin, or undefined when there is none or it is fine. */
export function featuredPinProblem(article: {
  pubDate?: unknown;
  featured?: { until?: unknown } | undefined;
}): { message: string; hint: string } | undefined {
  const until = article.featured?.until;
  const { pubDate } = article;
  if (!(until instanceof Date) || !(pubDate instanceof Date)) return undefined;
  const latest = new Date(pubDate.getTime() + MAX_PIN_DAYS * DAY_MS);
  if (until.getTime() <= pubDate.getTime()) {
    return {
      message: `the pin ends (${until.toISOString()}) before the story is published (pubDate ${pubDate.toISOString()})`,
      hint: `set until to a moment after pubDate, at most ${MAX_PIN_DAYS} days later, or remove featured`,
    };
  }
  if (until.getTime() > latest.getTime()) {
    return {
      message: `the pin lasts more than ${MAX_PIN_DAYS} days after pubDate`,
      hint: `set until to ${latest.toISOString()} or earlier; pin the story again later if it should still lead`,
    };
  }
  return undefined;
}
