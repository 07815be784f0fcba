import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  NEWS_LIMIT,
  NEWS_WINDOW_MS,
  newsLanguage,
  newsSitemapEntries,
  newsSitemapXml,
} from '../../src/lib/news-sitemap.ts';

const NOW = new Date('2026-11-30T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const candidate = (name: string, published: Date) => ({
  url: `https://news.example/articles/${name}/`,
  title: name,
  published,
});

describe('newsSitemapEntries', () => {
  it('keeps articles up to exactly two days old and drops older or future ones', () => {
    const entries = newsSitemapEntries(
      [
        candidate('just-now', NOW),
        candidate('exactly-two-days', at(-NEWS_WINDOW_MS)),
        candidate('two-days-and-a-millisecond', at(-NEWS_WINDOW_MS - 1)),
        candidate('in-the-future', at(1)),
      ],
      NOW,
    );
    expect(entries.map((entry) => entry.title)).toEqual(['just-now', 'exactly-two-days']);
  });

  it(`keeps the newest ${NEWS_LIMIT} when there are more`, () => {
    const many = Array.from({ length: NEWS_LIMIT + 5 }, (_, index) =>
      candidate(`a${index}`, at(-index * 1000)),
    );
    const entries = newsSitemapEntries(many.toReversed(), NOW);
    expect(entries).toHaveLength(NEWS_LIMIT);
    expect(entries[0]!.title).toBe('a0');
    expect(entries.at(-1)!.title).toBe(`a${NEWS_LIMIT - 1}`);
  });
});

describe('newsLanguage', () => {
  it('reduces BCP 47 tags to the ISO 639 codes Google accepts', () => {
    expect(newsLanguage('en-GB')).toBe('en');
    expect(newsLanguage('de')).toBe('de');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
    expect(newsLanguage('zh-Hans-CN')).toBe('zh-cn');
  });
});

describe('newsSitemapXml', () => {
  it('writes the news: namespace with publication, date and an escaped title', async () => {
    const xml = await newsSitemapXml(
      [candidate('a', NOW), { ...candidate('b', NOW), title: 'Q&A: ]]> </news:title> \u0000 done' }],
      { name: 'Tom & Jerry Times', lang: 'en-GB' },
      (date) => date.toISOString(),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const urlset = new XMLParser({ ignoreAttributes: false }).parse(xml).urlset;
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const [first, second] = urlset.url;
    expect(first.loc).toBe('https://news.example/articles/a/');
    expect(first['news:news']['news:publication']).toEqual({
      'news:name': 'Tom & Jerry Times',
      'news:language': 'en',
    });
    expect(first['news:news']['news:publication_date']).toBe('2026-11-30T12:00:00.000Z');
    expect(second['news:news']['news:title']).toBe('Q&A: ]]> </news:title>  done');
  });

  it('writes a valid empty urlset when nothing is recent', async () => {
    const xml = await newsSitemapXml([], { name: 'N', lang: 'en' }, (date) => date.toISOString());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser().parse(xml).urlset).toBe('');
  });
});
