import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { articleSchema, authorSchema } from '../../src/content.config.ts';
import { SLUG_PATTERN } from '../../src/lib/slugs.ts';
import {
  AUTHOR_IDS,
  authorYaml,
  benchArticle,
  HERO_EVERY,
  withJpegComment,
  writeCorpus,
} from '../../scripts/bench/corpus.ts';

const frontMatterOf = (markdown: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!);
const bodyOf = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
// image() resolves files at build time; here the path string itself is what we check.
const schemaContext = { image: () => z.string().startsWith('./') } as unknown as Parameters<
  typeof articleSchema
>[0];

describe('benchArticle', () => {
  it('is a pure function of (index, seed)', () => {
    expect(benchArticle(42, 7)).toEqual(benchArticle(42, 7));
    expect(benchArticle(42, 7).markdown).not.toBe(benchArticle(42, 8).markdown);
    expect(benchArticle(42, 7).markdown).not.toBe(benchArticle(43, 7).markdown);
  });

  it('writes front matter the real content model accepts', () => {
    const schema = articleSchema(schemaContext);
    for (let index = 0; index < 300; index++) {
      const parsed = schema.safeParse(frontMatterOf(benchArticle(index).markdown));
      expect(parsed.error?.issues, `article ${index}`).toBeUndefined();
    }
  });

  it('writes about 600 words with headings, quotes, lists and links', () => {
    for (let index = 0; index < 50; index++) {
      const body = bodyOf(benchArticle(index).markdown);
      const words = body.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(550);
      expect(words).toBeLessThanOrEqual(800);
      expect(body).toMatch(/^## /m);
      expect(body).toMatch(/^> /m);
      expect(body).toMatch(/^- /m);
      expect(body).toMatch(/\]\(https:\/\/news\.example\.com\//);
    }
  });

  it('gives every 10th article a colocated hero, and only those', () => {
    for (let index = 0; index < 100; index++) {
      const article = benchArticle(index);
      const data = frontMatterOf(article.markdown);
      if (index % HERO_EVERY === 0) {
        expect(article.heroVariant).toBeGreaterThanOrEqual(0);
        expect(article.path).toBe(`${article.slug}/index.md`);
        expect(data.heroImage.src).toBe('./hero.jpg');
      } else {
        expect(article.heroVariant).toBeUndefined();
        expect(article.path).toBe(`${article.slug}.md`);
        expect(data.heroImage).toBeUndefined();
      }
    }
  });

  it('gives every article a hero with every-article, and changes nothing else of the default corpus', () => {
    const schema = articleSchema(schemaContext);
    for (let index = 0; index < 100; index++) {
      const dense = benchArticle(index, undefined, 'every-article');
      expect(dense.heroVariant, `article ${index}`).toBeGreaterThanOrEqual(0);
      expect(frontMatterOf(dense.markdown).heroImage.src).toBe('./hero.jpg');
      expect(schema.safeParse(frontMatterOf(dense.markdown)).error).toBeUndefined();
      if (index % HERO_EVERY === 0) expect(dense).toEqual(benchArticle(index));
    }
  });

  it('gives unique, valid slugs', () => {
    const slugs = Array.from({ length: 2000 }, (_, index) => benchArticle(index).slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('authors', () => {
  it('are valid author files', () => {
    const schema = authorSchema(schemaContext);
    AUTHOR_IDS.forEach((id, index) => {
      expect(id).toMatch(SLUG_PATTERN);
      expect(schema.safeParse(parseYaml(authorYaml(id, index))).error).toBeUndefined();
    });
  });
});

describe('writeCorpus', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes the same bytes for the same seed, and a smaller corpus is a prefix of a larger one', () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    const heroes = [0, 1].map((variant) => {
      const file = join(dir!, `hero-${variant}.jpg`);
      writeFileSync(file, `jpeg ${variant}`);
      return file;
    });
    const small = writeCorpus(join(dir, 'small'), 20, heroes);
    const large = writeCorpus(join(dir, 'large'), 30, heroes);
    expect(large.slice(0, 20)).toEqual(small);
    for (const article of small) {
      expect(readFileSync(join(dir, 'small/articles', article.path), 'utf8')).toBe(article.markdown);
      expect(readFileSync(join(dir, 'large/articles', article.path), 'utf8')).toBe(article.markdown);
    }
    const files = readdirSync(join(dir, 'small/articles'), { recursive: true, encoding: 'utf8' });
    expect(files.filter((file) => file.endsWith('.md'))).toHaveLength(20);
    const heroFiles = files.filter((file) => file.endsWith('hero.jpg'));
    expect(heroFiles).toHaveLength(2);
    // Heroes are hard links to the shared JPEGs, not copies.
    for (const file of heroFiles)
      expect(statSync(join(dir, 'small/articles', file)).nlink).toBeGreaterThan(1);
    expect(readdirSync(join(dir, 'small/authors'))).toHaveLength(AUTHOR_IDS.length);
  });

  it('with every-article, writes each hero as a file of its own with distinct bytes', () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    const shared = join(dir, 'hero-0.jpg');
    writeFileSync(shared, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const articles = writeCorpus(join(dir, 'dense'), 12, [shared], undefined, 'every-article');
    const heroes = articles.map((article) => join(dir!, 'dense/articles', article.slug, 'hero.jpg'));
    const contents = heroes.map((file) => readFileSync(file).toString('latin1'));
    expect(new Set(contents).size).toBe(12);
    for (const file of heroes) expect(statSync(file).nlink).toBe(1);
  });
});

describe('withJpegComment', () => {
  it('puts a comment segment right after the start marker, with its length, and keeps the rest', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0xff, 0xd9]);
    const marked = withJpegComment(jpeg, 'article 7');
    expect([...marked.subarray(0, 6)]).toEqual([0xff, 0xd8, 0xff, 0xfe, 0x00, 11]);
    expect(marked.subarray(6, 15).toString('latin1')).toBe('article 7');
    expect(marked.subarray(15)).toEqual(jpeg.subarray(2));
  });

  it('refuses a file that is not a JPEG', () => {
    expect(() => withJpegComment(Buffer.from('GIF89a'), 'x')).toThrow(/not a JPEG/);
  });
});
