import { describe, expect, it } from 'vitest';
import { describeSource, type Relationship } from '../../src/lib/attribution.ts';

const format = (date: Date) => date.toISOString().slice(0, 10);
const full = { publisher: 'Harbour Gazette', url: 'https://gazette.example/story', author: 'Sam Lee', originalPubDate: new Date('2026-11-01T08:00:00Z'), licence: 'CC BY 4.0' };

describe('describeSource', () => {
  it('calls original work original, with nothing unknown', () => {
    expect(describeSource({ relationship: 'original' }, format)).toEqual({ statement: 'Original reporting for this publication.', fromElsewhere: false, unknown: [] });
  });

  it.each([
    ['syndicated', 'Originally published by Sam Lee for Harbour Gazette on 2026-11-01.'],
    ['adapted', 'Adapted from an article first published by Sam Lee for Harbour Gazette on 2026-11-01.'],
    ['excerpt', 'Excerpted from an article first published by Sam Lee for Harbour Gazette on 2026-11-01.'],
  ] as [Relationship, string][])('states every recorded fact for %s copy, with the link and licence', (relationship, statement) => {
    expect(describeSource({ relationship, ...full }, format)).toEqual({
      statement,
      link: { href: full.url, text: 'Read the original' },
      licence: 'CC BY 4.0',
      fromElsewhere: true,
      unknown: [],
    });
  });

  it('leaves out what is not recorded instead of guessing', () => {
    expect(describeSource({ relationship: 'syndicated', publisher: 'Harbour Gazette' }, format)).toMatchObject({
      statement: 'Originally published by Harbour Gazette.',
      link: undefined,
      unknown: ['original URL', 'original publication date'],
    });
  });

  it.each([
    ['syndicated', 'Syndicated copy'],
    ['adapted', 'Adapted article'],
    ['excerpt', 'Excerpt'],
  ] as [Relationship, string][])('says plainly when the %s copy has no recorded publisher', (relationship, noun) => {
    const attribution = describeSource({ relationship }, format);
    expect(attribution.statement).toBe(`${noun}; the original publisher is not recorded.`);
    expect(attribution.unknown).toEqual(['publisher', 'original URL', 'original publication date']);
    expect(attribution.link).toBeUndefined();
  });

  it('credits a known writer even when the publisher is unknown, and links a known URL', () => {
    const attribution = describeSource({ relationship: 'syndicated', author: 'Sam Lee', url: full.url }, format);
    expect(attribution.statement).toBe('Syndicated copy; the original publisher is not recorded. Written by Sam Lee.');
    expect(attribution.link?.href).toBe(full.url);
    expect(attribution.unknown).toEqual(['publisher', 'original publication date']);
  });
});
