/**
 * The benchmark corpus: N articles of about 600 words with the front matter editors really write
 * (src/content.config.ts), headings, quotes, lists and links; every 10th article (or every article,
 * `HeroDensity`) has a colocated 2400×1600 hero JPEG. Article i depends only on (seed, i), so a
 * 1,000-article corpus is the first 1,000 articles of the 10,000 one, and the same seed always
 * writes the same bytes.
 */
import { copyFileSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../../src/lib/slugs.ts';
import { seededRandom, type Random } from './random.ts';

export const DEFAULT_SEED = 20261129;
export const HERO_EVERY = 10;
export const TARGET_WORDS = 600;

const SECTIONS = [
  'news',
  'politics',
  'business',
  'technology',
  'science',
  'culture',
  'sport',
  'entertainment',
] as const;
const TAGS = [
  'Coast',
  'Transport',
  'Housing',
  'Schools',
  'Health',
  'Energy',
  'Courts',
  'Weather',
  'Elections',
  'Farming',
  'Music',
  'Football',
  'Climate',
  'Budget',
  'Heritage',
  'Startups',
  'Police',
  'Rail',
  'Theatre',
  'Water',
];
const PLACES = [
  'the harbour',
  'the council chamber',
  'the north pier',
  'the old mill',
  'the market square',
  'the valley',
  'the river crossing',
  'the station',
  'the county hall',
  'the high street',
];
const SUBJECTS = [
  'Volunteers',
  'Residents',
  'The council',
  'Engineers',
  'Teachers',
  'Farmers',
  'Nurses',
  'The minister',
  'Local traders',
  'Researchers',
  'The club',
  'Campaigners',
];
const VERBS = [
  'restored',
  'opened',
  'rejected',
  'approved',
  'questioned',
  'rebuilt',
  'measured',
  'celebrated',
  'delayed',
  'funded',
  'inspected',
  'reviewed',
];
const OBJECTS = [
  'the footbridge',
  'a new timetable',
  'the flood defences',
  'the budget plan',
  'the lighthouse lamp',
  'a community garden',
  'the school roof',
  'the bus route',
  'the water main',
  'the festival programme',
];
const CLAUSES = [
  'after months of delay',
  'despite heavy rain',
  'on Saturday night',
  'for the first time since 1986',
  'ahead of the winter',
  'with little public notice',
  'at a cost still being counted',
  'in front of a crowd of several hundred',
];
const WORDS = [
  'report',
  'plan',
  'vote',
  'season',
  'figures',
  'repairs',
  'meeting',
  'service',
  'winter',
  'funding',
  'survey',
  'results',
  'crowd',
  'harbour',
  'evening',
  'decision',
  'records',
  'project',
  'schedule',
  'archive',
];
const FIRST_NAMES = [
  'Amara',
  'Jonas',
  'Priya',
  'Tomasz',
  'Elena',
  'Kwame',
  'Ines',
  'Hiroshi',
  'Maeve',
  'Diego',
  'Sofia',
  'Rui',
];
const LAST_NAMES = [
  'Okafor',
  'Berg',
  'Raman',
  'Nowak',
  'Costa',
  'Mensah',
  'Duarte',
  'Sato',
  'Byrne',
  'Alvarez',
  'Lind',
  'Ferreira',
];
const PUBLISHERS = ['Coastal Wire', 'Regional Press Agency', 'Valley Times', 'Northern Newswire'];

export const AUTHOR_IDS = FIRST_NAMES.map((first, i) => slugify(`${first} ${LAST_NAMES[i]}`));

export interface BenchArticle {
  /** The article's URL slug (and its file or folder name). */
  slug: string;
  /** Path relative to content/articles/: `<slug>.md`, or `<slug>/index.md` when it has a hero. */
  path: string;
  markdown: string;
  /** Which of the shared hero JPEGs sits next to it, or undefined without a hero. */
  heroVariant: number | undefined;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sentence(random: Random): string {
  const parts = [random.pick(SUBJECTS), random.pick(VERBS), random.pick(OBJECTS), random.pick(CLAUSES)];
  if (random.next() < 0.5) {
    const word = random.pick(WORDS);
    const outcome = random.pick(['was welcomed', 'drew questions', 'is due in spring', 'remains open']);
    parts.push(`, and the ${word} ${outcome}`);
  }
  return `${parts.join(' ').replace(' ,', ',')}.`;
}

function paragraph(random: Random, withLink: boolean): string {
  const sentences = Array.from({ length: random.int(3, 5) }, () => sentence(random));
  if (withLink) {
    const word = random.pick(WORDS);
    const place = random.pick(PLACES).replace('the ', 'the office at ');
    const url = `https://news.example.com/${word}/${random.int(100, 999)}`;
    sentences[1] = `Read the [${word} published by ${place}](${url}) for the full detail.`;
  }
  if (random.next() < 0.3) sentences[0] = sentences[0]!.replace(/^(\S+ \S+)/, '*$1*');
  return sentences.join(' ');
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

function body(random: Random): string {
  const blocks = [paragraph(random, false)];
  let section = 0;
  while (countWords(blocks.join(' ')) < TARGET_WORDS) {
    section += 1;
    blocks.push(`## ${capitalise(random.pick(WORDS))} at ${random.pick(PLACES)}`);
    blocks.push(paragraph(random, true));
    if (section % 2 === 1)
      blocks.push(
        `> ${sentence(random)} ${sentence(random)}\n>\n> — ${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      );
    else
      blocks.push(
        Array.from(
          { length: 4 },
          () => `- ${capitalise(random.pick(WORDS))}: ${sentence(random).toLowerCase()}`,
        ).join('\n'),
      );
    blocks.push(paragraph(random, false));
  }
  return blocks.join('\n\n');
}

/** JSON strings are valid YAML strings and need no further escaping. */
const yamlString = (text: string) => JSON.stringify(text);

function isoDate(random: Random): string {
  // Spread over ten years before the benchmark's build clock (PUBLISH_NOW in run.ts).
  const ms = Date.UTC(2016, 10, 28) + random.int(0, 3650) * 86_400_000 + random.int(6, 21) * 3_600_000;
  return new Date(ms).toISOString().replace('.000Z', '+00:00');
}

/**
 * How many articles have a hero. `every-tenth` (the default) shares 20 photographs among them,
 * so Astro encodes each photograph's variants once; `every-article` gives every article a
 * photograph of its own, as real archives have them (about one an article), so every one is
 * encoded: the profile that measures what images cost.
 */
export type HeroDensity = 'every-tenth' | 'every-article';
export const HERO_DENSITIES: readonly HeroDensity[] = ['every-tenth', 'every-article'];

export function benchArticle(
  index: number,
  seed = DEFAULT_SEED,
  heroes: HeroDensity = 'every-tenth',
): BenchArticle {
  const random = seededRandom(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const title = `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(CLAUSES)}`;
  const slug = `${slugify(title).slice(0, 60).replace(/-+$/, '')}-${index}`;
  const withHero = heroes === 'every-article' || index % HERO_EVERY === 0;
  const heroVariant = withHero ? random.int(0, 19) : undefined;
  const syndicated = random.next() < 0.3;
  const tags = [...new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(TAGS)))];
  const lines = [
    '---',
    `title: ${yamlString(title)}`,
    `description: ${yamlString(sentence(random))}`,
    `pubDate: ${isoDate(random)}`,
    `authors: [${syndicated ? '' : random.pick(AUTHOR_IDS)}]`,
    `section: ${random.pick(SECTIONS)}`,
    `tags: [${tags.map(yamlString).join(', ')}]`,
  ];
  if (heroVariant !== undefined) {
    lines.push(
      'heroImage:',
      '  src: ./hero.jpg',
      `  alt: ${yamlString(`A view of ${random.pick(PLACES)} in the early evening.`)}`,
      `  caption: ${yamlString(sentence(random))}`,
      `  credit: ${yamlString(random.pick(PUBLISHERS))}`,
    );
  }
  lines.push('source:');
  if (syndicated) {
    const publisher = random.pick(PUBLISHERS);
    lines.push(
      '  relationship: syndicated',
      `  publisher: ${yamlString(publisher)}`,
      `  url: https://wire.example.net/${slugify(publisher)}/${index}`,
      '  licence: Wire agreement 2026',
    );
  } else {
    lines.push('  relationship: original');
  }
  if (random.next() < 0.05)
    lines.push(
      'corrections:',
      `  - date: ${isoDate(random)}`,
      `    text: ${yamlString(`An earlier version misnamed ${random.pick(PLACES)}.`)}`,
    );
  lines.push('---', '', body(random), '');
  const path = heroVariant === undefined ? `${slug}.md` : `${slug}/index.md`;
  return { slug, path, markdown: lines.join('\n'), heroVariant };
}

export function authorYaml(id: string, index: number): string {
  return (
    `name: ${FIRST_NAMES[index]} ${LAST_NAMES[index]}\n` +
    `bio: ${yamlString(`Reports on ${TAGS[index]!.toLowerCase()} and the towns along the coast. Author id ${id}.`)}\n`
  );
}

/**
 * Writes content/articles and content/authors for N articles into `contentDir`. Heroes are hard
 * links to the shared JPEGs (copies when linking fails), so 10,000 articles cost no extra disk;
 * with `every-article`, each is a copy made distinct by a JPEG comment naming its article (the
 * same pixels, a different file and so a different image to Astro, which keys by content).
 */
export function writeCorpus(
  contentDir: string,
  count: number,
  heroJpegs: readonly string[],
  seed = DEFAULT_SEED,
  heroes: HeroDensity = 'every-tenth',
): BenchArticle[] {
  const articlesDir = join(contentDir, 'articles');
  const authorsDir = join(contentDir, 'authors');
  mkdirSync(articlesDir, { recursive: true });
  mkdirSync(authorsDir, { recursive: true });
  AUTHOR_IDS.forEach((id, i) => writeFileSync(join(authorsDir, `${id}.yaml`), authorYaml(id, i)));
  const articles: BenchArticle[] = [];
  for (let index = 0; index < count; index++) {
    const article = benchArticle(index, seed, heroes);
    const file = join(articlesDir, article.path);
    if (article.heroVariant !== undefined) {
      mkdirSync(join(articlesDir, article.slug), { recursive: true });
      const shared = heroJpegs[article.heroVariant % heroJpegs.length]!;
      const target = join(articlesDir, article.slug, 'hero.jpg');
      if (heroes === 'every-article')
        writeFileSync(target, withJpegComment(readFileSync(shared), `bench article ${index}`));
      else linkOrCopy(shared, target);
    }
    writeFileSync(file, article.markdown);
    articles.push(article);
  }
  return articles;
}

/** The JPEG with a comment segment (COM, 0xFFFE) right after its start marker. */
export function withJpegComment(jpeg: Buffer, comment: string): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG: no start-of-image marker');
  const text = Buffer.from(comment, 'latin1');
  const header = Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, text, jpeg.subarray(2)]);
}

export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
