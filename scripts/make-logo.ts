/**
 * Writes public/logo.png: the publisher logo that NewsArticle JSON-LD points to (Google wants a
 * raster logo, at least 112 px, square works everywhere). A 512 px monogram of the publication
 * name, set in the same Inter as the Open Graph cards. Also public/favicon.png, the same mark at
 * 48 px: every page view fetches the icon early, and the 512 px logo weighs 12 KB against its 2.
 * Replace the files with your real logo, or re-run after changing SITE_NAME:
 *
 *   SITE_NAME="The Harbour Gazette" npm run logo
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { cardFaces } from '../src/cards/og-image.ts';
import { PUBLISHER_LOGO } from '../src/lib/publisher-logo.ts';
import { canvas, drawLine, encodePng, hexColour, setLine } from '../src/cards/raster-text.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';

const LOGO_SIZE = PUBLISHER_LOGO.width;
/** Browsers show 16–32 px in tabs and 48 px on Windows' taskbar. */
const FAVICON_SIZE = 48;

/** "The Wirepress Review" -> "W": the first letter of the first word that is not an article. */
function monogram(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const word = words.find((w) => !/^(the|a|an)$/i.test(w)) ?? words[0] ?? '?';
  return [...word][0]!.toUpperCase();
}

const { name } = readSiteConfig(process.env);
const letter = monogram(name);
const size = 360;
const logo = canvas(LOGO_SIZE, LOGO_SIZE, hexColour('#0b57a4'));
const line = setLine(letter, { face: cardFaces().bold, size });
// Centred on the letter's cap height, as the eye reads a capital's middle.
const capHeight = (cardFaces().bold[0]!.capHeight * size) / cardFaces().bold[0]!.unitsPerEm;
await drawLine(
  logo,
  line,
  size,
  (LOGO_SIZE - line.width) / 2,
  (LOGO_SIZE + capHeight) / 2,
  hexColour('#ffffff'),
);
const file = join(import.meta.dirname, '../public', PUBLISHER_LOGO.path);
const png = encodePng(logo);
writeFileSync(file, png);
const favicon = join(import.meta.dirname, '../public/favicon.png');
await sharp(png).resize(FAVICON_SIZE).png({ palette: true, compressionLevel: 9 }).toFile(favicon);
console.log(
  `Wrote ${file} (${LOGO_SIZE}×${LOGO_SIZE}, "${letter}" for ${name}) and ${favicon} (${FAVICON_SIZE} px).`,
);
