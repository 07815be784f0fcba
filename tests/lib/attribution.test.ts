import { describe, expect, it } from 'vitest';
import { describeSource, type Relationship } from '../../src/lib/attribution.ts';

const SITE = 'The Example Review';
const format = (date: Date) => date.toISOString().slice(0, 10);
const full = {
  publisher: 'Harbour Gazette',
  url: 'https://gazette.example/story',
  author: 'Sam Lee',
  originalPubDate: new Date('2026-11-01T08:00:00Z'),
  licence: 'CC BY 4.0',
};

describe('describeSource', () => {
  it('calls original work original reporting by the site', () => {
    expect(describeSource({ relationship: 'original' }, SITE, format)).toEqual({
      sentences: ['Original reporting by The Example Review.'],
      fromElsewhere: false,
    });
  });

  it.each([
    ['syndicated', 'First published by Sam Lee for Harbour Gazette on 2026-11-01.'],
    ['adapted', 'Adapted from a story first published by Sam Lee for Harbour Gazette on 2026-11-01.'],
    ['excerpt', 'An excerpt from a story first published by Sam Lee for Harbour Gazette on 2026-11-01.'],
  ] as [Relationship, string][])(
    'states every recorded fact for %s copy in sentences, with the link and licence',
    (relationship, first) => {
      expect(describeSource({ relationship, ...full }, SITE, format)).toEqual({
        sentences: [first, 'Republished under CC BY 4.0.'],
        link: { href: full.url, text: 'Read the original at Harbour Gazette' },
        fromElsewhere: true,
      });
    },
  );

  it('says the copy did not link to the original when only the publisher is known', () => {
    expect(
      describeSource({ relationship: 'syndicated', publisher: 'Harbour Gazette' }, SITE, format),
    ).toEqual({
      sentences: ['First published by Harbour Gazette.', 'The copy did not link to the original.'],
      fromElsewhere: true,
    });
  });

  it('describes the seed (no publisher, no URL, only the copy’s own line) in plain words, keeping its line', () => {
    const attribution = describeSource(
      { relationship: 'syndicated', attributionLine: 'Read Full Article' },
      SITE,
      format,
    );
    expect(attribution).toEqual({
      sentences: [
        'This is wire copy republished by The Example Review.',
        'The copy did not name its original publisher or link to it.',
      ],
      copyLine: 'Read Full Article',
      fromElsewhere: true,
    });
    expect(attribution.sentences.join(' ')).not.toMatch(/not recorded|original URL/);
  });

  it.each([
    ['adapted', 'This is a story adapted from wire copy republished by The Example Review.'],
    ['excerpt', 'This is an excerpt of wire copy republished by The Example Review.'],
  ] as [Relationship, string][])(
    'names what %s copy is when the publisher is unknown',
    (relationship, sentence) => {
      expect(describeSource({ relationship }, SITE, format).sentences[0]).toBe(sentence);
    },
  );

  it('credits a known writer and date even when the publisher is unknown, and links a known URL', () => {
    const attribution = describeSource(
      { relationship: 'syndicated', author: 'Sam Lee', url: full.url, originalPubDate: full.originalPubDate },
      SITE,
      format,
    );
    expect(attribution.sentences).toEqual([
      'This is wire copy republished by The Example Review.',
      'It was written by Sam Lee on 2026-11-01.',
      'The copy did not name its original publisher.',
    ]);
    expect(attribution.link).toEqual({ href: full.url, text: 'Read the original' });
  });
});
