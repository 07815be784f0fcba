/**
 * Dates as archives write them -> ISO 8601 with an offset, which the content check requires.
 * Jekyll writes `2019-03-04 10:00:00 +0100`, Hugo `2019-03-04T10:00:00+01:00`, many posts a bare
 * `2019-03-04`; TOML gives Date objects whose toISOString keeps a local time local. A time without
 * an offset is read as the site's wall-clock time (SITE_TIMEZONE), as the old site showed it.
 */
import { offsetAt } from './dates.ts';

const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** The offset of `timeZone` for a wall-clock time there (settled in two steps, for DST). */
function offsetForWallTime(wall: string, timeZone: string): string {
  const asUtc = new Date(`${wall}Z`);
  const first = offsetAt(asUtc, timeZone);
  const guess = new Date(asUtc.getTime() - offsetMinutes(first) * 60_000);
  return offsetAt(guess, timeZone);
}

function offsetMinutes(offset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** An archive date as ISO 8601 with offset, or undefined when it is not a date (or not a real one). */
export function archiveDate(value: unknown, timeZone: string): string | undefined {
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : undefined;
  const match = text === undefined ? null : DATE.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone] = match;
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // YAML would roll 2019-02-30 over into March; an impossible date is not a date.
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const wall = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  if (zone === undefined) return `${wall}${offsetForWallTime(wall, timeZone)}`;
  if (zone.toUpperCase() === 'Z') return `${wall}+00:00`;
  const digits = zone.replace(':', '');
  return `${wall}${digits.slice(0, 3)}:${digits.slice(3)}`;
}
