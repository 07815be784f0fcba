/**
 * A JSON-LD validator for the schema.org types this site emits, checked offline.
 *
 * Why not @adobe/structured-data-validator: it needs the schema.org vocabulary passed in, which
 * its README fetches from schema.org at run time (not reachable from CI), and it has no handler
 * for Article/NewsArticle, so Google's NewsArticle recommendations would go unchecked anyway.
 *
 * Here each type lists the schema.org properties it may carry (its own and inherited ones, from
 * schema.org) with their expected value kinds, so a misspelt property, a relative URL, a date
 * without a time zone or a Person where a URL belongs is an error. Google's recommended
 * properties (developers.google.com/search/docs/appearance/structured-data/article and
 * …/breadcrumb) are reported separately, because an honest page may lack one (a wire story
 * whose author was never credited must not get an invented one).
 */
import { Parser } from 'htmlparser2';
import { isAbsoluteHttpUrl, isRealDate } from './formats.ts';

type Kind = 'Text' | 'URL' | 'DateTime' | 'Date' | 'Number' | 'Integer' | 'Boolean' | { types: string[] };

const text: Kind[] = ['Text'];
const url: Kind[] = ['URL'];
const dateTime: Kind[] = ['DateTime', 'Date'];
const thing = (...types: string[]): Kind => ({ types });

const THING: Record<string, Kind[]> = {
  '@id': url,
  name: text,
  alternateName: text,
  description: text,
  url,
  sameAs: url,
  identifier: ['Text', 'URL'],
  image: ['URL', thing('ImageObject')],
  mainEntityOfPage: ['URL', thing('WebPage')],
  potentialAction: [thing('SearchAction', 'ReadAction')],
};
const CREATIVE_WORK: Record<string, Kind[]> = {
  ...THING,
  headline: text,
  author: [thing('Person', 'Organization')],
  creator: [thing('Person', 'Organization')],
  contributor: [thing('Person', 'Organization')],
  editor: [thing('Person')],
  publisher: [thing('Organization', 'Person')],
  sourceOrganization: [thing('Organization')],
  copyrightHolder: [thing('Organization', 'Person')],
  copyrightYear: ['Integer'],
  datePublished: dateTime,
  dateModified: dateTime,
  dateCreated: dateTime,
  inLanguage: text,
  keywords: ['Text', 'URL'],
  isBasedOn: ['URL', thing('CreativeWork')],
  isPartOf: ['URL', thing('CreativeWork', 'WebSite', 'WebPage')],
  about: [thing('Thing', 'Person', 'Organization')],
  thumbnailUrl: url,
  license: ['URL', thing('CreativeWork')],
  isAccessibleForFree: ['Boolean'],
  mainEntity: [thing('Person', 'Organization', 'Thing', 'ItemList', 'NewsArticle', 'Article')],
  genre: ['Text', 'URL'],
  text,
  abstract: text,
  wordCount: ['Integer'],
  timeRequired: text,
};
const ARTICLE: Record<string, Kind[]> = {
  ...CREATIVE_WORK,
  articleSection: text,
  articleBody: text,
  speakable: ['URL', thing('SpeakableSpecification')],
};
const WEB_PAGE: Record<string, Kind[]> = {
  ...CREATIVE_WORK,
  breadcrumb: [thing('BreadcrumbList')],
  primaryImageOfPage: [thing('ImageObject')],
  lastReviewed: ['Date'],
  relatedLink: url,
  significantLink: url,
};
const ORGANIZATION: Record<string, Kind[]> = {
  ...THING,
  logo: ['URL', thing('ImageObject')],
  email: text,
  telephone: text,
  foundingDate: ['Date'],
  parentOrganization: [thing('Organization')],
  publishingPrinciples: ['URL', thing('CreativeWork')],
  correctionsPolicy: ['URL', thing('CreativeWork')],
  ethicsPolicy: ['URL', thing('CreativeWork')],
};
const ITEM_LIST: Record<string, Kind[]> = {
  ...THING,
  itemListElement: [thing('ListItem')],
  numberOfItems: ['Integer'],
  itemListOrder: text,
};

interface TypeSpec {
  properties: Record<string, Kind[]>;
  /** Google's recommended properties: missing ones are reported as recommendations. */
  recommended?: string[];
  /** Properties without which the node is wrong, not merely poorer. */
  required?: string[];
}

