/**
 * The wire importer on each agency's plain-text format. The copy is written for these tests
 * (fictional people and places), in the shape each agency's copy arrives in.
 */
import { describe, expect, it } from 'vitest';
import { parseWireCopy, wireCopyToArticle } from '../../src/lib/wire-import.ts';

const AP =
  `Harbour town votes to rebuild storm-hit pier

By Jane Doe and Marcus Webb
The Associated Press

PORT ELLIS, Maine (AP) — Residents of this fishing town voted ` +
  `Tuesday to rebuild the pier that a winter storm tore apart.

"We can't fish from the beach," said harbour master Ellen Fairweather.

-30-
`;

const REUTERS = `Fictional carmaker Norvale to cut 2,000 jobs

LONDON, Dec 3 (Reuters) - Norvale Motors said on Wednesday it would cut 2,000 jobs in Britain.

The company, which makes the Solent hatchback, blamed weak demand.

Reporting by Priya Lalwani and Tom Hale in London; Editing by Sam Okoro
`;

const AFP =
  `Rare orchid found on island of Velmora
By Claire Dumont

VELMORA, France (AFP) - Botanists on the island of Velmora have ` +
  `found an orchid last seen a century ago, they said on Thursday.

* * *

The flower grows in a single valley, the team said.
`;

const PA = `Council approves new ferry timetable

By Owen Pryce, PA Transport Correspondent

A new ferry timetable for the Ardley crossing was approved on Monday.

Councillor Ruth Mallory said the change would cut waiting times.

ENDS
`;

const SEED_STYLE = `Lamp lit again at Kestrel Point

Volunteers lit the restored lamp on Saturday.

Crowds watched from the quay.

Source: https://coast.example/lamp-lit-again
`;

const parsed = (text: string) => parseWireCopy(text);
const article = (text: string, draft?: boolean) =>
  wireCopyToArticle(parsed(text), {
    pubDate: '2026-12-03T09:00:00Z',
    section: 'news',
    ...(draft === undefined ? {} : { draft }),
  }).markdown;

describe('wire importer', () => {
  it(
    'AP: byline and agency lines go to source.author and publisher; ' +
      'the dateline opens the body; -30- is dropped',
    () => {
      const copy = parsed(AP);
      expect(copy.source).toEqual({ author: 'Jane Doe and Marcus Webb', publisher: 'The Associated Press' });
      expect(copy.paragraphs).toEqual([
        'PORT ELLIS, Maine (AP) — Residents of this fishing town voted ' +
          'Tuesday to rebuild the pier that a winter storm tore apart.',
        '"We can\'t fish from the beach," said harbour master Ellen Fairweather.',
      ]);
    },
  );

  it(
    'Reuters: the agency from the dateline, reporters from the ' +
      'trailer, which leaves the body for the attribution line',
    () => {
      const copy = parsed(REUTERS);
      expect(copy.source).toEqual({
        publisher: 'Reuters',
        author: 'Priya Lalwani and Tom Hale',
        attributionLine: 'Reporting by Priya Lalwani and Tom Hale in London; Editing by Sam Okoro',
      });
      expect(copy.paragraphs.at(0)).toBe(
        'LONDON, Dec 3 (Reuters) - Norvale Motors said on Wednesday it would cut 2,000 jobs in Britain.',
      );
      expect(copy.paragraphs.at(-1)).toBe(
        'The company, which makes the Solent hatchback, blamed weak demand.',
      );
    },
  );

  it('AFP: a byline straight under the headline is never merged into the body; a separator stays a separator', () => {
    const copy = parsed(AFP);
    expect(copy.source).toEqual({ author: 'Claire Dumont', publisher: 'Agence France-Presse' });
    expect(copy.paragraphs).toHaveLength(3);
    expect(copy.paragraphs[0]).toMatch(/^VELMORA, France \(AFP\) - Botanists/);
    expect(article(AFP)).toContain('they said on Thursday.\n\n* * *\n\nThe flower grows');
  });

  it('PA: the role after the byline names the agency and is not part of the name; ENDS is dropped', () => {
    const copy = parsed(PA);
    expect(copy.source).toEqual({ author: 'Owen Pryce', publisher: 'PA Media' });
    expect(copy.paragraphs).toEqual([
      'A new ferry timetable for the Ardley crossing was approved on Monday.',
      'Councillor Ruth Mallory said the change would cut waiting times.',
    ]);
  });

  it('the seed format: headline, paragraphs and `Source: <url>` to source.url', () => {
    const copy = parsed(SEED_STYLE);
    expect(copy.source).toEqual({ url: 'https://coast.example/lamp-lit-again' });
    expect(copy.paragraphs).toEqual([
      'Volunteers lit the restored lamp on Saturday.',
      'Crowds watched from the quay.',
    ]);
  });

  it('writes the source fields in one order and leaves unknown ones unset, saying so', () => {
    const text = article(REUTERS);
    expect(text).toContain(
      'source:\n  relationship: syndicated\n  publisher: Reuters\n' +
        '  author: Priya Lalwani and Tom Hale\n  attributionLine: Reporting by',
    );
    expect(text).toContain('left unset: source.url, source.originalPubDate.');
  });

  it('imports a draft unless told to publish', () => {
    expect(article(AP)).toContain('\ndraft: true\n');
    expect(article(AP, false)).not.toContain('draft:');
  });

  it('does not take a first paragraph starting with "By" for a byline', () => {
    const copy = parsed('Cyclists return\n\nBy noon on Sunday, the bridge was full of cyclists again.\n');
    expect(copy.source).toEqual({});
    expect(copy.paragraphs).toEqual(['By noon on Sunday, the bridge was full of cyclists again.']);
  });
});
