/**
 * Writes public/logo.png: the publisher logo that NewsArticle JSON-LD points to (Google wants a
 * raster logo, at least 112 px, square works everywhere). A 512 px monogram of the publication
 * name, set in the same Inter as the Open Graph cards. Replace the file with your real logo, or
 * re-run after changing SITE_NAME:
 *
 *   SITE_NAME="The Harbour Gazette" npm run logo
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { element, renderPng } from '../src/lib/og-image.ts';
import { PUBLISHER_LOGO } from '../src/lib/publisher-logo.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';

const LOGO_SIZE = PUBLISHER_LOGO.width;

/** "The Wirepress Review" -> "W": the first letter of the first word that is not an article. */
function monogram(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const word = words.find((w) => !/^(the|a|an)$/i.test(w)) ?? words[0] ?? '?';
  return [...word][0]!.toUpperCase();
}

const { name } = readSiteConfig(process.env);
const size = { width: LOGO_SIZE, height: LOGO_SIZE };
const logo = element(
  'div',
  {
    width: '100%',
    height: '100%',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: '#0b57a4',
    color: '#ffffff',
    fontFamily: 'Inter',
    fontWeight: 700,
    fontSize: 360,
  },
  monogram(name),
);
const file = join(import.meta.dirname, '../public', PUBLISHER_LOGO.path);
writeFileSync(file, await renderPng(logo, size));
console.log(`Wrote ${file} (${LOGO_SIZE}×${LOGO_SIZE}, "${monogram(name)}" for ${name}).`);
