/** Dates as readers and machines see them, always in the site's timezone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per (locale, options): building an Intl.DateTimeFormat costs ~0.3 ms, and a
 * 10,000-article build formats dates hundreds of thousands of times.
 */
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}\u0000${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.DateTimeFormat(lang, options)));
  return cached;
}

/** "29 November 2026" in the site's language and timezone. */
export function formatDate(date: Date, lang: string, timeZone: string): string {
  return formatter(lang, { dateStyle: 'long', timeZone }).format(date);
}

/**
 * "12–20 March 2026", "28 February – 3 March 2026", or one date when both fall on the same day,
 * in the site's language and timezone (the span of an archive page's articles).
 */
export function formatDateRange(from: Date, to: Date, lang: string, timeZone: string): string {
  return formatter(lang, { dateStyle: 'long', timeZone }).formatRange(from, to);
}

/**
 * "3 Dec 2026, 14:05" in the site's language and timezone: the absolute time a story card and an
 * article's meta line show ("2 hours ago" would go stale on a static page).
 */
export function formatDateTime(date: Date, lang: string, timeZone: string): string {
  return formatter(lang, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}

/** The UTC offset of `timeZone` at `date`, as "+01:00". */
export function offsetAt(date: Date, timeZone: string): string {
  const name = formatter('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')!.value; // "GMT+01:00" or "GMT"
  const offset = name.replace('GMT', '');
  return offset === '' ? '+00:00' : offset;
}

const isoStrings = new Map<string, string>();

/**
 * ISO 8601 with the site's offset, e.g. 2026-11-29T10:00:00+01:00 (what JSON-LD and <time> want).
 * Kept per instant: a page shows the dates of the articles it lists, and formatToParts is slow
 * (~1 s of a 10,000-article build before).
 */
export function isoWithOffset(date: Date, timeZone: string): string {
  const key = `${date.getTime()}\u0000${timeZone}`;
  let iso = isoStrings.get(key);
  if (iso === undefined) {
    if (isoStrings.size >= 100_000) isoStrings.clear();
    isoStrings.set(key, (iso = isoWithOffsetOf(date, timeZone)));
  }
  return iso;
}

function isoWithOffsetOf(date: Date, timeZone: string): string {
  const offset = offsetAt(date, timeZone);
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  const local = new Date(date.getTime() + sign * (hours! * 60 + minutes!) * 60_000);
  return `${local.toISOString().slice(0, 19)}${offset}`;
}