const TYPES: Record<string, TypeSpec> = {
  Thing: { properties: THING },
  CreativeWork: { properties: CREATIVE_WORK },
  Article: {
    properties: ARTICLE,
    required: ['headline', 'datePublished'],
    recommended: ['author', 'dateModified', 'image'],
  },
  NewsArticle: {
    properties: {
      ...ARTICLE,
      dateline: text,
      printColumn: text,
      printEdition: text,
      printPage: text,
      printSection: text,
    },
    required: ['headline', 'datePublished'],
    recommended: ['author', 'dateModified', 'image'],
  },
  WebPage: { properties: WEB_PAGE },
  ProfilePage: { properties: WEB_PAGE, required: ['mainEntity'] },
  CollectionPage: { properties: WEB_PAGE },
  SearchResultsPage: { properties: WEB_PAGE },
  WebSite: { properties: { ...CREATIVE_WORK } },
  Person: {
    properties: {
      ...THING,
      givenName: text,
      familyName: text,
      jobTitle: text,
      email: text,
      worksFor: [thing('Organization')],
      affiliation: [thing('Organization')],
      knowsAbout: ['Text', 'URL', thing('Thing')],
    },
    required: ['name'],
    recommended: ['url'],
  },
  Organization: { properties: ORGANIZATION, required: ['name'], recommended: ['url'] },
  NewsMediaOrganization: { properties: ORGANIZATION, required: ['name'], recommended: ['url', 'logo'] },
  ImageObject: {
    properties: {
      ...CREATIVE_WORK,
      contentUrl: url,
      width: ['Number', 'Text'],
      height: ['Number', 'Text'],
      caption: text,
      encodingFormat: text,
    },
  },
  BreadcrumbList: { properties: ITEM_LIST, required: ['itemListElement'] },
  ItemList: { properties: ITEM_LIST, required: ['itemListElement'] },
  ListItem: {
    properties: {
      ...THING,
      position: ['Integer'],
      item: ['URL', thing('Thing', 'WebPage', 'NewsArticle', 'Article')],
    },
    required: ['position'],
  },
  SearchAction: {
    properties: { ...THING, target: ['URL', thing('EntryPoint')], 'query-input': text },
    required: ['target'],
  },
  EntryPoint: { properties: { ...THING, urlTemplate: text }, required: ['urlTemplate'] },
  SpeakableSpecification: { properties: { cssSelector: text, xpath: text } },
};

/** Which types may stand where a type is expected (schema.org's subclass tree, for our types). */
const SUBTYPES: Record<string, string[]> = {
  Thing: Object.keys(TYPES),
  CreativeWork: [
    'CreativeWork',
    'Article',
    'NewsArticle',
    'WebPage',
    'ProfilePage',
    'CollectionPage',
    'SearchResultsPage',
    'WebSite',
    'ImageObject',
  ],
  Article: ['Article', 'NewsArticle'],
  WebPage: ['WebPage', 'ProfilePage', 'CollectionPage', 'SearchResultsPage'],
  Organization: ['Organization', 'NewsMediaOrganization'],
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Why a scalar value does not fit `kind`, or undefined when it does. */
function scalarMismatch(value: unknown, kind: Exclude<Kind, { types: string[] }>): string | undefined {
  switch (kind) {
    case 'Text':
      return typeof value === 'string' && value.trim() !== '' ? undefined : 'a non-empty text';
    case 'URL':
      return isAbsoluteHttpUrl(value) ? undefined : 'an absolute http(s) URL';
    case 'DateTime': {
      const match = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
      return match && isRealDate(match[1], match[2], match[3])
        ? undefined
        : 'an ISO 8601 date-time with a time zone';
    }
    case 'Date': {
      const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
      return match && isRealDate(match[1], match[2], match[3]) ? undefined : 'an ISO 8601 date';
    }
    case 'Number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'Integer':
      return Number.isInteger(value) ? undefined : 'an integer';
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
  }
}

export interface StructuredDataReport {
  errors: string[];
  recommendations: string[];
}

function validateNode(
  node: unknown,
  path: string,
  expected: string[] | undefined,
  report: StructuredDataReport,
): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    report.errors.push(`${path}: expected an object with @type`);
    return;
  }
  const record = node as Record<string, unknown>;
  const types = typesOf(record);
  if (!types.length) {
    report.errors.push(`${path}: has no @type`);
    return;
  }
  const unknown = types.filter((type) => !TYPES[type]);
  if (unknown.length) {
    report.errors.push(
      `${path}: @type ${unknown.join(', ')} is not one this validator knows (add it with its schema.org properties)`,
    );
    return;
  }
  if (
    expected &&
    !types.some((type) => expected.some((allowed) => (SUBTYPES[allowed] ?? [allowed]).includes(type)))
  ) {
    report.errors.push(
      `${path}: a ${types.join('/')} node cannot stand here (schema.org expects ${expected.join(' or ')})`,
    );
  }
  const specs = types.map((type) => TYPES[type]);
  const label = path ? `${path} (${types.join('/')})` : types.join('/');
  for (const [property, value] of Object.entries(record)) {
    if (property === '@type' || property === '@context' || value === undefined) continue;
    const kinds = specs.map((spec) => spec.properties[property]).find(Boolean);
    if (!kinds) {
      report.errors.push(`${label}: "${property}" is not a schema.org property of ${types.join('/')}`);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (!values.length) report.errors.push(`${label}: "${property}" is an empty list`);
    values.forEach((item, index) => {
      const where = `${path ? `${path}.` : ''}${property}${Array.isArray(value) ? `[${index}]` : ''}`;
      validateValue(item, kinds, where, report);
    });
  }
  for (const spec of specs) {
    for (const property of spec.required ?? []) {
      if (record[property] === undefined) report.errors.push(`${label}: required "${property}" is missing`);
    }
    for (const property of spec.recommended ?? []) {
      if (record[property] === undefined)
        report.recommendations.push(`${label}: recommended "${property}" is missing`);
    }
  }
  if (types.includes('BreadcrumbList')) checkBreadcrumbs(record, label, report);
}

