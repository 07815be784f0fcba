import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isoWithOffset, offsetAt } from '../../src/lib/dates.ts';

const winter = new Date('2026-01-15T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');

describe('offsetAt', () => {
  it.each([
    [winter, 'Europe/London', '+00:00'],
    [summer, 'Europe/London', '+01:00'],
    [winter, 'America/New_York', '-05:00'],
    [summer, 'Asia/Kolkata', '+05:30'],
    [summer, 'UTC', '+00:00'],
  ])('%s in %s is %s', (date, zone, offset) => {
    expect(offsetAt(date, zone)).toBe(offset);
  });
});

describe('isoWithOffset', () => {
  it('writes the local wall time with its offset, the same instant', () => {
    expect(isoWithOffset(summer, 'Europe/London')).toBe('2026-07-15T13:00:00+01:00');
    expect(isoWithOffset(winter, 'America/New_York')).toBe('2026-01-15T07:00:00-05:00');
    expect(isoWithOffset(summer, 'Asia/Kolkata')).toBe('2026-07-15T17:30:00+05:30');
    for (const zone of ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
      expect(new Date(isoWithOffset(summer, zone)).getTime()).toBe(summer.getTime());
    }
  });

  it('crosses the date line when the zone does', () => {
    expect(isoWithOffset(new Date('2026-11-29T23:30:00Z'), 'Pacific/Auckland')).toBe(
      '2026-11-30T12:30:00+13:00',
    );
  });

  it('is right on both sides of a daylight-saving change', () => {
    expect(isoWithOffset(new Date('2026-03-29T00:59:59Z'), 'Europe/London')).toBe(
      '2026-03-29T00:59:59+00:00',
    );
    expect(isoWithOffset(new Date('2026-03-29T01:00:00Z'), 'Europe/London')).toBe(
      '2026-03-29T02:00:00+01:00',
    );
  });
});

describe('formatDate', () => {
  it('shows the date in the site timezone, not the machine’s', () => {
    const lateEvening = new Date('2026-11-29T23:30:00Z');
    expect(formatDate(lateEvening, 'en-GB', 'Europe/London')).toBe('29 November 2026');
    expect(formatDate(lateEvening, 'en-GB', 'Asia/Tokyo')).toBe('30 November 2026');
    expect(formatDate(lateEvening, 'en-US', 'America/New_York')).toBe('November 29, 2026');
  });
});

describe('formatDateTime', () => {
  it('shows day, short month, year and 24-hour time in the site timezone', () => {
    expect(formatDateTime(new Date('2026-12-03T14:05:00Z'), 'en-GB', 'Europe/London')).toBe(
      '3 Dec 2026, 14:05',
    );
    expect(formatDateTime(new Date('2026-07-03T14:05:00Z'), 'en-GB', 'Europe/London')).toBe(
      '3 Jul 2026, 15:05',
    );
    expect(formatDateTime(new Date('2026-11-29T23:30:00Z'), 'en-GB', 'Asia/Tokyo')).toBe(
      '30 Nov 2026, 08:30',
    );
  });
});