function validateValue(value: unknown, kinds: Kind[], where: string, report: StructuredDataReport): void {
  const nodeKinds = kinds.filter((kind): kind is { types: string[] } => typeof kind === 'object');
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (!nodeKinds.length) {
      report.errors.push(`${where}: expected ${kinds.join(' or ')}, not an object`);
      return;
    }
    validateNode(
      value,
      where,
      nodeKinds.flatMap((kind) => kind.types),
      report,
    );
    return;
  }
  const scalarKinds = kinds.filter(
    (kind): kind is Exclude<Kind, { types: string[] }> => typeof kind === 'string',
  );
  const mismatches = scalarKinds.map((kind) => scalarMismatch(value, kind));
  if (!scalarKinds.length || mismatches.every(Boolean)) {
    const wanted = [...mismatches, ...nodeKinds.map((kind) => `a ${kind.types.join('/')} node`)].filter(
      Boolean,
    );
    report.errors.push(`${where}: ${JSON.stringify(value)} is not ${wanted.join(' or ')}`);
  }
}

/** Google: at least two ListItems, positions 1…n in order, each with a name and (but the last) an item. */
function checkBreadcrumbs(list: Record<string, unknown>, label: string, report: StructuredDataReport): void {
  const items = (
    Array.isArray(list.itemListElement) ? list.itemListElement : [list.itemListElement]
  ) as Record<string, unknown>[];
  if (items.length < 2) report.errors.push(`${label}: a breadcrumb trail needs at least two ListItems`);
  items.forEach((item, index) => {
    if (item?.position !== index + 1)
      report.errors.push(`${label}.itemListElement[${index}]: position should be ${index + 1}`);
    if (!item?.name && typeof item?.item !== 'object')
      report.errors.push(`${label}.itemListElement[${index}]: needs a name`);
    if (index < items.length - 1 && item?.item === undefined)
      report.errors.push(`${label}.itemListElement[${index}]: needs an item (URL)`);
  });
}

/** Validates one parsed JSON-LD document (a node, or an object with @graph). */
export function validateJsonLd(document: unknown): StructuredDataReport {
  const report: StructuredDataReport = { errors: [], recommendations: [] };
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    report.errors.push('a JSON-LD block must be one object');
    return report;
  }
  const root = document as Record<string, unknown>;
  const context = root['@context'];
  if (context !== 'https://schema.org' && context !== 'https://schema.org/') {
    report.errors.push(`@context is ${JSON.stringify(context)}, expected "https://schema.org"`);
  }
  if (Array.isArray(root['@graph'])) {
    root['@graph'].forEach((node, index) => validateNode(node, `@graph[${index}]`, undefined, report));
  } else {
    validateNode(root, '', undefined, report);
  }
  return report;
}

/**
 * Every JSON-LD block of a page, parsed; a block that is not JSON is an error naming its number.
 * Streamed through htmlparser2 rather than a DOM, so `npm run verify` reads 10,000 pages in seconds.
 */
export function jsonLdBlocksOf(html: string): { blocks: unknown[]; errors: string[] } {
  const texts: string[] = [];
  let current: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script' && attributes.type?.trim().toLowerCase() === 'application/ld+json') current = '';
    },
    ontext(text) {
      if (current !== undefined) current += text;
    },
    onclosetag(name) {
      if (name === 'script' && current !== undefined) texts.push(current);
      if (name === 'script') current = undefined;
    },
  });
  parser.end(html);
  const blocks: unknown[] = [];
  const errors: string[] = [];
  texts.forEach((text, index) => {
    try {
      blocks.push(JSON.parse(text));
    } catch (error) {
      errors.push(`JSON-LD block ${index + 1} does not parse: ${(error as Error).message}`);
    }
  });
  return { blocks, errors };
}
